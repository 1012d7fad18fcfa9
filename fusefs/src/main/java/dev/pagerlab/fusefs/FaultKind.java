package dev.pagerlab.fusefs;

/** The faults a {@link FaultPlan} can inject into a live mount. */
public enum FaultKind {
  /** Reads fail with EIO. */
  EIO_READ,
  /** Writes fail with EIO. */
  EIO_WRITE,
  /** Writes, creates and fallocates fail with ENOSPC. */
  ENOSPC,
  /** The worker that takes the request never answers, until the fault is cleared or the mount goes. */
  STALL,
  /** The daemon dies: the kernel connection is aborted and every caller gets ENOTCONN. */
  CRASH;

  /** Whether this fault applies to {@code operation}. Pure. */
  public boolean appliesTo(Operation operation) {
    return switch (this) {
      case EIO_READ -> operation == Operation.READ;
      case EIO_WRITE -> operation == Operation.WRITE;
      case ENOSPC -> operation == Operation.WRITE || operation == Operation.CREATE
          || operation == Operation.FALLOCATE || operation == Operation.MKDIR;
      case STALL, CRASH -> operation.isData();
    };
  }
}
