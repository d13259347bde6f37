package dev.labkit.data;

import dev.labkit.ground.Home;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The folders datasets are looked for in, apart from an explicit {@code data.path}. {@link #standard()}
 * reads them from the environment; tests make their own so they never touch the real ones.
 *
 * @param labkitData {@code $LABKIT_DATA}, or null when it is not set
 * @param homeData   the checkout's {@code data/} folder ({@link Home#data()})
 * @param cache      where downloads go: {@code Home.cache()/datasets}
 */
public record Locations(Path labkitData, Path homeData, Path cache) {
  public static Locations standard() {
    String env = System.getenv("LABKIT_DATA");
    Path labkitData = env == null || env.isBlank() ? null : Path.of(env).toAbsolutePath();
    return new Locations(labkitData, Home.data(), Home.cache().resolve("datasets"));
  }

  /** One place to look, how messages name it, and how to fix a bad file found there. */
  public record Place(Path dir, String label, String fix) {}

  /** The download folder of a dataset: {@code <cache>/<name>}. */
  public Path cacheDir(DatasetDefinition definition) {
    return cache.resolve(definition.name());
  }

  /**
   * The places to look, in order: {@code explicit} (the spec's {@code path}, then the only one the loader uses), {@code $LABKIT_DATA/<name>}
   * and {@code $LABKIT_DATA}, {@code data/<name>}, the system package's folder, the download cache.
   */
  public List<Place> search(DatasetDefinition definition, Path explicit) {
    String replace = "replace it with a good copy or delete it";
    List<Place> places = new ArrayList<>();
    if (explicit != null) {
      places.add(new Place(explicit.toAbsolutePath(), "data.path " + explicit.toAbsolutePath(), replace));
    }
    if (labkitData != null) {
      Path own = labkitData.resolve(definition.name());
      places.add(new Place(own, "$LABKIT_DATA/" + definition.name() + " " + own, replace));
      places.add(new Place(labkitData, "$LABKIT_DATA " + labkitData, replace));
    }
    Path home = homeData.resolve(definition.name());
    places.add(new Place(home, home.toString(), replace));
    if (definition.systemDir() != null) {
      places.add(new Place(definition.systemDir(), definition.systemDir().toString(),
          "reinstall the package: sudo apt-get install --reinstall " + definition.systemPackage()));
    }
    if (!definition.downloadUrl().isEmpty()) {
      places.add(new Place(cacheDir(definition), "download cache " + cacheDir(definition),
          "delete it and labkit downloads it again"));
    }
    return places;
  }
}
