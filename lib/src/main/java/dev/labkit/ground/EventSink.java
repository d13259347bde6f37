package dev.labkit.ground;

import java.util.List;

/** Receives a run's events: the console, the run store and the live server are sinks. */
@FunctionalInterface
public interface EventSink {
  void accept(Event event);

  /** A sink that passes every event to each of {@code sinks}, in order. */
  static EventSink all(List<EventSink> sinks) {
    List<EventSink> copy = List.copyOf(sinks);
    return event -> copy.forEach(sink -> sink.accept(event));
  }
}
