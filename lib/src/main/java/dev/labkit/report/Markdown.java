package dev.labkit.report;

import java.util.Map;
import java.util.Set;
import org.commonmark.node.CustomNode;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.parser.beta.InlineContentParser;
import org.commonmark.parser.beta.InlineContentParserFactory;
import org.commonmark.parser.beta.InlineParserState;
import org.commonmark.parser.beta.ParsedInline;
import org.commonmark.parser.beta.Position;
import org.commonmark.parser.beta.Scanner;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * A script's notes ({@code .note("…")}) as HTML, rendered when the site is built by commonmark-java:
 * CommonMark, with raw HTML shown as text (a note can never inject markup) and unsafe link targets
 * ({@code javascript:}) removed. Math is kept apart from the Markdown so {@code _} and {@code \\} inside
 * it stay TeX: {@code $…$} becomes {@code <span class="math math-inline">\(…\)</span>} and {@code $$…$$}
 * {@code <span class="math math-display">\[…\]</span>}, which KaTeX (bundled into site/assets, no CDN)
 * typesets in the page. As in Pandoc, an inline {@code $} opens math only when followed by a non-space,
 * and closes it only after a non-space and before a non-digit, so "$5 and $10" stays text; {@code \$} is
 * a dollar sign; dollars in code spans are code.
 */
final class Markdown {
  private Markdown() {}

  private static final Parser PARSER = Parser.builder().customInlineContentParserFactory(new MathFactory()).build();
  private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
      .nodeRendererFactory(MathRenderer::new).build();

  /** One note as an HTML fragment (paragraphs, lists, emphasis, code, links, math spans). */
  static String html(String markdown) {
    return RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
  }

  /** Math found in a note: its TeX source as written, and whether it is displayed on its own line. */
  static final class MathSpan extends CustomNode {
    final String tex;
    final boolean display;

    MathSpan(String tex, boolean display) {
      this.tex = tex;
      this.display = display;
    }
  }

  private static final class MathFactory implements InlineContentParserFactory {
    @Override
    public Set<Character> getTriggerCharacters() {
      return Set.of('$');
    }

    @Override
    public InlineContentParser create() {
      return Markdown::math;
    }
  }

  /** At a {@code $}: math up to the matching closer, or nothing (the dollar is then plain text). */
  private static ParsedInline math(InlineParserState state) {
    Scanner scanner = state.scanner();
    boolean display = scanner.next("$$");
    if (!display) {
      scanner.next();
      if (!opensInline(scanner.peek())) {
        return ParsedInline.none();
      }
    }
    Position start = scanner.position();
    while (scanner.hasNext()) {
      char c = scanner.peek();
      if (c == '\\') { // \$ inside math is TeX's dollar, not the end
        scanner.next();
        scanner.next();
        continue;
      }
      if (c == '$') {
        Position end = scanner.position();
        if (display) {
          if (scanner.next("$$")) {
            return span(scanner, start, end, true);
          }
          scanner.next();
          continue;
        }
        int before = scanner.peekPreviousCodePoint();
        scanner.next();
        if (!Character.isWhitespace(before) && !Character.isDigit(scanner.peek())) {
          return span(scanner, start, end, false);
        }
        continue;
      }
      scanner.next();
    }
    return ParsedInline.none();
  }

  private static boolean opensInline(char next) {
    return next != Scanner.END && next != '$' && !Character.isWhitespace(next);
  }

  private static ParsedInline span(Scanner scanner, Position start, Position end, boolean display) {
    String tex = scanner.getSource(start, end).getContent().strip();
    if (tex.isEmpty()) {
      return ParsedInline.none();
    }
    return ParsedInline.of(new MathSpan(tex, display), scanner.position());
  }

  /** Writes math as KaTeX's auto-render finds it: TeX between \( \) or \[ \], escaped as text. */
  private static final class MathRenderer implements NodeRenderer {
    private final HtmlNodeRendererContext context;

    MathRenderer(HtmlNodeRendererContext context) {
      this.context = context;
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(MathSpan.class);
    }

    @Override
    public void render(Node node) {
      MathSpan math = (MathSpan) node;
      var html = context.getWriter();
      html.tag("span", Map.of("class", math.display ? "math math-display" : "math math-inline"));
      html.text(math.display ? "\\[" + math.tex + "\\]" : "\\(" + math.tex + "\\)");
      html.tag("/span");
    }
  }
}
