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
      List.of("ground", "console"),
      List.of("data", "model"),
      List.of("classic", "neural", "gan", "eval", "chart", "image"),
      List.of("store"),
      List.of("run", "kinds.classify", "kinds.regress", "kinds.generate", "cluster"),
      List.of("lab"),
      List.of("report"),
      List.of("", "cli"));

  private static final Path SOURCES = Path.of("src/main/java/dev/labkit");
  private static final Pattern REFERENCE = Pattern.compile("\\bdev\\.labkit\\.((?:[a-z]+\\.)*)[A-Z]");
  private static final Pattern INLINE = Pattern.compile("\\bdev\\.labkit\\.((?:[a-z]+\\.)*)([A-Z]\\w*)");
  private static final Pattern IMPORT = Pattern.compile("^import (static )?dev\\.labkit\\.[\\w.]+;$", Pattern.MULTILINE);

  @Test
  void imports_only_point_down_a_layer() throws IOException {
    List<String> upward = new ArrayList<>();
    forEachSource((file, pkg, code) -> upward(pkg, code).forEach(u -> upward.add(file + ": " + u)));
    assertThat(upward).as("references that point up a layer").isEmpty();
  }

  /** Every reference in {@code code} (of package {@code pkg}) to a package in a higher layer. */
  static List<String> upward(String pkg, String code) {
    List<String> upward = new ArrayList<>();
    Matcher m = REFERENCE.matcher(code);
    while (m.find()) {
      String target = m.group(1).isEmpty() ? "" : m.group(1).substring(0, m.group(1).length() - 1);
      if (layer(target) > layer(pkg)) {
        upward.add(display(pkg) + " (layer " + layer(pkg) + ") uses " + display(target) + " (layer "
            + layer(target) + ")");
      }
    }
    return upward;
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

  /**
   * An inline {@code dev.labkit} name hides a dependency from the import list; it is allowed only where it
   * tells two classes of one simple name apart (our {@code data.Shape} beside DJL's imported {@code Shape}).
   */
  @Test
  void code_names_library_classes_through_imports_not_inline() throws IOException {
    List<String> inline = new ArrayList<>();
    forEachSource((file, pkg, code) -> {
      String withoutImports = IMPORT.matcher(code).replaceAll("");
      Matcher m = INLINE.matcher(withoutImports);
      while (m.find()) {
        boolean clash = Pattern.compile("^import [\\w.]+\\." + m.group(2) + ";$", Pattern.MULTILINE).matcher(code).find();
        if (!clash) {
          inline.add(file + ": dev.labkit." + m.group(1) + m.group(2));
        }
      }
    });
    assertThat(inline).as("fully-qualified dev.labkit names in code (import them)").isEmpty();
  }

  @Test
  void the_rule_catches_an_upward_import_and_an_upward_inline_name_but_not_a_comment() {
    String source = code("""
        package dev.labkit.classic;
        import dev.labkit.ground.Event;
        import dev.labkit.run.Runner; // a trainer reaching up into the run kinds
        /** See {@link dev.labkit.report.SiteGenerator}: a comment is no reference. */
        class Fit { Object o = new dev.labkit.store.RunStore(); String s = "dev.labkit.report.Server"; }
        """);
    assertThat(upward("classic", source)).containsExactly(
        "dev.labkit.classic (layer 2) uses dev.labkit.run (layer 4)",
        "dev.labkit.classic (layer 2) uses dev.labkit.store (layer 3)");
    assertThat(upward("report", source)).isEmpty();
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

  /** The source without comments and string, text-block and char literals: only code counts. */
  static String code(String source) {
    StringBuilder code = new StringBuilder(source.length());
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (source.startsWith("//", i)) {
        i = nextLine(source, i);
      } else if (source.startsWith("/*", i)) {
        int end = source.indexOf("*/", i + 2);
        i = end < 0 ? source.length() : end + 2;
        code.append(' ');
      } else if (source.startsWith("\"\"\"", i)) {
        int end = source.indexOf("\"\"\"", i + 3);
        i = end < 0 ? source.length() : end + 3;
        code.append("\"\"");
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < source.length() && source.charAt(j) != c) {
          j += source.charAt(j) == '\\' ? 2 : 1;
        }
        i = j + 1;
        code.append(c).append(c);
      } else {
        code.append(c);
        i++;
      }
    }
    return code.toString();
  }

  private static int nextLine(String source, int from) {
    int end = source.indexOf('\n', from);
    return end < 0 ? source.length() : end;
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
