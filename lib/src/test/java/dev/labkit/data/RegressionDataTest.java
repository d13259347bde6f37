package dev.labkit.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.labkit.ground.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RegressionDataTest {
  @TempDir Path dir;

  @Test
  void the_line_generator_is_seeded_and_follows_its_recipe() {
    RegressionData a = Datasets.line().loadRegression(LoadOptions.quiet(42));
    RegressionData b = Datasets.line().loadRegression(LoadOptions.quiet(42));
    assertThat(a.size()).isEqualTo(10_000);
    assertThat(b.sha256()).isEqualTo(a.sha256());
    assertThat(Datasets.line().loadRegression(LoadOptions.quiet(43)).sha256()).isNotEqualTo(a.sha256());
    double meanResidual = 0;
    for (int i = 0; i < a.size(); i++) {
      meanResidual += (a.targets()[i] - 3 * a.features()[i] - 2) / a.size();
    }
    assertThat(meanResidual).isCloseTo(0, within(0.05));
    RegressionData uniform = Datasets.line().xDist(SyntheticLine.XDist.UNIFORM).xMin(-5).xMax(5).n(500)
        .loadRegression(LoadOptions.quiet(1));
    assertThat(java.util.Arrays.stream(uniform.features()).min().orElseThrow()).isGreaterThanOrEqualTo(-5);
    assertThat(java.util.Arrays.stream(uniform.features()).max().orElseThrow()).isLessThanOrEqualTo(5);
    assertThat(Datasets.line().loadRegression(new LoadOptions(true, 42, line -> { })).size()).isEqualTo(1000);
  }

  @ParameterizedTest
  @EnumSource(Noise.class)
  void every_noise_kind_has_mean_0_and_the_scale_as_its_standard_deviation(Noise noise) {
    double[] draws = noise.samples(new SplittableRandom(3), 2.0, 200_000);
    double mean = java.util.Arrays.stream(draws).average().orElseThrow();
    double var = java.util.Arrays.stream(draws).map(v -> (v - mean) * (v - mean)).sum() / draws.length;
    assertThat(mean).isCloseTo(0, within(0.02));
    assertThat(Math.sqrt(var)).isCloseTo(2.0, within(0.02));
  }

  @Test
  void generated_data_exported_as_csv_reads_back_to_the_same_numbers() {
    RegressionData data = Datasets.line().n(300).loadRegression(LoadOptions.quiet(5));
    Path file = dir.resolve("line.csv");
    data.writeCsv(file);
    RegressionData back = Datasets.csvRegression(file, "y").loadRegression(LoadOptions.quiet(0));
    assertThat(back.features()).containsExactly(data.features());
    assertThat(back.targets()).containsExactly(data.targets());
    assertThat(back.featureNames()).containsExactly("x");
  }

  @Test
  void the_reference_file_of_peers_md_loads_with_its_10000_points() {
    RegressionData data = Datasets.csvRegression(Path.of("..", "data", "linreg", "linreg_data.csv"), "y")
        .loadRegression(LoadOptions.quiet(0));
    assertThat(data.size()).isEqualTo(10_000);
    assertThat(data.sha256()).isEqualTo("c46887d2eb1f11be09162b24482d3058ee1ab688b5952371070356b8e1a06e5e");
  }

  @Test
  void text_choices_name_regression_data_too() {
    assertThat(Datasets.parse("line")).isInstanceOf(SyntheticLine.class);
    assertThat(Datasets.parse("csv:some.csv,target=y")).isEqualTo(Datasets.csvRegression(Path.of("some.csv"), "y"));
  }

  @Test
  void malformed_regression_csv_and_bad_generator_settings_are_one_line_errors() throws Exception {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, "x,y\n1,2\n3,oops\n");
    assertThatThrownBy(() -> Datasets.csvRegression(file, "y").loadRegression(LoadOptions.quiet(0)))
        .isInstanceOf(UserError.class).hasMessage(file + ": line 3, column 'y': 'oops' is not a finite number");
    assertThatThrownBy(() -> Datasets.csvRegression(file, "z").loadRegression(LoadOptions.quiet(0)))
        .hasMessage(file + ": no column 'z'; the columns are x, y (choose one with target=<column>)");
    assertThatThrownBy(() -> Datasets.line().noiseScale(-1)).hasMessageStartingWith("noise_scale must be ≥ 0, got -1");
    assertThatThrownBy(() -> Datasets.line().with("noise", "cauchy"))
        .hasMessage("noise must be one of gaussian, uniform, laplace, got 'cauchy'");
  }
}
