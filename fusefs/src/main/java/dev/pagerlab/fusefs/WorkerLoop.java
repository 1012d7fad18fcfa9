package dev.pagerlab.fusefs;

import java.util.concurrent.locks.LockSupport;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker: a Java thread that receives requests from the kernel through libfuse and serves
 * them. Callbacks run on this same, already attached thread, so no native thread ever attaches
 * to or detaches from the JVM per request (the cost that makes fuse_loop_mt under jnr-fuse
 * slow). The request buffer and struct fuse_buf are allocated once.
 *
 * <p>By default every worker waits in receive. In the {@code hot} mode worker 0 always receives
 * and the others are helpers: they receive only while requests are waiting in the kernel (poll
 * on /dev/fuse), and park otherwise, woken by worker 0 when it sees a backlog or by a short
 * timeout (so a stalled worker 0 cannot starve the queue).
 */
final class WorkerLoop implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerLoop.class);
  private static final int FUSE_BUF_SIZE = 64;
  private static final short POLLIN = 1;
  private static final long HELPER_TIMEOUT_NANOS = 5_000_000;
  /**
   * Every worker waits in receive (the default, {@code all}), as libfuse's own loop does, or only
   * worker 0 does and the others help when a backlog builds ({@code -Dpagerlab.fuse.workers=hot}).
   * On a quiet 2-core machine {@code all} served a single 4 KiB stream 1.8x faster (a worker on
   * the other core is always ready); {@code hot} only helped when the machine was overloaded.
   */
  private static final boolean ALL_RECEIVE = !"hot".equals(System.getProperty("pagerlab.fuse.workers", "all"));
  private final FuseSessionLib lib;
  private final LibC libc;
  private final Pointer session;
  private final Pointer channel;
  private final long bufferSize;
  private final int fd;
  private final Thread[] helpers;
  private final int index;
  private final SwapFs fastFs;
  private int nextHelper;

  /**
   * A worker; {@code fastFs}, when not null, serves READ and WRITE straight from the raw request
   * ({@link DataFastPath}).
   */
  WorkerLoop(FuseSessionLib lib, LibC libc, Pointer session, Pointer channel, long bufferSize, int fd,
      Thread[] helpers, int index, SwapFs fastFs) {
    this.lib = lib;
    this.libc = libc;
    this.session = session;
    this.channel = channel;
    this.bufferSize = bufferSize;
    this.fd = fd;
    this.helpers = helpers;
    this.index = index;
    this.fastFs = fastFs;
  }

  @Override
  public void run() {
    Runtime rt = Runtime.getSystemRuntime();
    Pointer buffer = Memory.allocateDirect(rt, bufferSize, true);
    Pointer fuseBuf = Memory.allocateDirect(rt, FUSE_BUF_SIZE, true);
    Pointer chp = Memory.allocateDirect(rt, 8, true);
    Pointer pollFd = Memory.allocateDirect(rt, 8, true);
    DataFastPath fast = fastFs == null ? null : new DataFastPath(fastFs, libc, fd, bufferSize);
    LOG.debug("worker {} started with a {} byte buffer", Thread.currentThread().getName(), bufferSize);
    int res = 0;
    while (lib.fuse_session_exited(session) == 0) {
      if (index > 0 && !ALL_RECEIVE && !pending(pollFd)) {
        LockSupport.parkNanos(HELPER_TIMEOUT_NANOS);
        continue;
      }
      fuseBuf.setMemory(0, FUSE_BUF_SIZE, (byte) 0);
      fuseBuf.putLong(0, bufferSize);
      fuseBuf.putAddress(16, buffer.address());
      chp.putAddress(0, channel.address());
      res = lib.fuse_session_receive_buf(session, fuseBuf, chp);
      if (res == Errors.EINTR) {
        continue;
      }
      if (res <= 0) {
        break;
      }
      if (index == 0 && !ALL_RECEIVE && helpers.length > 1 && pending(pollFd)) {
        wakeHelper();
      }
      // fuse_buf: size_t size, int flags (0: memory, not a spliced fd), void *mem
      if (fast != null && fuseBuf.getInt(8) == 0 && fuseBuf.getAddress(16) == buffer.address()
          && fast.serve(buffer.address(), res)) {
        continue;
      }
      lib.fuse_session_process_buf(session, fuseBuf, channel);
    }
    LOG.debug("worker {} stopped (last receive {})", Thread.currentThread().getName(), res);
    for (int i = 1; i < helpers.length; i++) {
      LockSupport.unpark(helpers[i]);
    }
  }

  /** Whether the kernel has a request waiting (or the connection has gone, which receive reports). */
  private boolean pending(Pointer pollFd) {
    pollFd.putInt(0, fd);
    pollFd.putShort(4, POLLIN);
    pollFd.putShort(6, (short) 0);
    return libc.poll(pollFd, 1, 0) != 0;
  }

  private void wakeHelper() {
    nextHelper = nextHelper % (helpers.length - 1) + 1;
    LockSupport.unpark(helpers[nextHelper]);
  }
}
