package dev.labkit.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.classic.Fitting;
import dev.labkit.model.ClassifierSpec;
import dev.labkit.model.Gan;
import dev.labkit.model.LinearRegressionGd;
import dev.labkit.model.LogisticRegression;
import dev.labkit.model.NeuralNet;
import dev.labkit.model.RandomForest;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RunKindsTest {
  @Test
  void a_models_kind_is_its_specs_family() {
    assertThat(RunKinds.of(LogisticRegression.defaults()).name()).isEqualTo("classify");
    assertThat(RunKinds.of(RandomForest.defaults()).name()).isEqualTo("classify");
    assertThat(RunKinds.of(NeuralNet.mlp(64)).name()).isEqualTo("classify");
    assertThat(RunKinds.of(LinearRegressionGd.defaults()).name()).isEqualTo("regress");
    assertThat(RunKinds.of(Gan.defaults()).name()).isEqualTo("generate");
    assertThat(RunKinds.of(Gan.dcgan()).name()).isEqualTo("generate");
  }

  @Test
  void a_kind_is_read_back_by_the_name_a_run_folder_recorded() {
    for (RunKind kind : RunKinds.ALL) {
      assertThat(RunKinds.named(kind.name())).isSameAs(kind);
    }
  }

  /** A GAN or a regression where a classifier belongs does not compile: every way into Fitting takes a ClassifierSpec. */
  @Test
  void fitting_takes_classifier_specs_only_so_a_gan_cannot_be_fitted_as_a_classifier() {
    Method[] fits = Arrays.stream(Fitting.class.getMethods())
        .filter(m -> m.getName().equals("fit") && Modifier.isStatic(m.getModifiers())).toArray(Method[]::new);
    assertThat(fits).isNotEmpty().allMatch(m -> m.getParameterTypes()[0] == ClassifierSpec.class);
    assertThat(ClassifierSpec.class.isAssignableFrom(Gan.class)).isFalse();
    assertThat(ClassifierSpec.class.isAssignableFrom(LinearRegressionGd.class)).isFalse();
  }
}
