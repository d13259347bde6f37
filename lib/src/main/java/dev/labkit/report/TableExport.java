package dev.labkit.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * One table of a page as a lab report takes it: CSV, Markdown (a GitHub pipe table) and LaTeX (booktabs:
 * {@code \toprule}, {@code \midrule}, {@code \bottomrule}; numeric columns right-aligned, every special
 * character escaped). Made when the site is built and linked as {@code data:} URLs beside the table, so a
 * download works offline, from {@code file://} and from {@code site serve} alike.
 *
 * @param title   the table's caption, also the downloaded files' name ({@link #fileName})
 * @param columns the header
 * @param numeric per column: right-aligned in Markdown and LaTeX
 * @param rows    the cells as shown
 * @param folder  null: the links are data: URLs; else the three files lie in this folder beside the page
 *                ({@link #writeFiles}), for tables too big to repeat inline (an experiment's runs table)
 */
public record TableExport(String title, List<String> columns, List<Boolean> numeric, List<List<String>> rows,
    String folder) {
  public TableExport {
    columns = List.copyOf(columns);
    numeric = List.copyOf(numeric);
    rows = rows.stream().map(List::copyOf).toList();
  }

  public TableExport(String title, List<String> columns, List<Boolean> numeric, List<List<String>> rows) {
    this(title, columns, numeric, rows, null);
  }

  /** The same table, linked as files in {@code folder} (relative to the page) instead of data: URLs. */
  public TableExport inFolder(String folder) {
    return new TableExport(title, columns, numeric, rows, folder);
  }

  /** Writes the three files into {@code dir} (the page's folder resolved with {@link #folder}). */
  public void writeFiles(java.nio.file.Path dir) {
    try {
      java.nio.file.Files.createDirectories(dir);
      java.nio.file.Files.writeString(dir.resolve(fileName() + ".csv"), csv());
      java.nio.file.Files.writeString(dir.resolve(fileName() + ".md"), markdown());
      java.nio.file.Files.writeString(dir.resolve(fileName() + ".tex"), latex());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A download link: its label (CSV, Markdown, LaTeX), file name and data: URL. */
  public record Link(String label, String file, String href) {}

  public String csv() {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
      csv.printRecord(columns);
      for (List<String> row : rows) {
        csv.printRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  public String markdown() {
    StringBuilder md = new StringBuilder();
    md.append(pipeRow(columns));
    List<String> rule = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      rule.add(numeric.get(i) ? "---:" : "---");
    }
    md.append(pipeRow(rule));
    rows.forEach(r -> md.append(pipeRow(r)));
    return md.toString();
  }

  public String latex() {
    StringBuilder tex = new StringBuilder();
    tex.append("\\begin{table}[htbp]\n  \\centering\n");
    if (title != null && !title.isBlank()) {
      tex.append("  \\caption{").append(escape(title)).append("}\n");
    }
    tex.append("  \\begin{tabular}{");
    numeric.forEach(n -> tex.append(n ? 'r' : 'l'));
    tex.append("}\n    \\toprule\n");
    tex.append(texRow(columns)).append("    \\midrule\n");
    rows.forEach(r -> tex.append(texRow(r)));
    tex.append("    \\bottomrule\n  \\end{tabular}\n\\end{table}\n");
    return tex.toString();
  }

  /** The three downloads, as the page links them. */
  public List<Link> links() {
    String name = fileName();
    if (folder != null) {
      String base = folder.endsWith("/") ? folder : folder + "/";
      return List.of(new Link("CSV", name + ".csv", base + name + ".csv"), new Link("Markdown", name + ".md",
          base + name + ".md"), new Link("LaTeX", name + ".tex", base + name + ".tex"));
    }
    return List.of(new Link("CSV", name + ".csv", dataUrl("text/csv", csv())),
        new Link("Markdown", name + ".md", dataUrl("text/markdown", markdown())),
        new Link("LaTeX", name + ".tex", dataUrl("application/x-tex", latex())));
  }

  /** The title as a file name: lower case, words joined by '-', at most 60 characters; "table" when empty. */
  public String fileName() {
    return slug(title, "table");
  }

  static String slug(String text, String fallback) {
    String slug = text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    slug = slug.length() > 60 ? slug.substring(0, 60).replaceAll("-$", "") : slug;
    return slug.isEmpty() ? fallback : slug;
  }

  /** LaTeX's ten special characters escaped, so any cell compiles as text. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\textbackslash{}");
        case '~' -> out.append("\\textasciitilde{}");
        case '^' -> out.append("\\textasciicircum{}");
        case '_', '%', '&', '#', '$', '{', '}' -> out.append('\\').append(c);
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static String pipeRow(List<String> cells) {
    return "| " + String.join(" | ", cells.stream().map(c -> c.replace("\\", "\\\\").replace("|", "\\|")
        .replace("\n", " ")).toList()) + " |\n";
  }

  private static String texRow(List<String> cells) {
    return "    " + String.join(" & ", cells.stream().map(TableExport::escape).toList()) + " \\\\\n";
  }

  private static String dataUrl(String type, String text) {
    return "data:" + type + ";charset=utf-8," + URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
