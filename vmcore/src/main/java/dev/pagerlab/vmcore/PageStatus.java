package dev.pagerlab.vmcore;

/** Where a page is: the order matches the model's packed page codes. */
public enum PageStatus {
  /** Not yet allocated by its workload. */
  UNALLOCATED,
  /** Resident, with no valid copy elsewhere. */
  RESIDENT_DIRTY,
  /** Resident, with a valid copy in a swap slot or with its pager. */
  RESIDENT_CLEAN,
  /** Not resident; its copy is in a swap slot or with its pager. */
  PAGED_OUT,
  /** Resident and busy: being written out. */
  WRITING,
  /** Busy: a frame is allocated and the page is being read in. */
  READING;

  /** Whether the page occupies a frame. */
  public boolean resident() {
    return this == RESIDENT_DIRTY || this == RESIDENT_CLEAN || this == WRITING || this == READING;
  }
}
