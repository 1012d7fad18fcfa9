package dev.pagerlab.cli;

import dev.pagerlab.fusefs.FuseMount;
import dev.pagerlab.fusefs.MountException;
import dev.pagerlab.fusefs.MountOptions;
import dev.pagerlab.fusefs.Operation;
import dev.pagerlab.fusefs.RequestListener;
import dev.pagerlab.vmcore.SwapDevice;
import dev.pagerlab.vmcore.spec.Scenario;
import dev.pagerlab.vmcore.spec.SwapFileSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live mode: the simulator's swap goes to real swap files on pagerlab's own FUSE filesystem,
 * mounted for the run, so every page written and read crosses the kernel and a real userland
 * daemon with the scenario's worker threads. Each page is written with its identity and a
 * generation, and every read is checked against the last write.
 */
final class LiveSwap implements SwapDevice, AutoCloseable {
  static final int PAGE = 4096;
  private final FuseMount mount;
  private final Map<String, FileChannel> files = new HashMap<>();
  private final Map<Integer, Long> generation = new HashMap<>();
  private final ByteBuffer buffer = ByteBuffer.allocateDirect(PAGE);
  private final Set<String> workers = ConcurrentHashMap.newKeySet();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong daemonBytes = new AtomicLong();
  private final AtomicLong peakDaemonBytes = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private long writes;
  private long reads;
  private long mismatches;

  private LiveSwap(FuseMount mount) {
    this.mount = mount;
  }

  /** Mounts the FUSE filesystem at {@code dir} with the scenario's daemon threads and creates its swap files. */
  static LiveSwap open(Path dir, Scenario s) throws MountException, IOException {
    int threads = s.swap().stack().stream().map(s::layer).flatMap(java.util.Optional::stream)
        .flatMap(l -> l.server().stream()).map(s::process).flatMap(java.util.Optional::stream)
        .mapToInt(p -> p.threads()).findFirst().orElse(1);
    Files.createDirectories(dir);
    FuseMount m = FuseMount.mount(MountOptions.defaults(dir).withThreads(threads).withChecksums(true)
        .withDirectIo(true).withMemory(64L << 20));
    LiveSwap live = new LiveSwap(m);
    try {
      m.listener(live.listener());
      for (SwapFileSpec f : s.swap().files()) {
        live.create(f.name(), (long) f.slots() * PAGE, f.preallocated());
      }
      return live;
    } catch (IOException | RuntimeException e) {
      live.close();
      throw e;
    }
  }

  private RequestListener listener() {
    return new RequestListener() {
      @Override
      public void started(Operation operation, long offset, long length, Thread worker) {
        requests.incrementAndGet();
        workers.add(worker.getName());
      }

      @Override
      public void finished(Operation operation, long offset, long length, Thread worker, long allocatedBytes,
          int result) {
        long now = daemonBytes.addAndGet(allocatedBytes);
        peakDaemonBytes.accumulateAndGet(now, Math::max);
        daemonBytes.addAndGet(-allocatedBytes);
        if (result < 0) {
          failed.incrementAndGet();
        }
      }
    };
  }

  private FileChannel create(String name, long bytes, boolean preallocated) throws IOException {
    Path p = mount.mountPoint().resolve(name);
    FileChannel ch = FileChannel.open(p, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    if (preallocated) {
      ByteBuffer zero = ByteBuffer.allocateDirect(128 * 1024);
      for (long at = 0; at < bytes; at += zero.capacity()) {
        zero.clear().limit((int) Math.min(zero.capacity(), bytes - at));
        ch.write(zero, at);
      }
    }
    files.put(name, ch);
    return ch;
  }

  private FileChannel channel(String file) {
    try {
      FileChannel ch = files.get(file);
      return ch != null ? ch : create(file, 0, false);
    } catch (IOException e) {
      throw new UncheckedIOException("live swap: cannot open " + file + " on the FUSE mount", e);
    }
  }

  @Override
  public void write(String file, long slot, int page) {
    long gen = generation.merge(page, 1L, Long::sum);
    buffer.clear();
    while (buffer.hasRemaining()) {
      buffer.putLong(page).putLong(gen);
    }
    buffer.flip();
    try {
      channel(file).write(buffer, slot * PAGE);
      writes++;
    } catch (IOException e) {
      throw new UncheckedIOException("live swap: writing " + file + " slot " + slot + " failed", e);
    }
  }

  @Override
  public void read(String file, long slot, int page) {
    buffer.clear();
    try {
      channel(file).read(buffer, slot * PAGE);
      reads++;
    } catch (IOException e) {
      throw new UncheckedIOException("live swap: reading " + file + " slot " + slot + " failed", e);
    }
    buffer.flip();
    Long gen = generation.get(page);
    if (gen == null || buffer.remaining() < 16 || buffer.getLong(0) != page || buffer.getLong(8) != gen) {
      mismatches++;
    }
  }

  /** One line of what the live run did. */
  String summary() {
    return "live: " + writes + " page writes and " + reads + " page reads through the FUSE mount at "
        + mount.mountPoint() + "; " + mismatches + " read(s) did not return the last write; the daemon served "
        + requests.get() + " requests (" + failed.get() + " failed) on " + workers.size() + " worker thread(s), "
        + "request buffers at most " + peakDaemonBytes.get() + " bytes, fixed worker buffers "
        + mount.workerBufferBytes() + " bytes";
  }

  long mismatches() {
    return mismatches;
  }

  @Override
  public void close() {
    for (FileChannel ch : files.values()) {
      try {
        ch.close();
      } catch (IOException e) {
        // the mount goes away next; nothing to keep
      }
    }
    mount.close();
  }
}
