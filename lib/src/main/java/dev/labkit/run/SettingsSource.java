package dev.labkit.run;

/** Anything that gives {@link Settings}: a script's options at the edge ({@code .run(lab)}), or settings themselves. */
@FunctionalInterface
public interface SettingsSource {
  Settings settings();
}
