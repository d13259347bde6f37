package dev.labkit.run;

import dev.labkit.kinds.classify.Classify;
import dev.labkit.kinds.generate.Generate;
import dev.labkit.kinds.regress.Regress;
import dev.labkit.model.Gan;
import dev.labkit.model.LinearRegressionGd;
import dev.labkit.model.ModelSpec;
import java.util.List;

/** The one place a model's task family is decided: by the sealed family its spec belongs to. */
public final class RunKinds {
  /** Every kind, for reading run folders back by the name they recorded. */
  public static final List<RunKind> ALL = List.of(Classify.KIND, Regress.KIND, Generate.KIND);

  private RunKinds() {}

  public static RunKind of(ModelSpec<?> model) {
    if (model instanceof LinearRegressionGd) {
      return Regress.KIND;
    }
    if (model instanceof Gan) {
      return Generate.KIND;
    }
    return Classify.KIND;
  }

  /** The kind a run folder recorded ({@code classify}, {@code regress}, {@code generate}); classify when unknown. */
  public static RunKind named(String name) {
    return ALL.stream().filter(kind -> kind.name().equals(name)).findFirst().orElse(Classify.KIND);
  }
}
