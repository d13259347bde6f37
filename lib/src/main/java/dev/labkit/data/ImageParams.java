package dev.labkit.data;

import dev.labkit.ground.Declare;
import dev.labkit.ground.ParamTable;
import java.nio.file.Path;

/**
 * The params every image dataset spec has, declared once for all of them, in one order: the keys
 * {@code --set data.<key>} takes. An image spec implements this with its record components and withers.
 */
interface ImageParams<S extends ImageParams<S>> {
  Scale scale();

  S scale(Scale value);

  int trainSize();

  S trainSize(int n);

  int testSize();

  S testSize(int n);

  Path path();

  S path(Path dir);

  String mirror();

  S mirror(String baseUrl);

  String classes();

  S classes(String value);

  /**
   * The table of an image spec type; its compact constructor validates with
   * {@code PARAMS.validate(scale, trainSize, testSize, path, mirror, classes)}.
   */
  static <S extends ImageParams<S>> ParamTable<S> table() {
    Declare<S> p = Declare.of();
    return ParamTable.of(
        p.choice("scale", Scale.class, S::scale, S::scale,
            "`unit` (pixels/255), `symmetric` ([-1, 1]), `standardize` (train statistics), `none`"),
        p.integer("train_size", S::trainSize, S::trainSize,
            "examples of the training part to use, a seeded stratified subset; 0: all")
            .check(n -> n >= 0, "0 (all) or more"),
        p.integer("test_size", S::testSize, S::testSize, "the same for the test part")
            .check(n -> n >= 0, "0 (all) or more"),
        p.path("path", S::path, S::path, "a folder holding the dataset's files; empty: the usual places"),
        p.text("mirror", S::mirror, S::mirror, "base URL of a folder to download from; empty: never download"),
        p.text("classes", S::classes, S::classes,
            "classes to keep (names or label numbers, `3,9`), relabelled in that order; empty: all"));
  }
}
