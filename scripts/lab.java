///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 25+
//REPOS central,labkit=${labkit.repo:https://labkit-dev.github.io/labkit/maven/}
//DEPS dev.labkit:labkit:${labkit.version:0.1.0}
//DEPS org.slf4j:slf4j-simple:2.0.20
//RUNTIME_OPTIONS --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector
//DESCRIPTION List, reproduce, compare and export recorded runs

import dev.labkit.lab.LabCommand;

/**
 * Recorded runs, from the command line.
 *
 * <pre>
 * ./jbang lab runs                          # every run under data/runs: id, status, start, sweep, headline
 * ./jbang lab runs logreg-fashion           # one experiment's runs
 * ./jbang lab reproduce 20261126-231500-ab12  # re-run with the recorded params and seed; exit 0 if identical
 * ./jbang lab diff RUN_A RUN_B              # only what differs: params, provenance, final metrics
 * ./jbang lab export logreg-fashion --format csv  # export/logreg-fashion/runs.csv + series.csv (json too)
 * ./jbang lab runs --out /tmp/lab           # runs written with a script's --out /tmp/lab
 * </pre>
 *
 * A run is named by its id, by {@code experiment/id} or by its folder. Everything happens in
 * {@link LabCommand}, so it is tested with the library.
 */
class lab {
  public static void main(String... args) {
    System.exit(LabCommand.run(args));
  }
}
