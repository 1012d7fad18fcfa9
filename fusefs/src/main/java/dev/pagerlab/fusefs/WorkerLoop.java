package dev.pagerlab.fusefs;

import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker: a Java thread that receives requests from the kernel through libfuse and serves
 * them. Callbacks run on this same, already attached thread, so no native thread ever attaches
 * to or detaches from the JVM per request (the cost that makes fuse_loop_mt under jnr-fuse slow).
 * The request buffer and struct fuse_buf are allocated once.
 */
final class WorkerLoop implements Runnable {

  private static final Logger LOG = LoggerFactory.getLogger(WorkerLoop.class);
  private static final int FUSE_BUF_SIZE = 64;
  private final FuseSessionLib lib;
  private final Pointer session;
  private final Pointer channel;
  private final long bufferSize;

  WorkerLoop(FuseSessionLib lib, Pointer session, Pointer channel, long bufferSize) {
    this.lib = lib;
    this.session = session;
    this.channel = channel;
    this.bufferSize = bufferSize;
  }

  /** The native memory each worker holds for its request buffer. */
  long footprint() {
    return bufferSize + FUSE_BUF_SIZE + 8;
  }

  @Override
  public void run() {
    Runtime rt = Runtime.getSystemRuntime();
    Pointer buffer = Memory.allocateDirect(rt, bufferSize, true);
    Pointer fuseBuf = Memory.allocateDirect(rt, FUSE_BUF_SIZE, true);
    Pointer chp = Memory.allocateDirect(rt, 8, true);
    LOG.debug("worker {} started with a {} byte buffer", Thread.currentThread().getName(), bufferSize);
    int res = 0;
    while (lib.fuse_session_exited(session) == 0) {
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
      lib.fuse_session_process_buf(session, fuseBuf, channel);
    }
    LOG.debug("worker {} stopped (last receive {})", Thread.currentThread().getName(), res);
  }
}
