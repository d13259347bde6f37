package dev.labkit.run;

import dev.labkit.kinds.classify.Classify;
import dev.labkit.kinds.generate.Generate;
import dev.labkit.kinds.regress.Regress;
import dev.labkit.model.ClassifierSpec;
import dev.labkit.model.GeneratorSpec;
import dev.labkit.model.ModelSpec;
import dev.labkit.model.RegressorSpec;
import java.util.List;

/** The one place a model's task family is decided: by the sealed family its spec belongs to. */
public final class RunKinds {
  /** Every kind, for reading run folders back by the name they recorded. */
  public static final List<RunKind> ALL = List.of(Classify.KIND, Regress.KIND, Generate.KIND);

  private RunKinds() {}

  public static RunKind of(ModelSpec<?> model) {
    return switch (model) {
      case ClassifierSpec<?> classifier -> Classify.KIND;
      case RegressorSpec<?> regressor -> Regress.KIND;
      case GeneratorSpec<?> generator -> Generate.KIND;
    };
  }

  /** The kind a run folder recorded ({@code classify}, {@code regress}, {@code generate}); classify when unknown. */
  public static RunKind named(String name) {
    return ALL.stream().filter(kind -> kind.name().equals(name)).findFirst().orElse(Classify.KIND);
  }
}
