package dev.labkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library's layers (docs/architecture.md): a package may use its own layer and the layers below,
 * never one above. Read from the sources, so an import and a fully-qualified name in code count alike.
 */
class LayersTest {
  /** Every package of the library, by layer, from the ground up. */
  static final List<List<String>> LAYERS = List.of(
      List.of("ground"),
      List.of("data", "model"),
      List.of("classic", "neural", "gan", "eval", "chart", "image"),
      List.of("store"),
      List.of("run", "kinds.classify", "kinds.regress", "kinds.generate"),
      List.of("lab"),
      List.of("report"),
      List.of("", "cli"));

  private static final Path SOURCES = Path.of("src/main/java/dev/labkit");
  private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.labkit\\.((?:[a-z]+\\.)*)[A-Z]");
  private static final Pattern IMPORT = Pattern.compile("^import (static )?dev\\.labkit\\.[\\w.]+;$", Pattern.MULTILINE);

  @Test
  void imports_only_point_down_a_layer() throws IOException {
    List<String> upward = new ArrayList<>();
    forEachSource((file, pkg, code) -> {
      Matcher m = REFERENCE.matcher(code);
      while (m.find()) {
        String target = m.group(1).isEmpty() ? "" : m.group(1).substring(0, m.group(1).length() - 1);
        if (layer(target) > layer(pkg)) {
          upward.add(file + ": " + display(pkg) + " (layer " + layer(pkg) + ") uses " + display(target)
              + " (layer " + layer(target) + ")");
        }
      }
    });
    assertThat(upward).as("references that point up a layer").isEmpty();
  }

  @Test
  void every_package_has_a_layer() throws IOException {
    List<String> unplaced = new ArrayList<>();
    forEachSource((file, pkg, code) -> {
      if (layerOrMissing(pkg) < 0) {
        unplaced.add(file + ": package " + display(pkg));
      }
    });
    assertThat(unplaced).as("packages missing from LayersTest.LAYERS and docs/architecture.md").isEmpty();
  }

  @Test
  void code_names_library_classes_through_imports_not_inline() throws IOException {
    List<String> inline = new ArrayList<>();
    forEachSource((file, pkg, code) -> {
      String withoutImports = IMPORT.matcher(code).replaceAll("");
      Matcher m = REFERENCE.matcher(withoutImports);
      while (m.find()) {
        inline.add(file + ": dev.labkit." + m.group(1) + "…");
      }
    });
    assertThat(inline).as("fully-qualified dev.labkit names in code (import them)").isEmpty();
  }

  @Test
  void the_rule_catches_an_upward_import() {
    assertThat(layer("classic")).isLessThan(layer("run"));
    assertThat(layer("ground")).isZero();
    assertThat(layer("")).isEqualTo(LAYERS.size() - 1);
  }

  private interface SourceVisitor {
    void visit(Path file, String pkg, String code);
  }

  private static void forEachSource(SourceVisitor visitor) throws IOException {
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String pkg = SOURCES.relativize(file.getParent() == null ? SOURCES : file.getParent()).toString()
            .replace('/', '.');
        visitor.visit(SOURCES.relativize(file), pkg, code(Files.readString(file)));
      }
    }
  }

  /** The source without comments and string literals: only code counts. */
  static String code(String source) {
    return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ")
        .replaceAll("\"(?:\\\\.|[^\"\\\\])*\"", "\"\"");
  }

  static int layer(String pkg) {
    int layer = layerOrMissing(pkg);
    if (layer < 0) {
      throw new AssertionError("package " + display(pkg) + " has no layer in LayersTest.LAYERS");
    }
    return layer;
  }

  private static int layerOrMissing(String pkg) {
    for (int i = 0; i < LAYERS.size(); i++) {
      if (LAYERS.get(i).contains(pkg)) {
        return i;
      }
    }
    return -1;
  }

  private static String display(String pkg) {
    return pkg.isEmpty() ? "dev.labkit" : "dev.labkit." + pkg;
  }

}
