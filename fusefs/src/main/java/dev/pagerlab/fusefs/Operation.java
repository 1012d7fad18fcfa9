package dev.pagerlab.fusefs;

/** The filesystem requests the daemon serves, as reported to a {@link RequestListener}. */
public enum Operation {
  GETATTR, READDIR, MKDIR, RMDIR, UNLINK, RENAME, CHMOD, CHOWN, TRUNCATE, UTIMENS,
  CREATE, OPEN, READ, WRITE, FLUSH, RELEASE, FSYNC, FALLOCATE, STATFS, ACCESS, OTHER;

  /** Whether this request moves file data (the requests the data faults apply to). */
  public boolean isData() {
    return this == READ || this == WRITE;
  }
}
