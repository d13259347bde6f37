package dev.labkit.kinds.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.labkit.ground.Event;
import dev.labkit.run.Outcome;
import dev.labkit.run.Trial;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class GanSweepChartsTest {
  @Test
  void a_crossed_gan_sweep_gives_each_trial_its_own_fid_bar_instead_of_stacking_them() {
    List<Outcome> outcomes = new ArrayList<>();
    for (String lr : List.of("1e-4", "2e-4")) {
      for (String batch : List.of("64", "128")) {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("model.lr", lr);
        a.put("model.batch", batch);
        outcomes.add(new Outcome(new Trial(null, a), Path.of("t"),
            Map.of("fid", 40.0, "final/d_loss", 0.6, "final/g_loss", 0.9)));
      }
    }
    List<Event> events = new ArrayList<>();
    GanSweepCharts.emit(events::add, List.of("model.lr", "model.batch"), outcomes);
    ObjectNode fid = (ObjectNode) events.stream().map(e -> (Event.Table) e)
        .filter(t -> t.name().equals("gan-fid-against-model.lr")).findFirst().orElseThrow().content();
    assertThat(fid.path("encoding").path("xOffset").path("field").asString()).isEqualTo("trial");
    assertThat(fid.path("data").path("values").get(0).path("trial").asString()).isEqualTo("64");
  }
}
