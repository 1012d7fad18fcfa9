package dev.pagerlab.fusefs;

import ru.serce.jnrfuse.struct.FileStat;
import ru.serce.jnrfuse.struct.Statvfs;

/**
 * Where a mount keeps its files. Paths are checked by {@link Names} before they arrive. Every
 * method returns 0 or a byte count on success and a negative errno on failure, and may throw
 * only unchecked exceptions (the caller turns those into EIO). Handles are non-negative longs.
 */
interface Backing extends AutoCloseable {

  /** Receives one directory entry; returns false when the kernel's buffer is full. */
  interface EntrySink {
    /** Adds {@code name}; false when no more entries fit. */
    boolean add(String name);
  }

  /** Fills {@code stat} for {@code path}. */
  int getattr(String path, FileStat stat);

  /** Lists {@code path}, "." and ".." included. */
  int readdir(String path, EntrySink sink);

  /** Creates a directory. */
  int mkdir(String path, int mode);

  /** Removes an empty directory. */
  int rmdir(String path);

  /** Removes a file. */
  int unlink(String path);

  /** Renames, replacing a file at {@code to}. */
  int rename(String from, String to);

  /** Sets the permission bits. */
  int chmod(String path, int mode);

  /** Sets the owner; -1 leaves a field unchanged. */
  int chown(String path, long uid, long gid);

  /** A time argument to {@link #utimens} that leaves the time unchanged. */
  long KEEP_TIME = Long.MIN_VALUE;

  /** Sets access and modification times, in nanoseconds since the epoch ({@link #KEEP_TIME} keeps one). */
  int utimens(String path, long atimeNanos, long mtimeNanos);

  /** Sets the size of a file. */
  int truncate(String path, long size);

  /** Creates and opens a file with {@code mode}; returns a handle. */
  long create(String path, int mode, int flags);

  /** Opens an existing file; returns a handle. */
  long open(String path, int flags);

  /** Reads up to {@code size} bytes at {@code offset} into native memory at address {@code buf}. */
  int read(long handle, long buf, int size, long offset);

  /** Reads up to {@code size} bytes at {@code offset} into {@code dst} (the checksum path). */
  int read(long handle, byte[] dst, int size, long offset);

  /** Writes {@code size} bytes from native memory at address {@code buf} at {@code offset}. */
  int write(long handle, long buf, int size, long offset);

  /** Sets the size of an open file. */
  int ftruncate(long handle, long size);

  /** Preallocates {@code length} bytes at {@code offset}; mode 1 keeps the size. */
  int fallocate(long handle, int mode, long offset, long length);

  /** Makes the file's data durable. */
  int fsync(long handle, boolean dataOnly);

  /** Closes a handle. */
  int release(long handle);

  /** Fills {@code stat} with honest totals. */
  int statfs(Statvfs stat);

  /** A key that names the open file's data across renames (for checksums), or null. */
  Object identity(long handle);

  /** The same key for {@code path}, or null if there is no such file. */
  Object identity(String path);

  /** Bytes of buffer memory the calling thread allocated since the last call, then resets. */
  long takeAllocated();

  /** Releases everything the backing holds. */
  @Override
  void close();
}
