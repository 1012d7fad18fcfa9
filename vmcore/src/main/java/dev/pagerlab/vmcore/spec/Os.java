package dev.pagerlab.vmcore.spec;

/** The operating system a scenario models; v1 names four, the catalog adds the rest. */
public enum Os {
  XNU, FREEBSD, LINUX, GENERIC, DRAGONFLY, MACH, HURD, L4, PLAN9, WINDOWS;

  /** The YAML word for this OS. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
