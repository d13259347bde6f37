package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.chart.Charts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SizesAndLogBarsTest {
  @Test
  void sizes_in_bytes_read_as_a_file_manager_shows_them() {
    assertThat(Format.named("model_bytes", 2.517e7)).isEqualTo("25.2 MB");
    assertThat(Format.bytes(812)).isEqualTo("812 B");
    assertThat(Format.bytes(4100)).isEqualTo("4.1 kB");
    assertThat(Format.named("fit_seconds", 2.517e7)).isEqualTo("2.517e+07");
  }

  @Test
  void bars_on_a_log_axis_rise_from_the_decade_below_the_smallest_value() {
    JsonNode spec = Charts.bars("Fit and predict time per model").x("model", "model").y("seconds", "seconds")
        .logY().data(List.of(Map.of("model", "tree", "seconds", 0.0042), Map.of("model", "svm", "seconds", 61.0)))
        .spec();
    assertThat(spec.path("encoding").path("y").path("scale").path("type").asString()).isEqualTo("log");
    assertThat(spec.path("encoding").path("y2").path("datum").asDouble()).isEqualTo(0.001);
  }
}
