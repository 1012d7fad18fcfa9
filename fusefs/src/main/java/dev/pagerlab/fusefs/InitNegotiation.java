package dev.pagerlab.fusefs;

import com.kenai.jffi.MemoryIO;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets libfuse answer the kernel's INIT as usual, but into a pipe instead of /dev/fuse, then
 * adds the capabilities libfuse 2 does not know (it speaks protocol 7.19) before passing the
 * reply on. The kernel reads capability flags whatever minor version the reply names, and
 * grants only those it offered in the request.
 */
final class InitNegotiation {

  private static final Logger LOG = LoggerFactory.getLogger(InitNegotiation.class);
  private static final MemoryIO MEMORY = MemoryIO.getInstance();
  static final int FUSE_INIT = 26;
  /** include/uapi/linux/fuse.h: the kernel keeps written pages in its cache and writes them back later (7.23). */
  static final int FUSE_WRITEBACK_CACHE = 1 << 16;
  private static final int REPLY_CAPACITY = 4096;
  // fuse_init_in after the 40-byte header: major, minor, max_readahead, flags
  private static final int IN_FLAGS = DataFastPath.IN_HEADER + 12;
  // fuse_init_out after the 16-byte header: major, minor, max_readahead, flags
  private static final int OUT_FLAGS = DataFastPath.OUT_HEADER + 12;

  private final int extraFlags;

  /** A negotiation that asks for {@code extraFlags} on top of what libfuse grants. */
  InitNegotiation(int extraFlags) {
    this.extraFlags = extraFlags;
  }

  /** Whether the raw request at {@code request} is INIT. */
  static boolean isInit(long request, long length) {
    return length >= DataFastPath.IN_HEADER && MEMORY.getInt(request + 4) == FUSE_INIT;
  }

  /**
   * Serves the INIT in {@code fuseBuf} through libfuse and sends the amended reply on {@code fd};
   * false if that could not be set up (the caller then lets libfuse answer unamended).
   */
  boolean serve(FuseSessionLib lib, LibC libc, Pointer session, Pointer fuseBuf, long request, int fd) {
    int offered = MEMORY.getInt(request + IN_FLAGS);
    int[] pipe = new int[2];
    if (libc.pipe(pipe) != 0) {
      LOG.warn("no pipe for INIT ({}); the kernel gets libfuse's own answer", LibC.lastError(libc));
      return false;
    }
    Pointer channel = lib.fuse_kern_chan_new(pipe[1]);
    if (channel == null) {
      libc.close(pipe[0]);
      libc.close(pipe[1]);
      return false;
    }
    Pointer reply = Memory.allocateDirect(Runtime.getSystemRuntime(), REPLY_CAPACITY, true);
    try {
      lib.fuse_session_process_buf(session, fuseBuf, channel);
      long n = libc.read(pipe[0], reply.address(), REPLY_CAPACITY);
      if (n < DataFastPath.OUT_HEADER || MEMORY.getInt(reply.address()) != n) {
        LOG.error("libfuse's INIT reply was not readable ({}); failing the mount", n);
        return true;
      }
      long r = reply.address();
      if (MEMORY.getInt(r + 4) == 0 && n >= OUT_FLAGS + 4) {
        int granted = MEMORY.getInt(r + OUT_FLAGS);
        int added = extraFlags & offered;
        MEMORY.putInt(r + OUT_FLAGS, granted | added);
        if (added != extraFlags) {
          LOG.warn("the kernel does not offer INIT flags {}; mounted without them",
              Integer.toHexString(extraFlags & ~offered));
        }
        LOG.debug("INIT: libfuse granted {}, added {}", Integer.toHexString(granted), Integer.toHexString(added));
      }
      long written = libc.write(fd, r, n);
      if (written != n) {
        LOG.error("the kernel did not take the INIT reply: {}", written < 0 ? LibC.lastError(libc) : written);
      }
      return true;
    } finally {
      lib.fuse_chan_destroy(channel);
      libc.close(pipe[0]);
    }
  }
}
