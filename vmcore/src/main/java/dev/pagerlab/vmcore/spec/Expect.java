package dev.pagerlab.vmcore.spec;

import java.util.Locale;
import java.util.Optional;

/** An expected verdict, as a scenario's {@code expect} names it. */
public enum Expect {
  DEADLOCK, EXHAUSTED, DATA_LOSS, SAFE, SAFE_UP_TO_BOUND;

  /** The YAML word: {@code deadlock}, {@code data-loss}, ... */
  public String word() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The expectation named by a YAML word, if it is one. */
  public static Optional<Expect> ofWord(String word) {
    for (Expect e : values()) {
      if (e.word().equals(word)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
