package dev.labkit.data;

import dev.labkit.ground.DeclaredSpec;
import dev.labkit.ground.ParamTable;
import dev.labkit.ground.UserError;
import java.util.function.Function;

/**
 * A dataset your own code loads: any function from the run's {@link LoadOptions} (its seed, whether it is a
 * smoke run, where progress goes) to a training and a test part, made with {@link Datasets#dataset} so
 * each carries a digest of its values. It is called once per run; what it returns is checked (same shape and
 * classes in both parts) before anything trains. Get one from {@link Datasets#supplied}.
 *
 * @param name     the dataset's name in the run folder and the report
 * @param supplier the code that loads it
 */
public record SuppliedData(String name, Function<LoadOptions, TrainTest> supplier)
    implements DataSpec<SuppliedData>, DeclaredSpec<SuppliedData> {

  /** No knobs: what varies is in the supplier's code, and the run records the data's digest. */
  public static final ParamTable<SuppliedData> PARAMS = ParamTable.of();

  @Override
  public ParamTable<SuppliedData> paramTable() {
    return PARAMS;
  }

  @Override
  public TrainTest load(LoadOptions options) {
    TrainTest data;
    try {
      data = supplier.apply(options);
    } catch (UserError e) {
      throw e;
    } catch (RuntimeException e) {
      throw new UserError("the data supplier of " + name + " failed: " + e, e);
    }
    if (data == null || data.train() == null || data.test() == null) {
      throw new UserError("the data supplier of " + name + " returned no training or no test part; return "
          + "new TrainTest(Datasets.dataset(...), Datasets.dataset(...))");
    }
    if (!data.train().shape().equals(data.test().shape()) || !data.train().classNames().equals(data.test().classNames())) {
      throw new UserError(name + ": the training part has " + data.train().shape() + " and classes "
          + data.train().classNames() + ", the test part " + data.test().shape() + " and "
          + data.test().classNames() + "; give both parts the same shape and classes");
    }
    options.progress().accept(name + ": " + data.train().size() + " train / " + data.test().size() + " test, "
        + data.train().shape() + ", " + data.train().numClasses() + " classes, from the script's supplier");
    return data;
  }
}
