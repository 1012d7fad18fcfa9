package dev.pagerlab.fusefs;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.Out;
import jnr.ffi.types.intptr_t;

/** The few libc calls the passthrough backing makes on native buffers; each returns -1 and sets errno on failure. */
public interface LibC {

  /** open(2). */
  int open(String path, int flags, int mode);

  /** close(2). */
  int close(int fd);

  /** pread(2) into native memory at address {@code buf}. */
  long pread(int fd, @intptr_t long buf, long count, long offset);

  /** pwrite(2) from native memory at address {@code buf}. */
  long pwrite(int fd, @intptr_t long buf, long count, long offset);

  /** write(2) from native memory at address {@code buf}. */
  long write(int fd, @intptr_t long buf, long count);

  /** read(2) into native memory at address {@code buf}. */
  long read(int fd, @intptr_t long buf, long count);

  /** pipe(2). */
  int pipe(@Out int[] fds);

  /** pread(2) into a Java array. */
  long pread(int fd, byte[] buf, long count, long offset);

  /** ftruncate(2). */
  int ftruncate(int fd, long length);

  /** fsync(2). */
  int fsync(int fd);

  /** mkdir(2). */
  int mkdir(String path, int mode);

  /** rmdir(2). */
  int rmdir(String path);

  /** unlink(2). */
  int unlink(String path);

  /** rename(2). */
  int rename(String from, String to);

  /** chmod(2). */
  int chmod(String path, int mode);

  /** lchown(2). */
  int lchown(String path, int uid, int gid);

  /** truncate(2). */
  int truncate(String path, long length);

  /** fcntl(2) with an int argument. */
  int fcntl(int fd, int cmd, int arg);

  /** poll(2) over {@code nfds} struct pollfd at {@code fds}. */
  int poll(Pointer fds, int nfds, int timeout);

  /** geteuid(2). */
  int geteuid();

  /** umount2(2) (Linux). */
  int umount2(String target, int flags);

  /** mount(2) (Linux). */
  int mount(String source, String target, String type, long flags, Pointer data);

  /** Loads the C library. */
  static LibC load() {
    return LibraryLoader.create(LibC.class).load(FusePlatform.current().libcName());
  }

  /** The errno of the calling thread's last call, negated. */
  static int lastError(LibC libc) {
    return -Runtime.getRuntime(libc).getLastError();
  }
}
