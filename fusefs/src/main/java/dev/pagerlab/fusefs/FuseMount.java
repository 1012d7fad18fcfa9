package dev.pagerlab.fusefs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;
import jnr.ffi.Struct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live mount of the swap filesystem: mounts through fuse_setup, serves requests on Java worker
 * threads, probes until the mount answers, and unmounts on {@link #close}, on JVM exit and when
 * the workers stop (an external umount or a crash). Unmount waits until the mount is gone and
 * aborts the kernel connection when callers are stuck, so no stale mount is left behind.
 */
public final class FuseMount implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FuseMount.class);
  private static final Duration GRACE = Duration.ofSeconds(2);
  private final MountOptions options;
  private final Path mountPoint;
  private final FusePlatform platform = FusePlatform.current();
  private final FaultPlan faults = new FaultPlan();
  private final Backing backing;
  private final SwapFs fs;
  private final List<Thread> workers = new ArrayList<>();
  private final AtomicBoolean closing = new AtomicBoolean();
  private final AtomicBoolean tornDown = new AtomicBoolean();
  private final CountDownLatch gone = new CountDownLatch(1);
  private final Thread shutdownHook = new Thread(this::closeQuietly, "pagerlab-fuse-shutdown");
  private FuseSessionLib lib;
  private Pointer fuse;
  private Pointer mountpointSlot;
  private volatile OptionalInt connection = OptionalInt.empty();
  private final java.util.Map<Integer, String> fusermountSockets = new java.util.HashMap<>();
  private LibC libc;

  private FuseMount(MountOptions options, Backing backing) {
    this.options = options;
    this.mountPoint = options.mountPoint().toAbsolutePath().normalize();
    this.backing = backing;
    this.fs = new SwapFs(backing, faults, options.checksums(), this::crash);
  }

  /** Mounts as {@code options} say and returns once the mount answers; throws with a one-line reason otherwise. */
  public static FuseMount mount(MountOptions options) throws MountException {
    preflight(options);
    Backing backing = backingFor(options);
    FuseMount m;
    try {
      m = new FuseMount(options, backing);
    } catch (Throwable e) {
      backing.close();
      throw new MountException("cannot load libfuse 2: " + e.getMessage(), e);
    }
    m.start();
    return m;
  }

  /** Unmounts {@code dir} whoever serves it, a dead daemon included; true once it is gone. */
  public static boolean forceUnmount(Path dir, Duration timeout) {
    FusePlatform platform = FusePlatform.current();
    Path target = dir.toAbsolutePath().normalize();
    if (!platform.isMounted(target)) {
      return true;
    }
    OptionalInt conn = platform.connectionOf(target);
    platform.unmount(target, false);
    if (waitUntil(() -> !platform.isMounted(target), GRACE)) {
      return true;
    }
    LOG.warn("{} is busy or stuck; aborting its connection and detaching", target);
    conn.ifPresent(platform::abortConnection);
    platform.unmount(target, true);
    return waitUntil(() -> !platform.isMounted(target), timeout);
  }

  /** The mount point. */
  public Path mountPoint() {
    return mountPoint;
  }

  /** The faults to inject, changeable while mounted. */
  public FaultPlan faults() {
    return faults;
  }

  /** Reports every request to {@code listener} from now on (null for none). */
  public void listener(RequestListener listener) {
    fs.listener(listener);
  }

  /** The worker threads serving requests. */
  public int threads() {
    return options.threads();
  }

  /**
   * Bytes of native buffer memory the workers hold: a request buffer each and, on the READ and
   * WRITE fast path, a reply buffer of the same size.
   */
  public long workerBufferBytes() {
    int perWorker = DataFastPath.enabled(platform) ? 2 : 1;
    return (long) options.threads() * perWorker * requestBufferBytes(options);
  }

  /** The request buffer a worker needs: libfuse's page plus the largest request's data. */
  static long requestBufferBytes(MountOptions o) {
    return Math.max(MountOptions.MAX_WRITE, o.maxWrite()) + 4096L;
  }

  /** Whether the mount is still served. */
  public boolean isMounted() {
    return gone.getCount() > 0 && platform.isMounted(mountPoint);
  }

  /** Blocks until the mount has gone (closed, unmounted from outside, or crashed). */
  public void awaitUnmounted() throws InterruptedException {
    gone.await();
  }

  /** Blocks up to {@code timeout} until the mount has gone; true if it has. */
  public boolean awaitUnmounted(Duration timeout) throws InterruptedException {
    return gone.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Flips one stored bit of {@code path} at {@code offset} in an in-memory backing (plays a bad disk); false if impossible. */
  boolean corrupt(String path, long offset) {
    return backing instanceof MemoryBacking m && m.corrupt(path, offset);
  }

  /** Unmounts and waits until the mount is gone; aborts the connection if callers are stuck. */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      awaitQuietly();
      return;
    }
    try {
      java.lang.Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // already shutting down: this is the hook
    }
    faults.releaseStalled();
    if (platform.isMounted(mountPoint)) {
      platform.unmount(mountPoint, false);
      if (!waitUntil(() -> !platform.isMounted(mountPoint), GRACE)) {
        LOG.warn("{} is busy; detaching it lazily", mountPoint);
        platform.unmount(mountPoint, true);
      }
    }
    if (!joinWorkers(GRACE)) {
      LOG.warn("workers of {} still busy after unmount; aborting connection {}", mountPoint, connection);
      abort();
      faults.releaseStalled();
      joinWorkers(GRACE);
    }
    tearDown();
  }

  private void start() throws MountException {
    lib = loadSessionLib();
    String[] argv = {"pagerlab", mountPoint.toString(), "-f", "-o", options.optionString(platform)};
    Runtime rt = Runtime.getSystemRuntime();
    mountpointSlot = Memory.allocateDirect(rt, 8, true);
    Pointer multithreaded = Memory.allocateDirect(rt, 8, true);
    LOG.info("mounting {} with -o {}", mountPoint, argv[4]);
    platform.prepareAbort();
    java.util.Map<Integer, String> fdsBefore = openFds();
    fuse = callWithTimeout(() -> lib.fuse_setup(argv.length, argv, fs.operations(),
        Struct.size(fs.operations()), mountpointSlot, multithreaded, null), "fuse_setup");
    closeOnExecNewFds(fdsBefore);
    if (fuse == null) {
      backing.close();
      throw new MountException("libfuse could not mount " + mountPoint + " (its reason is on stderr)");
    }
    Pointer session = lib.fuse_get_session(fuse);
    Pointer channel = lib.fuse_session_next_chan(session, null);
    // a request is a header and a fuse_write_in (80 bytes) and up to max-write of data
    long bufferSize = Math.max(lib.fuse_chan_bufsize(channel), requestBufferBytes(options));
    int fd = lib.fuse_chan_fd(channel);
    Thread[] threads = new Thread[options.threads()];
    SwapFs fastFs = DataFastPath.enabled(platform) ? fs : null;
    LOG.debug("READ and WRITE served {}", fastFs != null ? "by the workers from the raw request" : "through libfuse");
    InitNegotiation init = InitNegotiation.needed(options.writebackCache(), options.maxWrite())
        ? new InitNegotiation(options.writebackCache() ? InitNegotiation.FUSE_WRITEBACK_CACHE : 0, options.maxWrite())
        : null;
    WorkerLoop.Shared shared = new WorkerLoop.Shared(lib, libc(), session, channel, bufferSize, fd, threads, fastFs,
        init, options.effectiveSpinMicros() * 1000L, new AtomicBoolean());
    for (int i = 0; i < threads.length; i++) {
      threads[i] = new Thread(new WorkerLoop(shared, i),
          "pagerlab-fuse-worker-" + i);
      threads[i].setDaemon(true);
      workers.add(threads[i]);
    }
    workers.forEach(Thread::start);
    Thread supervisor = new Thread(this::supervise, "pagerlab-fuse-supervisor");
    supervisor.setDaemon(true);
    supervisor.start();
    java.lang.Runtime.getRuntime().addShutdownHook(shutdownHook);
    probe();
  }

  /**
   * libfuse 2 leaves the /dev/fuse descriptor and, with auto_unmount, its socket to fusermount
   * inheritable: every later child (the fusermount of the next mount included) would keep this
   * connection alive after the daemon dies, and its fusermount would never exit.
   */
  private void closeOnExecNewFds(java.util.Map<Integer, String> before) {
    if (fuse == null) {
      return;
    }
    for (var fd : openFds().entrySet()) {
      if (!fd.getValue().equals(before.get(fd.getKey()))) {
        FusePlatform.closeOnExec(libc(), fd.getKey());
        if (fd.getValue().startsWith("socket:")) {
          fusermountSockets.put(fd.getKey(), fd.getValue());
        }
      }
    }
  }

  /**
   * Closes libfuse's end of the auto_unmount socket once the mount is gone (libfuse 2 keeps it
   * until exit), so that mount's fusermount watcher exits now instead of outliving the mount
   * and later unmounting whatever is mounted at the same path.
   */
  private void releaseFusermount() {
    java.util.Map<Integer, String> now = openFds();
    fusermountSockets.forEach((fd, link) -> {
      if (link.equals(now.get(fd))) {
        libc().close(fd);
      }
    });
  }

  private LibC libc() {
    if (libc == null) {
      libc = LibC.load();
    }
    return libc;
  }

  private static java.util.Map<Integer, String> openFds() {
    java.util.Map<Integer, String> fds = new java.util.HashMap<>();
    Path dir = Path.of("/proc/self/fd");
    String[] names = dir.toFile().list();
    if (names != null) {
      for (String n : names) {
        try {
          fds.put(Integer.parseInt(n), Files.readSymbolicLink(dir.resolve(n)).toString());
        } catch (IOException | NumberFormatException e) {
          // closed meanwhile
        }
      }
    }
    return fds;
  }

  private void probe() throws MountException {
    long deadline = System.nanoTime() + options.mountTimeout().toNanos();
    CompletableFuture<Boolean> answered = CompletableFuture.supplyAsync(() -> {
      while (System.nanoTime() < deadline) {
        if (workers.stream().noneMatch(Thread::isAlive)) {
          return false;
        } else if (platform.isMounted(mountPoint) && Files.isDirectory(mountPoint)) {
          return true;
        }
        sleep(10);
      }
      return false;
    });
    boolean ok;
    try {
      ok = answered.get(options.mountTimeout().toMillis() + 500, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ok = false;
    } catch (ExecutionException | TimeoutException e) {
      ok = false;
    }
    if (!ok) {
      close();
      throw new MountException(mountPoint + " did not answer within " + options.mountTimeout().toMillis() + " ms");
    }
    connection = platform.connectionOf(mountPoint);
    LOG.info("mounted {} ({} backing, {} worker(s), spin {} us{}, connection {})", mountPoint,
        options.backingDir() == null ? "memory" : options.backingDir(), options.threads(),
        options.effectiveSpinMicros(), options.writebackCache() ? ", writeback cache" : "", connection);
  }

  private void supervise() {
    joinWorkers(null);
    if (!closing.get()) {
      LOG.warn("workers of {} stopped (unmounted from outside or crashed); cleaning up", mountPoint);
      closeQuietly();
    }
  }

  private void crash() {
    LOG.error("injected crash: the daemon of {} dies now (connection {} aborted)", mountPoint, connection);
    if (!abort()) {
      // never fork from a worker: detach from another thread once this request has been answered
      lib.fuse_session_exit(lib.fuse_get_session(fuse));
      Thread t = new Thread(() -> platform.unmount(mountPoint, true), "pagerlab-fuse-crash");
      t.setDaemon(true);
      t.start();
    }
  }

  private boolean abort() {
    return connection.isPresent() && platform.abortConnection(connection.getAsInt());
  }

  private boolean joinWorkers(Duration timeout) {
    long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    for (Thread t : workers) {
      try {
        long left = timeout == null ? 0 : Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
        t.join(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      if (t.isAlive()) {
        return false;
      }
    }
    return true;
  }

  private void tearDown() {
    if (!tornDown.compareAndSet(false, true)) {
      return;
    }
    if (workers.stream().noneMatch(Thread::isAlive)) {
      lib.fuse_teardown(fuse, mountpointSlot.getPointer(0));
      releaseFusermount();
    } else {
      LOG.error("workers of {} never stopped; leaking the libfuse session rather than freeing it under them", mountPoint);
    }
    backing.close();
    gone.countDown();
    LOG.info("unmounted {}", mountPoint);
  }

  private void closeQuietly() {
    try {
      close();
    } catch (Throwable e) {
      LOG.error("unmounting {} failed", mountPoint, e);
    }
  }

  private void awaitQuietly() {
    try {
      gone.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private FuseSessionLib loadSessionLib() throws MountException {
    Throwable last = null;
    for (String name : platform.fuseLibraries()) {
      try {
        return LibraryLoader.create(FuseSessionLib.class).failImmediately().load(name);
      } catch (Throwable e) {
        last = e;
      }
    }
    throw new MountException("cannot load libfuse 2 (" + platform.fuseLibraries() + ")", last);
  }

  private Pointer callWithTimeout(java.util.function.Supplier<Pointer> call, String what) throws MountException {
    CompletableFuture<Pointer> f = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        f.complete(call.get());
      } catch (Throwable e) {
        f.completeExceptionally(e);
      }
    }, "pagerlab-fuse-setup");
    t.setDaemon(true);
    t.start();
    try {
      return f.get(options.mountTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new MountException(what + " did not return within " + options.mountTimeout().toMillis() + " ms");
    } catch (ExecutionException e) {
      throw new MountException(what + " failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MountException(what + " interrupted");
    }
  }

  private static void preflight(MountOptions o) throws MountException {
    FusePlatform platform = FusePlatform.current();
    String missing = platform.missingPrerequisite();
    if (missing != null) {
      throw new MountException("FUSE is not available: " + missing);
    }
    if (o.writebackCache() && !platform.rawDataReplies()) {
      throw new MountException("--writeback-cache needs Linux (the INIT reply is amended on /dev/fuse)");
    }
    if (o.maxWrite() > MountOptions.MAX_WRITE && !DataFastPath.enabled(platform)) {
      throw new MountException("--max-write over " + MountOptions.MAX_WRITE + " needs Linux and the READ/WRITE fast"
          + " path (libfuse 2 itself stops at " + MountOptions.MAX_WRITE + ")");
    }
    Path dir = o.mountPoint().toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new MountException("mount point " + dir + " is not a directory");
    }
    if (platform.isMounted(dir)) {
      throw new MountException(dir + " is already a FUSE mount (pagerlab umount " + dir + " clears it)");
    }
    try (var entries = Files.list(dir)) {
      if (entries.findAny().isPresent()) {
        throw new MountException("mount point " + dir + " is not empty");
      }
    } catch (IOException e) {
      throw new MountException("cannot read mount point " + dir + ": " + e.getMessage(), e);
    }
    if (o.backingDir() != null) {
      Path b = o.backingDir().toAbsolutePath().normalize();
      if (!Files.isDirectory(b)) {
        throw new MountException("backing " + b + " is not a directory");
      }
      if (b.startsWith(dir) || dir.startsWith(b)) {
        throw new MountException("backing " + b + " and mount point " + dir + " must not contain each other");
      }
    }
  }

  private static Backing backingFor(MountOptions o) throws MountException {
    if (o.backingDir() == null) {
      return new MemoryBacking(o.memoryBytes(), owner("uid"), owner("gid"));
    }
    try {
      return new PassthroughBacking(o.backingDir());
    } catch (IOException e) {
      throw new MountException("cannot use backing " + o.backingDir() + ": " + e.getMessage(), e);
    }
  }

  private static long owner(String which) {
    try {
      return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:" + which)).longValue();
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return 0;
    }
  }

  private static boolean waitUntil(java.util.function.BooleanSupplier condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      sleep(20);
    }
    return condition.getAsBoolean();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
