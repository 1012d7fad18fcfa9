package dev.pagerlab.cli;

/** Bad command-line input: the message is shown as is and the command exits 2. */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
