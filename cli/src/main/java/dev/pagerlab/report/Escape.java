package dev.pagerlab.report;

/** Escaping for the text formats the reports write. */
final class Escape {
  private Escape() {}

  /** Text escaped for XML and HTML element content and quoted attribute values. */
  static String xml(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
      }
    }
    return out.toString();
  }

  /** Text made safe for one Markdown table cell: pipes escaped, no line breaks. */
  static String markdownCell(String text) {
    return text.replace("\\", "\\\\").replace("|", "\\|").replace('\n', ' ').replace('\r', ' ');
  }

  /** Text quoted as a DOT string. */
  static String dot(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  /** A scenario name made safe as a file name: anything but {@code [a-z0-9._-]} becomes {@code _}. */
  static String fileName(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
  }
}
