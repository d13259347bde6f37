package dev.labkit.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.labkit.data.Datasets;
import dev.labkit.data.LoadOptions;
import dev.labkit.data.RegressionData;
import dev.labkit.model.LinearRegressionGd;
import dev.labkit.model.Loss.Kind;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The eight rows of ../shared/PEERS.md's table (full-batch gradient descent from W = b = 0, 2,000 steps,
 * float64, on the same 10,000 points, shipped as data/linreg/linreg_data.csv), to every digit the table
 * prints: it rounds to 6 decimals, so a value may differ from it by half a unit of the last place (5e-7);
 * we allow 6e-7.
 */
class PeersTableTest {
  private static final RegressionData DATA = Datasets.csvRegression(
      Path.of("..", "data", "linreg", "linreg_data.csv"), "y").loadRegression(LoadOptions.quiet(42));

  private static final double PRINTED = 6e-7;

  @ParameterizedTest(name = "{0} at lr {1}: W {2}, b {3}, loss {4}")
  @CsvSource({
      "MSE,    0.001, 2.931193, 1.967977, 0.992024",
      "MAE,    0.001, 1.224474, 0.905797, 1.846996",
      "HUBER,  0.001, 1.202866, 0.887162, 1.424730",
      "HYBRID, 0.001, 2.746314, 1.848921, 0.948824",
      "MSE,    0.01,  2.985580, 2.003142, 0.987816",
      "MAE,    0.01,  2.997258, 1.995210, 0.795043",
      "HUBER,  0.01,  2.993665, 2.002654, 0.420528",
      "HYBRID, 0.01,  2.989478, 2.000992, 0.891459"})
  void gradient_descent_matches_the_reference_table(Kind loss, double lr, double w, double b, double finalLoss) {
    RegressionFit fit = RegressionTrainer.fit(LinearRegressionGd.defaults().loss(loss).lr(lr).steps(2000), DATA, 42,
        event -> { });
    assertThat(fit.w()[0]).isCloseTo(w, within(PRINTED));
    assertThat(fit.b()).isCloseTo(b, within(PRINTED));
    assertThat(fit.finalLoss()).isCloseTo(finalLoss, within(PRINTED));
  }
}
