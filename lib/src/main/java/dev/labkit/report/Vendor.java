package dev.labkit.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The chart scripts (vega, vega-lite, vega-embed), taken from their WebJars on the classpath and
 * written into {@code site/assets/} so pages render charts with no CDN and no network. The version
 * comes from each WebJar's own pom.properties, so lib/pom.xml is the one place that names it.
 */
final class Vendor {
  private Vendor() {}

  /** A script: its WebJar, the file inside it, and the name it gets in site/assets/. */
  record Script(String webjar, String file) {
    /** The script's name in site/assets/, without a version so pages need not change on an upgrade. */
    String asset() {
      return file;
    }
  }

  /** In load order: vega-lite needs vega, vega-embed needs both. */
  static final List<Script> SCRIPTS = List.of(
      new Script("vega", "vega.min.js"),
      new Script("vega-lite", "vega-lite.min.js"),
      new Script("vega-embed", "vega-embed.min.js"));

  /**
   * KaTeX, which typesets the report page's math in the browser: its script, auto-render (finds
   * {@code \\( \\)} and {@code \\[ \\]} in the notes), stylesheet and fonts (woff2, which every current
   * browser reads; the stylesheet's woff and ttf fallbacks are never fetched then), under site/assets/katex/.
   */
  static final List<String> KATEX = katexFiles();

  private static List<String> katexFiles() {
    List<String> files = new ArrayList<>(List.of("katex.min.js", "katex.min.css", "contrib/auto-render.min.js"));
    for (String font : List.of("AMS-Regular", "Caligraphic-Bold", "Caligraphic-Regular", "Fraktur-Bold",
        "Fraktur-Regular", "Main-Bold", "Main-BoldItalic", "Main-Italic", "Main-Regular", "Math-BoldItalic",
        "Math-Italic", "SansSerif-Bold", "SansSerif-Italic", "SansSerif-Regular", "Script-Regular", "Size1-Regular",
        "Size2-Regular", "Size3-Regular", "Size4-Regular", "Typewriter-Regular")) {
      files.add("fonts/KaTeX_" + font + ".woff2");
    }
    return List.copyOf(files);
  }

  /** The bytes of one of {@link #KATEX}'s files, from the WebJar org.webjars.npm:katex. */
  static byte[] katex(String file) {
    String version = version("org.webjars.npm", "katex");
    return bytes("META-INF/resources/webjars/katex/" + version + "/dist/" + file, "npm:katex");
  }

  /** The bytes of a bundled script. */
  static byte[] read(Script script) {
    String version = version(script.webjar());
    String resource = "META-INF/resources/webjars/" + script.webjar() + "/" + version + "/" + script.file();
    return bytes(resource, script.webjar());
  }

  static String version(String webjar) {
    return version("org.webjars", webjar);
  }

  static String version(String group, String webjar) {
    String resource = "META-INF/maven/" + group + "/" + webjar + "/pom.properties";
    Properties properties = new Properties();
    try (InputStream in = Vendor.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw missing(group.equals("org.webjars") ? webjar : "npm:" + webjar);
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
    return properties.getProperty("version");
  }

  private static byte[] bytes(String resource, String webjar) {
    try (InputStream in = Vendor.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw missing(webjar);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  private static IllegalStateException missing(String webjar) {
    return new IllegalStateException("the report's charts need the WebJar org.webjars:" + webjar
        + " on the classpath; add it to your dependencies as lib/pom.xml does");
  }
}
