package dev.labkit.neural;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import dev.labkit.model.NeuralNet;
import dev.labkit.ground.Event;
import dev.labkit.ground.EventSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a training run says while it goes, as events: per epoch the training and validation loss and
 * accuracy and the learning rate (step = epoch); marks where the learning rate dropped
 * ({@code mark/lr_drop}, value = the new rate), where early stopping stopped ({@code mark/early_stop},
 * value = the best loss) and where overfitting started ({@code mark/overfitting}, value = that epoch);
 * and at the end a "Training" table for the run page. It also keeps the facts the run's summary shows.
 */
final class TrainingLog {
  private final NeuralNet spec;
  private final EventSink events;
  private final Map<String, Double> facts = new LinkedHashMap<>();
  private final List<List<Object>> notes = new ArrayList<>();
  private int epochs;

  TrainingLog(NeuralNet spec, EventSink events) {
    this.spec = spec;
    this.events = events;
  }

  void epoch(int epoch, Scores train, Scores validation, double lr) {
    epochs = epoch;
    scalar(epoch, "train/loss", train.loss());
    scalar(epoch, "train/accuracy", train.accuracy());
    if (validation != null) {
      scalar(epoch, "val/loss", validation.loss());
      scalar(epoch, "val/accuracy", validation.accuracy());
    }
    scalar(epoch, "lr", lr);
    String val = validation == null ? "" : String.format(Locale.ROOT, "  val loss %.4f acc %.4f",
        validation.loss(), validation.accuracy());
    events.accept(new Event.Phase("fit", String.format(Locale.ROOT, "epoch %d/%d  loss %.4f acc %.4f%s  lr %.3g",
        epoch, spec.epochs(), train.loss(), train.accuracy(), val, lr)));
    events.accept(new Event.Progress("epoch", epoch, spec.epochs(), String.format(Locale.ROOT, "loss %.4f%s", train.loss(),
        validation == null ? "" : String.format(Locale.ROOT, " · val acc %.4f", validation.accuracy()))));
  }

  void lrDrop(int epoch, double lr) {
    scalar(epoch, "mark/lr_drop", lr);
    notes.add(List.of("learning rate lowered", String.format(Locale.ROOT, "to %.3g after epoch %d", lr, epoch)));
  }

  /** {@code start} is the epoch overfitting started, or -1 for nothing new. */
  void overfitting(int start) {
    if (start < 0) {
      return;
    }
    scalar(start, "mark/overfitting", start);
    facts.put("overfit_epoch", (double) start);
    String text = String.format(Locale.ROOT, "from epoch %d: validation loss and accuracy stalled for %d epochs "
        + "while the training loss kept falling", start, spec.overfitPatience());
    notes.add(List.of("overfitting", text));
    events.accept(new Event.Phase("fit", "overfitting " + text));
  }

  void earlyStop(int epoch, int bestEpoch, double bestLoss, boolean restored) {
    scalar(epoch, "mark/early_stop", bestLoss);
    facts.put("early_stop_epoch", (double) epoch);
    String text = String.format(Locale.ROOT, "after epoch %d: no progress for %d epochs; best loss %.4f at epoch %d%s",
        epoch, spec.training().earlyStop(), bestLoss, bestEpoch, restored ? ", its weights restored" : "");
    notes.add(List.of("early stop", text));
    events.accept(new Event.Phase("fit", "early stop " + text));
  }

  /** Emits the run page's table of how training went; returns this log for the fitted model. */
  TrainingLog finish(int steps, int bestEpoch, boolean validated) {
    facts.put("epochs", (double) epochs);
    facts.put("steps", (double) steps);
    facts.put("best_epoch", (double) bestEpoch);
    List<List<Object>> rows = new ArrayList<>();
    rows.add(List.of("epochs trained", epochs + " of " + spec.epochs() + " (" + steps + " updates of batch "
        + spec.batch() + ")"));
    rows.add(List.of("best epoch", bestEpoch + " (lowest " + (validated ? "validation" : "training") + " loss)"));
    rows.addAll(notes);
    if (notes.stream().noneMatch(note -> note.getFirst().equals("overfitting"))) {
      rows.add(List.of("overfitting", "not flagged"));
    }
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("columns", List.of("training", "what happened"));
    table.put("rows", rows);
    events.accept(new Event.Table("training", "table", "Training", table));
    return this;
  }

  /** Epochs trained, steps, best epoch, and the overfitting and early-stop epochs when they happened. */
  Map<String, Double> facts() {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
  }

  private void scalar(long step, String name, double value) {
    events.accept(new Event.Scalar(step, name, value));
  }

  /** Writes what the page's table and the summary will need, for a checkpoint ({@link NetCheckpoint}). */
  void save(DataOutputStream out) throws IOException {
    out.writeInt(epochs);
    out.writeInt(facts.size());
    for (var fact : facts.entrySet()) {
      out.writeUTF(fact.getKey());
      out.writeDouble(fact.getValue());
    }
    out.writeInt(notes.size());
    for (List<Object> note : notes) {
      out.writeUTF(note.get(0).toString());
      out.writeUTF(note.get(1).toString());
    }
  }

  /** Takes back what {@link #save} wrote. */
  void load(DataInputStream in) throws IOException {
    epochs = in.readInt();
    facts.clear();
    for (int i = in.readInt(); i > 0; i--) {
      facts.put(in.readUTF(), in.readDouble());
    }
    notes.clear();
    for (int i = in.readInt(); i > 0; i--) {
      notes.add(List.of(in.readUTF(), in.readUTF()));
    }
  }
}
