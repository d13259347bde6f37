///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 25+
//REPOS central,labkit=${labkit.repo:https://labkit-dev.github.io/labkit/maven/}
//DEPS dev.labkit:labkit:${labkit.version:0.1.0}
//DEPS org.slf4j:slf4j-simple:2.0.20
//RUNTIME_OPTIONS --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector
//DESCRIPTION Build the report site from data/runs, serve it live on 127.0.0.1, or print an experiment's lab report to PDF

import dev.labkit.report.SiteCommand;

/**
 * The report site.
 *
 * <pre>
 * ./jbang site build               # renders site/ from data/runs/, prints file:///…/site/index.html
 * ./jbang site serve               # live pages on http://127.0.0.1:<free port>/ until Ctrl-C
 * ./jbang site serve --port 8080   # a fixed port; --host 0.0.0.0 shares it (with a warning)
 * ./jbang site pdf logreg-fashion  # site/experiments/logreg-fashion/report.pdf, by headless Chromium
 * ./jbang site compare gan-fashion dcgan-fashion --name gans   # site/compare/gans.html: experiments side by side
 * </pre>
 *
 * Everything happens in {@link SiteCommand}, so it is tested with the library.
 */
class site {
  public static void main(String... args) {
    System.exit(SiteCommand.run(args));
  }
}
