package dev.pagerlab.fusefs;

import java.util.concurrent.atomic.AtomicBoolean;
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
 *
 * <p>After answering, one worker at a time may poll /dev/fuse for a few microseconds before it
 * blocks in receive ({@link Shared#spinNanos}): a request that arrives meanwhile is taken by a
 * running thread, so neither side pays for waking a sleeping one on another CPU (an
 * inter-processor interrupt, dear in a virtual machine).
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

  /**
   * What the workers of one mount share.
   *
   * @param fastFs when not null, READ and WRITE are served from the raw request ({@link DataFastPath})
   * @param init when not null, amends libfuse's answer to INIT
   * @param spinNanos how long a worker polls for the next request before blocking (0: never)
   * @param spinner held by the one worker polling now
   */
  record Shared(FuseSessionLib lib, LibC libc, Pointer session, Pointer channel, long bufferSize, int fd,
      Thread[] threads, SwapFs fastFs, InitNegotiation init, long spinNanos, AtomicBoolean spinner) {}

  private final Shared shared;
  private final FuseSessionLib lib;
  private final LibC libc;
  private final Pointer session;
  private final int index;
  private int nextHelper;

  /** Worker {@code index} of {@code shared.threads()}. */
  WorkerLoop(Shared shared, int index) {
    this.shared = shared;
    this.lib = shared.lib();
    this.libc = shared.libc();
    this.session = shared.session();
    this.index = index;
  }

  @Override
  public void run() {
    Runtime rt = Runtime.getSystemRuntime();
    long bufferSize = shared.bufferSize();
    Pointer buffer = Memory.allocateDirect(rt, bufferSize, true);
    Pointer fuseBuf = Memory.allocateDirect(rt, FUSE_BUF_SIZE, true);
    Pointer chp = Memory.allocateDirect(rt, 8, true);
    Pointer pollFd = Memory.allocateDirect(rt, 8, true);
    DataFastPath fast = shared.fastFs() == null ? null
        : new DataFastPath(shared.fastFs(), libc, shared.fd(), bufferSize);
    InitNegotiation init = shared.init();
    Thread[] helpers = shared.threads();
    LOG.debug("worker {} started with a {} byte buffer", Thread.currentThread().getName(), bufferSize);
    int res = 0;
    while (lib.fuse_session_exited(session) == 0) {
      if (index > 0 && !ALL_RECEIVE && !pending(pollFd)) {
        LockSupport.parkNanos(HELPER_TIMEOUT_NANOS);
        continue;
      }
      spin(pollFd);
      fuseBuf.setMemory(0, FUSE_BUF_SIZE, (byte) 0);
      fuseBuf.putLong(0, bufferSize);
      fuseBuf.putAddress(16, buffer.address());
      chp.putAddress(0, shared.channel().address());
      res = lib.fuse_session_receive_buf(session, fuseBuf, chp);
      if (res == Errors.EINTR) {
        continue;
      }
      if (res <= 0) {
        break;
      }
      if (index == 0 && !ALL_RECEIVE && helpers.length > 1 && pending(pollFd)) {
        wakeHelper(helpers);
      }
      // fuse_buf: size_t size, int flags (0: memory, not a spliced fd), void *mem
      boolean inBuffer = fuseBuf.getInt(8) == 0 && fuseBuf.getAddress(16) == buffer.address();
      if (fast != null && inBuffer && fast.serve(buffer.address(), res)) {
        continue;
      }
      if (init != null && inBuffer && InitNegotiation.isInit(buffer.address(), res)
          && init.serve(lib, libc, session, fuseBuf, buffer.address(), shared.fd())) {
        init = null; // INIT comes once per connection: no later request needs the check
        continue;
      }
      lib.fuse_session_process_buf(session, fuseBuf, shared.channel());
    }
    LOG.debug("worker {} stopped (last receive {})", Thread.currentThread().getName(), res);
    for (int i = 1; i < helpers.length; i++) {
      LockSupport.unpark(helpers[i]);
    }
  }

  /** Polls for the next request for up to spinNanos, if no other worker is polling already. */
  private void spin(Pointer pollFd) {
    if (shared.spinNanos() == 0 || !shared.spinner().compareAndSet(false, true)) {
      return;
    }
    try {
      long until = System.nanoTime() + shared.spinNanos();
      while (!pending(pollFd) && System.nanoTime() < until) {
        Thread.onSpinWait();
      }
    } finally {
      shared.spinner().set(false);
    }
  }

  /** Whether the kernel has a request waiting (or the connection has gone, which receive reports). */
  private boolean pending(Pointer pollFd) {
    pollFd.putInt(0, shared.fd());
    pollFd.putShort(4, POLLIN);
    pollFd.putShort(6, (short) 0);
    return libc.poll(pollFd, 1, 0) != 0;
  }

  private void wakeHelper(Thread[] helpers) {
    nextHelper = nextHelper % (helpers.length - 1) + 1;
    LockSupport.unpark(helpers[nextHelper]);
  }
}
