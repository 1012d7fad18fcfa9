package dev.pagerlab.fusefs;

/** A mount that could not be set up or torn down; the message is one line a user can act on. */
public final class MountException extends Exception {

  /** A failure described by {@code message}. */
  public MountException(String message) {
    super(message);
  }

  /** A failure described by {@code message}, caused by {@code cause}. */
  public MountException(String message, Throwable cause) {
    super(message, cause);
  }
}
