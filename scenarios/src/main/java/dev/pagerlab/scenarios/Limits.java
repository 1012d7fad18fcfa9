package dev.pagerlab.scenarios;

/** The sane ranges the loader accepts; anything outside is an error, never an overflow. */
final class Limits {

  /** Most frames, slots, pages or steps' pages any one field may name. */
  static final int COUNT_MAX = 1_000_000;
  /** Most worker threads a process may have. */
  static final int THREADS_MAX = 64;
  /** Most swap files the dynamic pager may keep. */
  static final int FILES_MAX = 1_000;

  private Limits() {}
}
