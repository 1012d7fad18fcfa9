package dev.pagerlab.scenarios;

import com.fasterxml.jackson.core.JsonStreamContext;

/** Field paths as errors show them: {@code swap.stack[1]}, {@code processes[0].onRequest[2].touch}. */
final class FieldPath {

  private FieldPath() {}

  /** The path of a key inside the mapping at {@code parent}. */
  static String child(String parent, String key) {
    return parent.isEmpty() ? key : parent + "." + key;
  }

  /** The path of the item at a 0-based index of the list at {@code parent}. */
  static String item(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /** The path one level up, "" at the top. */
  static String parent(String path) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut < 0 ? "" : path.substring(0, cut);
  }

  /** The path of where a Jackson parser stands. */
  static String of(JsonStreamContext context) {
    if (context == null || context.inRoot()) {
      return "";
    }
    String parent = of(context.getParent());
    if (context.inArray()) {
      return context.hasCurrentIndex() ? item(parent, context.getCurrentIndex()) : parent;
    }
    String name = context.getCurrentName();
    return name == null ? parent : child(parent, name);
  }
}
