package dev.labkit.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A note's Markdown and math as HTML, against a stored expected file (notes/note.md → notes/note.html). */
class MarkdownTest {

  @Test
  void a_note_renders_as_the_stored_html_with_math_kept_as_tex_for_katex() throws IOException {
    assertThat(Markdown.html(resource("notes/note.md"))).isEqualTo(resource("notes/note.html"));
  }

  @Test
  void underscores_and_backslashes_inside_math_stay_tex_and_are_not_emphasis() {
    assertThat(Markdown.html("$y_k \\log p_k$ and $x_i$"))
        .isEqualTo("<p><span class=\"math math-inline\">\\(y_k \\log p_k\\)</span> and"
            + " <span class=\"math math-inline\">\\(x_i\\)</span></p>\n");
  }

  @Test
  void display_math_spans_lines_and_becomes_a_display_span() {
    assertThat(Markdown.html("$$\na^2 + b^2\n= c^2\n$$"))
        .isEqualTo("<p><span class=\"math math-display\">\\[a^2 + b^2\n= c^2\\]</span></p>\n");
  }

  @Test
  void raw_html_and_script_links_are_shown_as_text_never_as_markup() {
    String html = Markdown.html("<img src=x onerror=alert(1)> [x](javascript:alert(1)) $<b>$");
    assertThat(html).doesNotContain("<img").doesNotContain("<b>").doesNotContain("javascript:")
        .contains("&lt;img src=x onerror=alert(1)&gt;").contains("\\(&lt;b&gt;\\)");
  }

  @Test
  void dollars_that_cannot_be_math_stay_text() {
    assertThat(Markdown.html("from $5 to $10, or $ 3 $, or \\$x\\$"))
        .isEqualTo("<p>from $5 to $10, or $ 3 $, or $x$</p>\n");
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = MarkdownTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
