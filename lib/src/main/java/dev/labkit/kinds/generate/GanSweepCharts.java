package dev.labkit.kinds.generate;

import dev.labkit.chart.Charts;
import dev.labkit.ground.Event;
import dev.labkit.ground.EventSink;
import dev.labkit.run.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A GAN sweep's summary charts: for each swept key, the final D and G losses and the domain FID of
 * each trial. Side by side they make the lab report's point: the losses of a GAN barely move between
 * settings that give very different images, while FID follows the images. Below them, every trial's
 * final sample grid titled with its FID and collapse verdict, and one chart of every trial's class
 * histogram: a collapsed trial and a balanced one side by side.
 */
final class GanSweepCharts {
  private GanSweepCharts() {}

  /** Emits the charts of a GAN sweep's finished trials. */
  static void emit(EventSink store, List<String> keys, List<Outcome> outcomes) {
    if (outcomes.isEmpty()) {
      return;
    }
    TrialSamples.emit(store, outcomes);
    for (String key : keys) {
      // in a crossed sweep, each trial keeps its own bar beside the others of the same value (never stacked)
      List<String> others = keys.stream().filter(k -> !k.equals(key)).toList();
      String othersTitle = String.join(" · ", others);
      List<Map<String, Object>> losses = new ArrayList<>();
      List<Map<String, Object>> fid = new ArrayList<>();
      for (Outcome o : outcomes) {
        String value = o.trial().assignment().get(key);
        String rest = String.join(" · ", others.stream().map(k -> o.trial().assignment().get(k)).toList());
        String prefix = rest.isEmpty() ? "" : rest + " · ";
        losses.add(Charts.row(key, value, "loss", prefix + "D", "value", o.metrics().get("final/d_loss")));
        losses.add(Charts.row(key, value, "loss", prefix + "G", "value", o.metrics().get("final/g_loss")));
        Map<String, Object> row = new java.util.LinkedHashMap<>(Charts.row(key, value, "trial", rest, "fid",
            o.metrics().get("fid")));
        Double std = o.std("fid"); // a trial run with several seeds: its mean FID, ±1 std as a rule
        if (std != null) {
          row.put("low", o.metrics().get("fid") - std);
          row.put("high", o.metrics().get("fid") + std);
        }
        fid.add(row);
      }
      store.accept(new Event.Table("gan-losses-against-" + key, "chart", "Final losses against " + key,
          Charts.bars("Final D and G loss (mean of the last tenth) against " + key).x(key, key)
              .y("value", "loss").group("loss", others.isEmpty() ? "network" : othersTitle + " · network")
              .data(losses).spec()));
      var fidChart = Charts.bars("Domain FID against " + key + " (lower is better)").x(key, key).y("fid", "domain FID")
          .data(fid);
      if (fid.stream().anyMatch(r -> r.containsKey("low"))) {
        fidChart = fidChart.errorBars("low", "high");
      }
      store.accept(new Event.Table("gan-fid-against-" + key, "chart", "Domain FID against " + key,
          (others.isEmpty() ? fidChart : fidChart.group("trial", othersTitle)).spec()));
    }
  }
}
