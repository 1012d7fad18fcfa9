package dev.pagerlab.cli;

/** The {@code pagerlab} command line: simulate, check, mount, umount. */
public final class Main {
  private Main() {}

  /** Runs a command and exits with its status. */
  public static void main(String[] args) {
    System.exit(0);
  }
}
