package dev.labkit;

import dev.labkit.data.Cifar10Spec;
import dev.labkit.data.CsvDataSpec;
import dev.labkit.data.ImageFolderSpec;
import dev.labkit.data.CsvRegressionSpec;
import dev.labkit.data.Datasets;
import dev.labkit.data.ImageDataSpec;
import dev.labkit.data.SyntheticLine;
import dev.labkit.ground.ParamDocs;
import dev.labkit.model.DecisionTree;
import dev.labkit.model.Gan;
import dev.labkit.model.GaussianNaiveBayes;
import dev.labkit.model.Knn;
import dev.labkit.model.LinearRegressionGd;
import dev.labkit.model.LogisticRegression;
import dev.labkit.model.NeuralNet;
import dev.labkit.model.RandomForest;
import dev.labkit.model.Svm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders docs/dsl.md's parameter tables from the specs' declarations: each table sits between
 * {@code <!-- params:ID:begin -->} and {@code <!-- params:ID:end -->}, and everything else in the file is
 * prose kept as it is. {@link DslDocsTest} fails when the file differs from what this renders; the
 * command in {@link #REGENERATE} rewrites it.
 */
final class DslDocs {
  static final Path FILE = Path.of("..", "docs", "dsl.md");
  static final String REGENERATE = "./mvnw -o -q -pl lib test -Dtest=DslDocsTest -Dlabkit.docs.write=true";

  private DslDocs() {}

  /** Each table's id in the markers and its markdown. */
  static Map<String, String> tables() {
    Map<String, String> tables = new LinkedHashMap<>();
    tables.put("image-data", ParamDocs.markdown("data.", ImageDataSpec.PARAMS, Datasets.fashionMnist()));
    tables.put("cifar10-data", ParamDocs.markdown("data.", Cifar10Spec.PARAMS, Datasets.cifar10()));
    tables.put("csv-data", ParamDocs.markdown("data.", CsvDataSpec.PARAMS, Datasets.csv(Path.of("table.csv"),
        "label")));
    tables.put("image-folder-data", ParamDocs.markdown("data.", ImageFolderSpec.PARAMS,
        Datasets.imageFolder(Path.of("images"))));
    tables.put("line-data", ParamDocs.markdown("data.", SyntheticLine.PARAMS, Datasets.line()));
    tables.put("csv-regression-data", ParamDocs.markdown("data.", CsvRegressionSpec.PARAMS,
        Datasets.csvRegression(Path.of("table.csv"), "y")));
    tables.put("logistic-regression", ParamDocs.markdown("model.", LogisticRegression.PARAMS,
        LogisticRegression.defaults()));
    tables.put("svm", ParamDocs.markdown("model.", Svm.PARAMS, Svm.defaults()));
    tables.put("random-forest", ParamDocs.markdown("model.", RandomForest.PARAMS, RandomForest.defaults()));
    tables.put("knn", ParamDocs.markdown("model.", Knn.PARAMS, Knn.defaults()));
    tables.put("decision-tree", ParamDocs.markdown("model.", DecisionTree.PARAMS, DecisionTree.defaults()));
    tables.put("naive-bayes", ParamDocs.markdown("model.", GaussianNaiveBayes.PARAMS, GaussianNaiveBayes.defaults()));
    tables.put("linear-regression", ParamDocs.markdown("model.", LinearRegressionGd.PARAMS,
        LinearRegressionGd.defaults()));
    tables.put("neural-net", ParamDocs.markdown("model.", NeuralNet.PARAMS, NeuralNet.softmaxRegression()));
    tables.put("gan", ParamDocs.markdown("model.", Gan.PARAMS, Gan.defaults()));
    return tables;
  }

  /** {@code text} with every marked table replaced by its rendering; a missing marker is an error naming it. */
  static String render(String text) {
    String out = text;
    for (Map.Entry<String, String> table : tables().entrySet()) {
      String begin = "<!-- params:" + table.getKey() + ":begin -->\n";
      String end = "<!-- params:" + table.getKey() + ":end -->";
      int from = out.indexOf(begin);
      int to = out.indexOf(end);
      if (from < 0 || to < from) {
        throw new IllegalStateException("docs/dsl.md has no " + begin.strip() + " … " + end + " block");
      }
      out = out.substring(0, from + begin.length()) + table.getValue() + out.substring(to);
    }
    return out;
  }

  /** Rewrites docs/dsl.md's tables in place. */
  public static void main(String[] args) throws IOException {
    Files.writeString(FILE, render(Files.readString(FILE, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }
}
