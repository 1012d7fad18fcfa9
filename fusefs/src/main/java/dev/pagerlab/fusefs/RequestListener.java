package dev.pagerlab.fusefs;

/**
 * Observes every request the daemon serves, so the VM core can account the daemon's own memory
 * and the checker can map live requests to model transitions. Called on the worker thread that
 * serves the request; implementations must be thread-safe, fast, and must not block.
 */
public interface RequestListener {

  /** A listener that ignores everything. */
  RequestListener NONE = new RequestListener() {
    @Override
    public void started(Operation operation, long offset, long length, Thread worker) {}

    @Override
    public void finished(Operation operation, long offset, long length, Thread worker, long allocatedBytes, int result) {}
  };

  /** A request has reached the daemon and is about to be served by {@code worker}. */
  void started(Operation operation, long offset, long length, Thread worker);

  /**
   * A request has been answered; {@code allocatedBytes} is the buffer memory the daemon
   * allocated to serve it (0 on the allocation-free path) and {@code result} is what the kernel
   * gets back (bytes moved, 0, or -errno).
   */
  void finished(Operation operation, long offset, long length, Thread worker, long allocatedBytes, int result);
}
