package dev.pagerlab.fusefs;

import com.kenai.jffi.MemoryIO;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * READ and WRITE answered by the worker itself from the raw kernel request, without going
 * through libfuse: the worker already holds the request in its buffer, so it parses the two
 * fixed structs, serves the data through the same {@link SwapFs} code (listener, faults,
 * checksums, backing) and writes the reply to /dev/fuse. This skips, per request, the
 * native-to-Java upcall of the read or write callback, libfuse's path lookup under its tree
 * lock and path string, and the 128 KiB malloc libfuse makes for every read. Every other
 * request, and any READ or WRITE whose shape is not the one expected, goes to libfuse.
 *
 * <p>The handle in the request is the one {@link SwapFs}'s open gave libfuse, which libfuse's
 * high-level layer hands to the kernel unchanged. One instance per worker: it owns the reply
 * buffer.
 */
final class DataFastPath {

  private static final Logger LOG = LoggerFactory.getLogger(DataFastPath.class);
  private static final MemoryIO MEMORY = MemoryIO.getInstance();

  // include/uapi/linux/fuse.h, protocol 7.9 and later (libfuse 2.9 negotiates 7.19)
  static final int FUSE_READ = 15;
  static final int FUSE_WRITE = 16;
  static final int IN_HEADER = 40;
  static final int READ_IN = 40;
  static final int WRITE_IN = 40;
  static final int OUT_HEADER = 16;
  static final int WRITE_OUT = 8;

  /** Whether the fast path is on: the default on Linux; {@code -Dpagerlab.fuse.fastpath=false} turns it off. */
  static boolean enabled(FusePlatform platform) {
    return platform.rawDataReplies() && !"false".equals(System.getProperty("pagerlab.fuse.fastpath"));
  }

  private final SwapFs fs;
  private final LibC libc;
  private final int fd;
  /** Held so the collector never frees the native reply buffer while this path writes into it. */
  private final Pointer replyBuffer;
  private final long reply;
  private final long replyCapacity;

  /** A fast path answering on {@code fd}, with its own reply buffer of {@code replyCapacity} bytes. */
  DataFastPath(SwapFs fs, LibC libc, int fd, long replyCapacity) {
    this.fs = fs;
    this.libc = libc;
    this.fd = fd;
    this.replyBuffer = Memory.allocateDirect(Runtime.getSystemRuntime(), replyCapacity, true);
    this.reply = replyBuffer.address();
    this.replyCapacity = replyCapacity;
  }

  /**
   * Serves the request of {@code length} bytes at {@code request} if it is a READ or WRITE of the
   * expected shape; returns false (and touches nothing) to leave it to libfuse.
   */
  boolean serve(long request, long length) {
    if (length < IN_HEADER || MEMORY.getInt(request) != length) {
      return false;
    }
    int opcode = MEMORY.getInt(request + 4);
    if (opcode != FUSE_READ && opcode != FUSE_WRITE || length < IN_HEADER + READ_IN) {
      return false;
    }
    // fuse_read_in and fuse_write_in share their first fields: fh, offset, size
    long unique = MEMORY.getLong(request + 8);
    long fh = MEMORY.getLong(request + IN_HEADER);
    long offset = MEMORY.getLong(request + IN_HEADER + 8);
    long size = MEMORY.getInt(request + IN_HEADER + 16) & 0xffffffffL;
    if (opcode == FUSE_READ) {
      if (length != IN_HEADER + READ_IN || size > replyCapacity - OUT_HEADER) {
        return false;
      }
      int n = fs.read(0, reply + OUT_HEADER, size, offset, fh);
      send(unique, n, n);
    } else {
      if (length != IN_HEADER + WRITE_IN + size) {
        return false;
      }
      int n = fs.write(0, request + IN_HEADER + WRITE_IN, size, offset, fh);
      MEMORY.putInt(reply + OUT_HEADER, n);
      MEMORY.putInt(reply + OUT_HEADER + 4, 0);
      send(unique, n, WRITE_OUT);
    }
    return true;
  }

  /** Writes the reply: the header, then (unless {@code result} is -errno) {@code body} bytes already after it. */
  private void send(long unique, int result, int body) {
    int error = result < 0 ? result : 0;
    int total = OUT_HEADER + (error == 0 ? body : 0);
    MEMORY.putInt(reply, total);
    MEMORY.putInt(reply + 4, error);
    MEMORY.putLong(reply + 8, unique);
    long written = libc.write(fd, reply, total);
    if (written != total) {
      // ENOENT: the caller was interrupted and the kernel dropped the request; libfuse ignores it too.
      LOG.debug("reply to request {} not taken by the kernel: {}", unique, written < 0 ? LibC.lastError(libc) : written);
    }
  }
}
