package dev.labkit.classic;

import dev.labkit.ground.Event;
import dev.labkit.ground.EventSink;
import dev.labkit.ground.UserError;
import dev.labkit.image.SampleGrid;
import dev.labkit.model.RunLog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Your own code's log, turned into the events labkit's trainers send: the run folder and page treat them alike. */
final class EventLog implements RunLog {
  private static final String NAME = "[a-z][a-z0-9_]*(/[a-z0-9_]+)*";
  private final EventSink events;

  EventLog(EventSink events) {
    this.events = events;
  }

  @Override
  public void scalar(long step, String name, double value) {
    events.accept(new Event.Scalar(step, checked(name), value));
  }

  @Override
  public void images(long step, String name, float[] pixels, int height, int width, int channels) {
    int size = height * width * channels;
    if (pixels == null || size <= 0 || pixels.length == 0 || pixels.length % size != 0) {
      throw new UserError("log images " + name + ": " + (pixels == null ? 0 : pixels.length) + " values are not whole "
          + height + "×" + width + "×" + channels + " images");
    }
    int count = pixels.length / size;
    byte[] png = SampleGrid.png(pixels, height, width, channels, Math.min(count, 8), 0, 1, 3);
    events.accept(new Event.Image(String.format(java.util.Locale.ROOT, "%s/step-%06d", checked(name), step), name
        + " at step " + step, name, step, png, Map.of("slider", "step")));
  }

  @Override
  public void table(String name, List<String> columns, List<List<Object>> rows) {
    for (List<Object> row : rows) {
      if (row.size() != columns.size()) {
        throw new UserError("log table " + name + ": a row has " + row.size() + " cells for " + columns.size()
            + " columns");
      }
    }
    Map<String, Object> table = new LinkedHashMap<>();
    table.put("columns", List.copyOf(columns));
    table.put("rows", rows.stream().map(List::copyOf).toList());
    events.accept(new Event.Table(checked(name), "table", name, table));
  }

  @Override
  public void progress(String unit, long done, long total, String detail) {
    events.accept(new Event.Progress(unit, done, total, detail));
  }

  private static String checked(String name) {
    if (name == null || !name.matches(NAME)) {
      throw new UserError("log name '" + name + "' must be lower_snake, with '/' between parts (train/my_loss)");
    }
    return name;
  }
}
