package dev.labkit.data;

import java.util.function.Consumer;

/**
 * How the runner wants data loaded.
 *
 * @param smoke    load a small subset (a few thousand examples) so a run takes seconds
 * @param seed     seed for any sampling the loader does
 * @param progress receives short human-readable progress lines ("reading train-images… 60,000 images")
 */
public record LoadOptions(boolean smoke, long seed, Consumer<String> progress) {
  public static LoadOptions quiet(long seed) {
    return new LoadOptions(false, seed, line -> {});
  }
}
