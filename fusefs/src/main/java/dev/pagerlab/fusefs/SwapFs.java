package dev.pagerlab.fusefs;

import com.kenai.jffi.MemoryIO;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;
import jnr.ffi.Struct;
import jnr.ffi.annotations.Delegate;
import jnr.ffi.provider.ClosureManager;
import jnr.ffi.types.intptr_t;
import jnr.ffi.types.off_t;
import jnr.ffi.types.size_t;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.serce.jnrfuse.FuseFillDir;
import ru.serce.jnrfuse.FuseStubFS;
import ru.serce.jnrfuse.struct.FileStat;
import ru.serce.jnrfuse.struct.FuseFileInfo;
import ru.serce.jnrfuse.struct.Statvfs;
import ru.serce.jnrfuse.struct.Timespec;

/**
 * The FUSE operations: checks names, injects planned faults, verifies checksums, reports every
 * request to the listener and delegates to a {@link Backing}. Every callback catches everything,
 * logs it with the operation, path, offset and length, and returns -errno: no exception ever
 * reaches native code. Read and write bypass jnr-fuse's per-call struct wrappers and move data
 * between the kernel's buffer and the backing without a Java heap copy.
 */
final class SwapFs extends FuseStubFS {

  private static final Logger LOG = LoggerFactory.getLogger(SwapFs.class);
  private static final long UTIME_NOW = (1L << 30) - 1;
  private static final long UTIME_OMIT = (1L << 30) - 2;
  private static final long FH_OFFSET = fhOffset();
  private static final MemoryIO MEMORY = MemoryIO.getInstance();
  private final Backing backing;
  private final FaultPlan faults;
  private final Checksums checksums;
  private final Runnable crash;
  private volatile RequestListener listener = RequestListener.NONE;
  private final RawIo rawRead = this::readRaw;
  private final RawIo rawWrite = this::writeRaw;
  private final Pointer readClosure;
  private final Pointer writeClosure;

  SwapFs(Backing backing, FaultPlan faults, boolean checksummed, Runnable crash) {
    this.backing = backing;
    this.faults = faults;
    this.checksums = checksummed ? new Checksums(backing) : null;
    this.crash = crash;
    Pointer ops = Struct.getMemory(fuseOperations);
    ClosureManager closures = Runtime.getSystemRuntime().getClosureManager();
    readClosure = closures.getClosurePointer(RawIo.class, rawRead);
    writeClosure = closures.getClosurePointer(RawIo.class, rawWrite);
    ops.putPointer(fuseOperations.read.offset(), readClosure);
    ops.putPointer(fuseOperations.write.offset(), writeClosure);
  }

  /**
   * read and write as libfuse calls them, with every pointer as a plain address: jnr-ffi then
   * allocates nothing per request (no path String, no Pointer or struct wrappers).
   */
  public interface RawIo {
    /** (const char *path, char *buf, size_t size, off_t offset, struct fuse_file_info *fi). */
    @Delegate
    int call(@intptr_t long path, @intptr_t long buf, @size_t long size, @off_t long offset, @intptr_t long fi);
  }

  /** The operations table for fuse_setup. */
  ru.serce.jnrfuse.struct.FuseOperations operations() {
    return fuseOperations;
  }

  /** Replaces the request listener. */
  void listener(RequestListener l) {
    listener = l == null ? RequestListener.NONE : l;
  }

  @Override
  public int getattr(String path, FileStat stat) {
    return meta(Operation.GETATTR, path, () -> backing.getattr(path, stat));
  }

  @Override
  public int fgetattr(String path, FileStat stat, FuseFileInfo fi) {
    return meta(Operation.GETATTR, path, () -> backing.getattr(path, stat));
  }

  @Override
  public int readdir(String path, Pointer buf, FuseFillDir filler, long offset, FuseFileInfo fi) {
    return meta(Operation.READDIR, path, () -> backing.readdir(path, name -> filler.apply(buf, name, null, 0) == 0));
  }

  @Override
  public int mkdir(String path, long mode) {
    return meta(Operation.MKDIR, path, () -> backing.mkdir(path, (int) mode));
  }

  @Override
  public int rmdir(String path) {
    return meta(Operation.RMDIR, path, () -> backing.rmdir(path));
  }

  @Override
  public int unlink(String path) {
    return meta(Operation.UNLINK, path, () -> backing.unlink(path));
  }

  @Override
  public int rename(String from, String to) {
    if (!Names.isSafe(to)) {
      return Errors.EINVAL;
    }
    return meta(Operation.RENAME, from, () -> backing.rename(from, to));
  }

  @Override
  public int chmod(String path, long mode) {
    return meta(Operation.CHMOD, path, () -> backing.chmod(path, (int) mode));
  }

  @Override
  public int chown(String path, long uid, long gid) {
    return meta(Operation.CHOWN, path, () -> backing.chown(path, uid, gid));
  }

  @Override
  public int truncate(String path, long size) {
    return meta(Operation.TRUNCATE, path, () -> {
      if (checksums != null) {
        checksums.truncated(backing.identity(path), size);
      }
      return backing.truncate(path, size);
    });
  }

  @Override
  public int utimens(String path, Timespec[] times) {
    return meta(Operation.UTIMENS, path, () -> backing.utimens(path, nanos(times[0]), nanos(times[1])));
  }

  @Override
  public int create(String path, long mode, FuseFileInfo fi) {
    return meta(Operation.CREATE, path, () -> handle(fi, backing.create(path, (int) mode, fi.flags.get())));
  }

  @Override
  public int open(String path, FuseFileInfo fi) {
    return meta(Operation.OPEN, path, () -> handle(fi, backing.open(path, fi.flags.get())));
  }

  @Override
  public int flush(String path, FuseFileInfo fi) {
    return 0;
  }

  @Override
  public int release(String path, FuseFileInfo fi) {
    return meta(Operation.RELEASE, path, () -> backing.release(fi.fh.get()));
  }

  @Override
  public int fsync(String path, int isdatasync, FuseFileInfo fi) {
    return meta(Operation.FSYNC, path, () -> backing.fsync(fi.fh.get(), isdatasync != 0));
  }

  @Override
  public int ftruncate(String path, long size, FuseFileInfo fi) {
    return meta(Operation.TRUNCATE, path, () -> {
      if (checksums != null) {
        checksums.truncated(backing.identity(fi.fh.get()), size);
      }
      return backing.ftruncate(fi.fh.get(), size);
    });
  }

  @Override
  public int fallocate(String path, int mode, long off, long length, FuseFileInfo fi) {
    return data(Operation.FALLOCATE, path, off, length, () -> backing.fallocate(fi.fh.get(), mode, off, length));
  }

  @Override
  public int statfs(String path, Statvfs stbuf) {
    return meta(Operation.STATFS, path, () -> backing.statfs(stbuf));
  }

  @Override
  public int access(String path, int mask) {
    return 0;
  }

  private int readRaw(long path, long buf, long size, long offset, long fi) {
    return read(path, buf, size, offset, MEMORY.getLong(fi + FH_OFFSET));
  }

  private int writeRaw(long path, long buf, long size, long offset, long fi) {
    return write(path, buf, size, offset, MEMORY.getLong(fi + FH_OFFSET));
  }

  /**
   * Serves a read of an open file ({@code handle} is what open gave the kernel) into native
   * memory at {@code buf}: the listener, fault injection, checksums and backing, as libfuse's
   * callback does. {@code path} is a C string's address or 0 when unknown. Returns the byte count
   * or -errno.
   */
  int read(long path, long buf, long size, long offset, long handle) {
    Thread worker = Thread.currentThread();
    int result;
    try {
      listener.started(Operation.READ, offset, size, worker);
      result = injectRaw(Operation.READ, path, offset, size);
      if (result == 0) {
        result = checksums == null ? backing.read(handle, buf, (int) size, offset)
            : checksums.read(handle, buf, (int) size, offset, path(path));
      }
    } catch (Throwable e) {
      result = failed(Operation.READ, path(path), offset, size, e);
    }
    return finish(Operation.READ, offset, size, worker, result);
  }

  /** Serves a write of an open file from native memory at {@code buf}, like {@link #read}. */
  int write(long path, long buf, long size, long offset, long handle) {
    Thread worker = Thread.currentThread();
    int result;
    try {
      listener.started(Operation.WRITE, offset, size, worker);
      result = injectRaw(Operation.WRITE, path, offset, size);
      if (result == 0) {
        result = checksums == null ? backing.write(handle, buf, (int) size, offset)
            : checksums.write(handle, buf, (int) size, offset);
      }
    } catch (Throwable e) {
      result = failed(Operation.WRITE, path(path), offset, size, e);
    }
    return finish(Operation.WRITE, offset, size, worker, result);
  }

  private int finish(Operation op, long offset, long size, Thread worker, int result) {
    try {
      listener.finished(op, offset, size, worker, backing.takeAllocated(), result);
    } catch (Throwable e) {
      LOG.warn("request listener failed after {} offset={} length={}", op, offset, size, e);
    }
    return result;
  }

  private interface Body {
    long run() throws Exception;
  }

  private int meta(Operation op, String path, Body body) {
    return data(op, path, 0, 0, body);
  }

  private int data(Operation op, String path, long offset, long length, Body body) {
    Thread worker = Thread.currentThread();
    int result;
    try {
      listener.started(op, offset, length, worker);
      result = Names.isSafe(path) ? inject(op, path, offset, length) : Errors.EINVAL;
      if (result == 0) {
        result = (int) body.run();
      }
    } catch (Throwable e) {
      result = failed(op, path, offset, length, e);
    }
    return finish(op, offset, length, worker, result);
  }

  private int injectRaw(Operation op, long path, long offset, long length) {
    return faults.latencyNanos() == 0 && !faults.anyArmed() ? 0 : inject(op, path(path), offset, length);
  }

  private static String path(long address) {
    return address == 0 ? "?" : new String(MEMORY.getZeroTerminatedByteArray(address), StandardCharsets.UTF_8);
  }

  private int inject(Operation op, String path, long offset, long length) {
    long delay = faults.latencyNanos();
    if (delay > 0 && op.isData()) {
      LOG.debug("injected latency {} ns into {} {} offset={} length={}", delay, op, path, offset, length);
      LockSupport.parkNanos(delay);
    }
    FaultKind fault = faults.decide(op);
    if (fault == null) {
      return 0;
    }
    LOG.warn("injected fault {} into {} {} offset={} length={} on {}", fault, op, path, offset, length,
        Thread.currentThread().getName());
    return switch (fault) {
      case EIO_READ, EIO_WRITE -> Errors.EIO;
      case ENOSPC -> Errors.ENOSPC;
      case STALL -> faults.awaitStallCleared() ? 0 : Errors.EINTR;
      case CRASH -> {
        crash.run();
        yield Errors.EIO;
      }
    };
  }

  private static int failed(Operation op, String path, long offset, long length, Throwable e) {
    LOG.error("{} {} offset={} length={} failed on {}; answering EIO", op, path, offset, length,
        Thread.currentThread().getName(), e);
    return Errors.EIO;
  }

  private static long handle(FuseFileInfo fi, long handle) {
    if (handle >= 0) {
      fi.fh.set(handle);
      return 0;
    }
    return handle;
  }

  private static long nanos(Timespec t) {
    long nsec = t.tv_nsec.longValue();
    if (nsec == UTIME_OMIT) {
      return Backing.KEEP_TIME;
    } else if (nsec == UTIME_NOW) {
      return Clock.nowNanos();
    }
    return t.tv_sec.get() * 1_000_000_000L + nsec;
  }

  private static long fhOffset() {
    Pointer scratch = Memory.allocateDirect(Runtime.getSystemRuntime(), 128);
    return FuseFileInfo.of(scratch).fh.offset();
  }
}
