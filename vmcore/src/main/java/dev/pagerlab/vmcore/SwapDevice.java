package dev.pagerlab.vmcore;

/**
 * Where a simulation's swap I/O really goes, if anywhere: the simulator calls it for every
 * page written to or read from a swap slot. The model stays pure; an implementation outside
 * vmcore may do real I/O (the CLI's live mode writes through a real FUSE mount).
 */
public interface SwapDevice {
  /** A page's contents were written to a slot of a swap file. */
  void write(String file, long slot, int page);

  /** A page was read back from a slot of a swap file. */
  void read(String file, long slot, int page);

  /** A device that does nothing (the default). */
  static SwapDevice none() {
    return new SwapDevice() {
      @Override
      public void write(String file, long slot, int page) {}

      @Override
      public void read(String file, long slot, int page) {}
    };
  }
}
