package dev.labkit.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attoparser.AbstractMarkupHandler;
import org.attoparser.MarkupParser;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;

/**
 * A page parsed the way a browser tokenises it (attoparser, which Thymeleaf itself uses): its
 * elements with their attributes, and its text with entities decoded. Tests ask it what a browser
 * would see, not what a string search happens to find.
 */
record Html(List<Element> elements, String text) {

  record Element(String name, Map<String, String> attributes) {}

  static Html parse(String html) {
    List<Element> elements = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    AbstractMarkupHandler handler = new AbstractMarkupHandler() {
      Element current;

      @Override
      public void handleOpenElementStart(char[] b, int off, int len, int line, int col) {
        start(new String(b, off, len));
      }

      @Override
      public void handleStandaloneElementStart(char[] b, int off, int len, boolean minimized, int line, int col) {
        start(new String(b, off, len));
      }

      private void start(String name) {
        current = new Element(name.toLowerCase(), new LinkedHashMap<>());
        elements.add(current);
      }

      @Override
      public void handleAttribute(char[] b, int nameOff, int nameLen, int nameLine, int nameCol, int opOff,
          int opLen, int opLine, int opCol, int valueOff, int valueLen, int outerOff, int outerLen, int valueLine,
          int valueCol) {
        current.attributes().put(new String(b, nameOff, nameLen).toLowerCase(), decode(new String(b, valueOff, valueLen)));
      }

      @Override
      public void handleText(char[] b, int off, int len, int line, int col) {
        text.append(decode(new String(b, off, len)));
      }
    };
    try {
      new MarkupParser(ParseConfiguration.htmlConfiguration()).parse(html, handler);
    } catch (ParseException e) {
      throw new AssertionError("not parseable HTML: " + e.getMessage(), e);
    }
    return new Html(elements, text.toString().replaceAll("\\s+", " "));
  }

  List<Element> all(String name) {
    return elements.stream().filter(e -> e.name().equals(name)).toList();
  }

  boolean anyAttributeNamed(String prefix) {
    return elements.stream().anyMatch(e -> e.attributes().keySet().stream().anyMatch(k -> k.startsWith(prefix)));
  }

  private static String decode(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&nbsp;", "\u00a0").replace("&amp;", "&");
  }
}
