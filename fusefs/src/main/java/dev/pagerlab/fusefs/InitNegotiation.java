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
 * grants only those it offered in the request. Two are asked for: the writeback cache (7.23)
 * and requests larger than 128 KiB (FUSE_MAX_PAGES, 7.28: the reply grows to the 7.28 size,
 * zero beyond what libfuse wrote, with max_pages and max_write set).
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

  /** include/uapi/linux/fuse.h: max_pages in the reply sets the largest request (7.28). */
  static final int FUSE_MAX_PAGES = 1 << 22;
  /** sizeof(struct fuse_init_out) from 7.28 on; libfuse 2 writes the first 24 bytes. */
  static final int INIT_OUT_SIZE = 64;
  private static final int OUT_MAX_WRITE = DataFastPath.OUT_HEADER + 20;
  private static final int OUT_MAX_PAGES = DataFastPath.OUT_HEADER + 28;
  private static final int PAGE = 4096;
  private final int extraFlags;
  private final int maxWrite;

  /**
   * A negotiation that asks for {@code extraFlags} on top of what libfuse grants and, if
   * {@code maxWrite} is over libfuse 2's 128 KiB, for requests that large.
   */
  InitNegotiation(int extraFlags, int maxWrite) {
    this.extraFlags = extraFlags;
    this.maxWrite = maxWrite;
  }

  /** Whether a mount with these settings needs INIT amended at all. */
  static boolean needed(boolean writebackCache, int maxWrite) {
    return writebackCache || maxWrite > MountOptions.MAX_WRITE;
  }

  /** Grows the reply at {@code r} of {@code n} bytes to ask for {@code maxWrite}-byte requests; the new length. */
  private long largeRequests(long r, long n, int offered) {
    if ((offered & FUSE_MAX_PAGES) == 0) {
      LOG.warn("the kernel does not offer FUSE_MAX_PAGES (Linux 4.20+); requests stay at {} bytes",
          MEMORY.getInt(r + OUT_MAX_WRITE));
      return n;
    }
    long size = DataFastPath.OUT_HEADER + INIT_OUT_SIZE;
    MEMORY.setMemory(r + n, size - n, (byte) 0);
    MEMORY.putInt(r, (int) size);
    MEMORY.putInt(r + OUT_FLAGS, MEMORY.getInt(r + OUT_FLAGS) | FUSE_MAX_PAGES);
    MEMORY.putInt(r + OUT_MAX_WRITE, maxWrite);
    MEMORY.putShort(r + OUT_MAX_PAGES, (short) (maxWrite / PAGE));
    LOG.debug("INIT: requests up to {} bytes ({} pages)", maxWrite, maxWrite / PAGE);
    return size;
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
    // never block on the pipe: if libfuse wrote no reply, the mount fails its probe instead of a worker hanging
    libc.fcntl(pipe[0], jnr.constants.platform.Fcntl.F_SETFL.intValue(),
        jnr.constants.platform.OpenFlags.O_NONBLOCK.intValue());
    Pointer channel = lib.fuse_kern_chan_new(pipe[1]);
    if (channel == null) {
      libc.close(pipe[0]);
      libc.close(pipe[1]);
      return false;
    }
    Pointer reply = Memory.allocateDirect(Runtime.getSystemRuntime(), REPLY_CAPACITY, true);
    try {
      lib.fuse_session_process_buf(session, fuseBuf, channel);
      long r = reply.address();
      long n = libc.read(pipe[0], r, REPLY_CAPACITY);
      if (n < DataFastPath.OUT_HEADER || MEMORY.getInt(r) != n) {
        LOG.error("libfuse's INIT reply was not readable ({}); refusing INIT, so the mount fails", n);
        MEMORY.putInt(r, DataFastPath.OUT_HEADER);
        MEMORY.putInt(r + 4, Errors.EIO);
        MEMORY.putLong(r + 8, MEMORY.getLong(request + 8));
        n = DataFastPath.OUT_HEADER;
      }
      if (MEMORY.getInt(r + 4) == 0 && n >= OUT_FLAGS + 4) {
        int granted = MEMORY.getInt(r + OUT_FLAGS);
        int added = extraFlags & offered;
        MEMORY.putInt(r + OUT_FLAGS, granted | added);
        if (added != extraFlags) {
          LOG.warn("the kernel does not offer INIT flags {}; mounted without them",
              Integer.toHexString(extraFlags & ~offered));
        }
        LOG.debug("INIT: libfuse granted {}, added {}", Integer.toHexString(granted), Integer.toHexString(added));
        if (maxWrite > MountOptions.MAX_WRITE) {
          n = largeRequests(r, n, offered);
        }
      }
      long written = libc.write(fd, r, n);
      if (written != n) {
        LOG.error("the kernel did not take the INIT reply: {}", written < 0 ? LibC.lastError(libc) : written);
      }
      return true;
    } finally {
      lib.fuse_chan_destroy(channel);
      libc.close(pipe[0]);
      // the native memory is freed when the Pointer is collected, which may be before write returns
      java.lang.ref.Reference.reachabilityFence(reply);
    }
  }
}
