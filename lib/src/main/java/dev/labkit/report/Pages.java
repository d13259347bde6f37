package dev.labkit.report;

import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders pages with Thymeleaf from the templates packaged in the jar under {@code labkit/templates/}
 * (the repository's top-level {@code templates/} folder). Every value goes through {@code th:text}
 * or an attribute, which Thymeleaf escapes, so a run can never inject markup into its page.
 */
final class Pages {
  private Pages() {}

  private static final TemplateEngine ENGINE = engine();

  static String index(IndexPage page) {
    return render("pages/index", Map.of("page", page, "root", ""));
  }

  static String run(RunPage page) {
    return render("pages/run", Map.of("page", page, "root", Links.RUN_TO_ROOT));
  }

  static String experiment(ExperimentPage page) {
    return render("pages/experiment", Map.of("page", page, "root", ExperimentPage.TO_ROOT));
  }

  static String compare(ComparePage page) {
    return render("pages/compare", Map.of("page", page, "root", page.root()));
  }

  static String compareAcross(CrossComparePage page) {
    return render("pages/compare-across", Map.of("page", page, "root", CrossComparePage.TO_ROOT));
  }

  static String report(ReportPage page) {
    return render("pages/report", Map.of("page", page, "root", ExperimentPage.TO_ROOT));
  }

  private static String render(String template, Map<String, Object> variables) {
    Context context = new Context(Locale.ROOT);
    context.setVariables(variables);
    return ENGINE.process(template, context);
  }

  private static TemplateEngine engine() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Pages.class.getClassLoader());
    resolver.setPrefix("labkit/templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    TemplateEngine engine = new TemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }
}
