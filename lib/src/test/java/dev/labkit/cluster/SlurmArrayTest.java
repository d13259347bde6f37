package dev.labkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SlurmArrayTest {
  @Test
  void the_batch_script_runs_the_command_of_its_task_id_quoted_for_bash() {
    TreeMap<Integer, List<String>> tasks = new TreeMap<>();
    tasks.put(0, List.of("/lab/jbang", "/lab/scripts/logreg.java", "--set", "model.c=0.1", "--trial-of", "S:1:2:model.c"));
    tasks.put(3, List.of("/lab/jbang", "it's.java", "--set", "note=a b"));
    String script = SlurmArray.batchScript(Path.of("/lab dir"), tasks);
    assertThat(script).startsWith("#!/bin/bash\n").contains("cd '/lab dir' || exit 2\n")
        .contains("  0) exec /lab/jbang /lab/scripts/logreg.java --set model.c=0.1 --trial-of S:1:2:model.c ;;\n")
        .contains("  3) exec /lab/jbang 'it'\\''s.java' --set 'note=a b' ;;\n")
        .endsWith("exit 2\n");
  }
}
