package dev.pagerlab.fusefs;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import jnr.constants.platform.OpenFlags;
import jnr.posix.POSIX;
import jnr.posix.POSIXFactory;
import ru.serce.jnrfuse.struct.FileStat;
import ru.serce.jnrfuse.struct.Statvfs;

/**
 * Files kept in a directory on another filesystem, so data survives a restart of the daemon.
 * Every path is checked against escapes: names from {@link Names}, no symlink anywhere under the
 * root is followed (a planted link answers ELOOP), and files open with O_NOFOLLOW. Data moves
 * with pread/pwrite straight between the kernel's buffer and the backing file.
 */
final class PassthroughBacking implements Backing {

  private static final int O_NOFOLLOW = OpenFlags.O_NOFOLLOW.intValue();
  private static final int O_CREAT = OpenFlags.O_CREAT.intValue();
  private static final int O_EXCL = OpenFlags.O_EXCL.intValue();
  private static final int O_RDWR = OpenFlags.O_RDWR.intValue();
  private static final int O_ACCMODE = OpenFlags.O_ACCMODE.intValue();
  private final Path root;
  private final LibC libc = LibC.load();
  private final POSIX posix = POSIXFactory.getNativePOSIX();
  private final HandleTable<Open> handles = new HandleTable<>();
  private final FusePlatform platform = FusePlatform.current();

  private record Open(int fd, String path, long ino) {}

  /** A backing over the existing directory {@code root}. */
  PassthroughBacking(Path root) throws IOException {
    this.root = root.toRealPath();
    if (!Files.isDirectory(this.root)) {
      throw new IOException("backing is not a directory: " + root);
    }
  }

  @Override
  public int getattr(String path, FileStat stat) {
    String real = resolve(path);
    if (real == null) {
      return Errors.ELOOP;
    }
    jnr.posix.FileStat st = posix.allocateStat();
    if (posix.lstat(real, st) != 0) {
      return -posix.errno();
    }
    Stats.fill(stat, st.ino(), st.mode(), st.nlink(), st.st_size(), st.blocks(), st.uid(), st.gid(),
        nanos(st.atime()), nanos(st.mtime()), nanos(st.ctime()));
    return 0;
  }

  @Override
  public int readdir(String path, EntrySink sink) {
    String real = resolve(path);
    if (real == null) {
      return Errors.ELOOP;
    }
    if (!sink.add(".") || !sink.add("..")) {
      return 0;
    }
    try (var entries = Files.newDirectoryStream(Path.of(real))) {
      for (Path p : entries) {
        if (!sink.add(p.getFileName().toString())) {
          break;
        }
      }
      return 0;
    } catch (IOException e) {
      return Errors.of(e);
    }
  }

  @Override
  public int mkdir(String path, int mode) {
    return call(path, real -> libc.mkdir(real, mode & 07777));
  }

  @Override
  public int rmdir(String path) {
    return call(path, libc::rmdir);
  }

  @Override
  public int unlink(String path) {
    return call(path, libc::unlink);
  }

  @Override
  public int rename(String from, String to) {
    String src = resolve(from);
    String dst = resolve(to);
    if (src == null || dst == null) {
      return Errors.ELOOP;
    }
    return libc.rename(src, dst) == 0 ? 0 : LibC.lastError(libc);
  }

  @Override
  public int chmod(String path, int mode) {
    String real = resolve(path);
    if (real == null || isLink(real)) {
      return Errors.ELOOP;
    }
    return libc.chmod(real, mode & 07777) == 0 ? 0 : LibC.lastError(libc);
  }

  @Override
  public int chown(String path, long uid, long gid) {
    return call(path, real -> libc.lchown(real, (int) uid, (int) gid));
  }

  @Override
  public int utimens(String path, long atimeNanos, long mtimeNanos) {
    String real = resolve(path);
    if (real == null) {
      return Errors.ELOOP;
    }
    try {
      Files.getFileAttributeView(Path.of(real), BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
          .setTimes(time(mtimeNanos), time(atimeNanos), null);
      return 0;
    } catch (IOException e) {
      return Errors.of(e);
    }
  }

  @Override
  public int truncate(String path, long size) {
    String real = resolve(path);
    if (real == null || isLink(real)) {
      return Errors.ELOOP;
    }
    return libc.truncate(real, size) == 0 ? 0 : LibC.lastError(libc);
  }

  @Override
  public long create(String path, int mode, int flags) {
    return openReal(path, O_CREAT | O_EXCL, mode & 0700);
  }

  @Override
  public long open(String path, int flags) {
    return openReal(path, 0, 0);
  }

  @Override
  public int read(long handle, long buf, int size, long offset) {
    Open o = handles.get(handle);
    if (o == null) {
      return Errors.EBADF;
    }
    long n = libc.pread(o.fd, buf, size, offset);
    return n < 0 ? LibC.lastError(libc) : (int) n;
  }

  @Override
  public int read(long handle, byte[] dst, int size, long offset) {
    Open o = handles.get(handle);
    if (o == null) {
      return Errors.EBADF;
    }
    long n = libc.pread(o.fd, dst, size, offset);
    return n < 0 ? LibC.lastError(libc) : (int) n;
  }

  @Override
  public int write(long handle, long buf, int size, long offset) {
    Open o = handles.get(handle);
    if (o == null) {
      return Errors.EBADF;
    }
    long n = libc.pwrite(o.fd, buf, size, offset);
    return n < 0 ? LibC.lastError(libc) : (int) n;
  }

  @Override
  public int ftruncate(long handle, long size) {
    Open o = handles.get(handle);
    if (o == null) {
      return Errors.EBADF;
    }
    return libc.ftruncate(o.fd, size) == 0 ? 0 : LibC.lastError(libc);
  }

  @Override
  public int fallocate(long handle, int mode, long offset, long length) {
    Open o = handles.get(handle);
    return o == null ? Errors.EBADF : platform.fallocate(libc, o.fd, mode, offset, length);
  }

  @Override
  public int fsync(long handle, boolean dataOnly) {
    Open o = handles.get(handle);
    if (o == null) {
      return Errors.EBADF;
    }
    return libc.fsync(o.fd) == 0 ? 0 : LibC.lastError(libc);
  }

  @Override
  public int release(long handle) {
    Open o = handles.remove(handle);
    if (o == null) {
      return Errors.EBADF;
    }
    return libc.close(o.fd) == 0 ? 0 : LibC.lastError(libc);
  }

  @Override
  public int statfs(Statvfs st) {
    try {
      FileStore store = Files.getFileStore(root);
      long bsize = store.getBlockSize();
      st.f_bsize.set(bsize);
      st.f_frsize.set(bsize);
      st.f_blocks.set(store.getTotalSpace() / bsize);
      st.f_bfree.set(store.getUnallocatedSpace() / bsize);
      st.f_bavail.set(store.getUsableSpace() / bsize);
      st.f_namemax.set(Names.NAME_MAX);
      return 0;
    } catch (IOException e) {
      return Errors.of(e);
    }
  }

  @Override
  public Object identity(long handle) {
    Open o = handles.get(handle);
    return o == null ? null : o.ino;
  }

  @Override
  public Object identity(String path) {
    String real = resolve(path);
    if (real == null) {
      return null;
    }
    jnr.posix.FileStat st = posix.allocateStat();
    return posix.lstat(real, st) == 0 ? (Object) st.ino() : null;
  }

  @Override
  public long takeAllocated() {
    return 0;
  }

  @Override
  public void close() {
    for (Open o : handles.values()) {
      libc.close(o.fd);
    }
  }

  /** The real path under the root for a checked FUSE path, or null if a component is a symlink. */
  String resolve(String path) {
    if (path.equals("/")) {
      return root.toString();
    }
    Path p = root;
    String[] parts = Names.relative(path).split("/");
    for (int i = 0; i < parts.length - 1; i++) {
      p = p.resolve(parts[i]);
      if (Files.isSymbolicLink(p)) {
        return null;
      }
    }
    return p.resolve(parts[parts.length - 1]).toString();
  }

  private long openReal(String path, int extra, int mode) {
    String real = resolve(path);
    if (real == null) {
      return Errors.ELOOP;
    }
    int fd = libc.open(real, O_RDWR | O_NOFOLLOW | extra, mode);
    if (fd < 0 && LibC.lastError(libc) == Errors.EACCES && extra == 0) {
      fd = libc.open(real, (O_RDWR & ~O_ACCMODE) | O_NOFOLLOW, 0);
    }
    if (fd < 0) {
      return LibC.lastError(libc);
    }
    jnr.posix.FileStat st = posix.allocateStat();
    long ino = posix.fstat(fd, st) == 0 ? st.ino() : -1;
    return handles.add(new Open(fd, path, ino));
  }

  private interface Call {
    int apply(String real);
  }

  private int call(String path, Call call) {
    String real = resolve(path);
    if (real == null) {
      return Errors.ELOOP;
    }
    return call.apply(real) == 0 ? 0 : LibC.lastError(libc);
  }

  private static boolean isLink(String real) {
    return Files.isSymbolicLink(Path.of(real));
  }

  private static long nanos(long seconds) {
    return seconds * 1_000_000_000L;
  }

  private static FileTime time(long nanos) {
    if (nanos == KEEP_TIME) {
      return null;
    }
    return FileTime.from(Instant.ofEpochSecond(0, nanos));
  }
}
