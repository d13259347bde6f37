package dev.labkit.run;

import dev.labkit.data.DataSpec;
import dev.labkit.data.Dataset;
import dev.labkit.data.LoadOptions;
import dev.labkit.data.TrainTest;
import dev.labkit.ground.Event;
import dev.labkit.ground.EventSink;
import dev.labkit.store.RunRecord;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Loads each distinct data spec once per command, so the trials of a sweep share their data. */
public final class DataCache {
  private record Key(DataSpec<?> data, boolean smoke, long seed) {}

  private final boolean smoke;
  private final Map<Key, TrainTest> loaded = new HashMap<>();

  public DataCache(Settings options) {
    this.smoke = options.smoke();
  }

  public TrainTest load(DataSpec<?> data, long seed, EventSink events) {
    Key key = new Key(data, smoke, seed);
    TrainTest cached = loaded.get(key);
    if (cached != null) {
      events.accept(new Event.Phase("data", data.name() + " (already loaded)"));
      return cached;
    }
    events.accept(new Event.Phase("data", "loading " + data.name() + (smoke ? " (smoke subset)" : "")));
    TrainTest fresh = data.load(new LoadOptions(smoke, seed, line -> events.accept(new Event.Phase("data", line))));
    loaded.put(key, fresh);
    return fresh;
  }

  /** Dataset facts for run.json. */
  public static RunRecord.DatasetInfo info(String name, TrainTest data) {
    var train = data.train();
    return new RunRecord.DatasetInfo(name, part(train), part(data.test()),
        List.of(train.shape().height(), train.shape().width(), train.shape().channels()), train.classNames());
  }

  private static RunRecord.Part part(Dataset dataset) {
    return new RunRecord.Part(dataset.id(), dataset.size(), dataset.sha256());
  }
}
