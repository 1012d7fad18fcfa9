package dev.pagerlab.vmcore;

/** Who may take the last frames: ordinary threads stop at the reserve, privileged ones at zero. */
public enum AllocClass {
  ORDINARY, PRIVILEGED
}
