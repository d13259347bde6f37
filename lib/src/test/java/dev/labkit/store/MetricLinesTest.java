package dev.labkit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** metrics.csv is written and read as CSV (Commons CSV) in one place; files written before still read. */
class MetricLinesTest {
  @TempDir Path dir;

  @Test
  void a_metric_name_with_a_comma_or_a_quote_stays_one_cell_and_reads_back() throws IOException {
    Path file = dir.resolve("metrics.csv");
    Files.writeString(file, MetricLines.HEADER + MetricLines.line(3, "val/f1,class \"shirt\"", 0.25, 1.5)
        + MetricLines.line(4, "train/loss", Double.POSITIVE_INFINITY, 2));
    List<String> warnings = new ArrayList<>();
    assertThat(MetricLines.read(file, warnings::add)).containsExactly(
        new MetricLines.Line(3, "val/f1,class \"shirt\"", 0.25, 1.5),
        new MetricLines.Line(4, "train/loss", Double.POSITIVE_INFINITY, 2));
    assertThat(warnings).isEmpty();
  }

  @Test
  void a_file_written_by_an_older_labkit_still_reads() throws IOException {
    Path file = dir.resolve("metrics.csv");
    Files.writeString(file, "step,name,value,wall_time\n1,train/loss,0.5,0.250\r\n2,test/accuracy,0.875,1.000\n3,x,NaN,\n");
    assertThat(MetricLines.read(file, w -> { })).containsExactly(
        new MetricLines.Line(1, "train/loss", 0.5, 0.25),
        new MetricLines.Line(2, "test/accuracy", 0.875, 1.0),
        new MetricLines.Line(3, "x", Double.NaN, Double.NaN));
  }

  @Test
  void a_whole_file_made_from_lines_reads_back_as_those_lines() throws IOException {
    List<MetricLines.Line> lines = List.of(new MetricLines.Line(1, "a,b", 1e-9, 0.5),
        new MetricLines.Line(2, "c", -3, Double.NaN));
    Path file = Files.writeString(dir.resolve("metrics.csv"), MetricLines.text(lines));
    assertThat(MetricLines.read(file, w -> { })).isEqualTo(lines);
  }
}
