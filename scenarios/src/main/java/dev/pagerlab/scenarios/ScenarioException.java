package dev.pagerlab.scenarios;

/**
 * Bad scenario input: the file, the position and the field at fault, and what was expected.
 *
 * <p>{@link #getMessage()} is one line, {@code file:line:column: field: reason}; the position
 * is left out when the problem has none (a missing file, an empty directory), the field when
 * the problem is not about one field (a YAML syntax error).
 */
public final class ScenarioException extends Exception {

  private final String file;
  private final int line;
  private final int column;
  private final String field;
  private final String reason;

  /** An error at a 1-based line and column; line 0 means no position, field "" means none. */
  public ScenarioException(String file, int line, int column, String field, String reason) {
    this(file, line, column, field, reason, null);
  }

  /** An error at a position, keeping the low-level cause for logs. */
  public ScenarioException(String file, int line, int column, String field, String reason, Throwable cause) {
    super(format(file, line, column, field, reason), cause);
    this.file = file;
    this.line = line;
    this.column = column;
    this.field = field;
    this.reason = reason;
  }

  /** The file as the caller named it (a path, or {@code catalog/NAME.yaml}). */
  public String file() {
    return file;
  }

  /** The 1-based line, or 0 when the problem has no position. */
  public int line() {
    return line;
  }

  /** The 1-based column, or 0 when the problem has no position. */
  public int column() {
    return column;
  }

  /** The field path, like {@code processes[1].threads} (indexes from 0), or "" for none. */
  public String field() {
    return field;
  }

  /** What was wrong and what was expected, without the file, position and field. */
  public String reason() {
    return reason;
  }

  private static String format(String file, int line, int column, String field, String reason) {
    StringBuilder out = new StringBuilder(file);
    if (line > 0) {
      out.append(':').append(line).append(':').append(column);
    }
    out.append(": ");
    if (!field.isEmpty()) {
      out.append(field).append(": ");
    }
    return out.append(reason).toString();
  }
}
