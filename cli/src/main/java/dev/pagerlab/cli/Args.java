package dev.pagerlab.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Parsed arguments: positional words and {@code --name value} / {@code --flag} options. */
final class Args {
  final List<String> positional = new ArrayList<>();
  private final Map<String, String> options = new HashMap<>();

  /** Parses {@code args}; {@code valued} names options that take a value, {@code flags} those that do not. */
  static Args parse(String command, String[] args, int from, Set<String> valued, Set<String> flags)
      throws UsageException {
    Args a = new Args();
    for (int i = from; i < args.length; i++) {
      String w = args[i];
      if (w.startsWith("--")) {
        String name = w;
        String value = null;
        int eq = w.indexOf('=');
        if (eq > 0) {
          name = w.substring(0, eq);
          value = w.substring(eq + 1);
        }
        if (valued.contains(name)) {
          if (value == null) {
            if (i + 1 >= args.length) {
              throw new UsageException(command + ": " + name + " needs a value");
            }
            value = args[++i];
          }
          a.options.put(name, value);
        } else if (flags.contains(name) && value == null) {
          a.options.put(name, "true");
        } else {
          throw new UsageException(command + ": unknown option " + w + " (known: "
              + String.join(", ", new java.util.TreeSet<>(union(valued, flags))) + ")");
        }
      } else {
        a.positional.add(w);
      }
    }
    return a;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> u = new java.util.HashSet<>(a);
    u.addAll(b);
    return u;
  }

  boolean flag(String name) {
    return options.containsKey(name);
  }

  String get(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }

  long number(String command, String name, long fallback, long min, long max) throws UsageException {
    String v = options.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      long n = Long.parseLong(v.replace("_", ""));
      if (n < min || n > max) {
        throw new UsageException(command + ": " + name + " must be from " + min + " to " + max + ", got " + v);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException(command + ": " + name + " expects a whole number, got \"" + v + "\"");
    }
  }
}
