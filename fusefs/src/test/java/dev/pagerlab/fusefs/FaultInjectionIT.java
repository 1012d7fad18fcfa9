package dev.pagerlab.fusefs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults injected into a live mount at run time, seen by ordinary Java file I/O (direct_io, so every read reaches the daemon). */
class FaultInjectionIT {

  private static final byte[] DATA = pattern(64 * 1024);

  @TempDir
  Path tmp;
  FuseMount mount;

  private FuseMount mount(boolean checksums) throws IOException {
    mount = FuseSupport.mount(MountOptions.defaults(FuseSupport.dir(tmp, "mnt")).withThreads(2)
        .withDirectIo(true).withChecksums(checksums));
    return mount;
  }

  @AfterEach
  void unmount() {
    if (mount != null) {
      mount.close();
    }
  }

  @Test
  void eioOnRead_failsOnceThenReads() throws IOException {
    Path f = Files.write(mount(false).mountPoint().resolve("f"), DATA);
    mount.faults().inject(FaultKind.EIO_READ, 1);
    IOException e = assertThrows(IOException.class, () -> Files.readAllBytes(f));
    assertTrue(e.getMessage().contains("Input/output error"), e.toString());
    assertArrayEquals(DATA, Files.readAllBytes(f));
  }

  @Test
  void eioOnWrite_failsUntilCleared() throws IOException {
    Path f = mount(false).mountPoint().resolve("f");
    mount.faults().inject(FaultKind.EIO_WRITE, FaultPlan.FOREVER);
    assertThrows(IOException.class, () -> Files.write(f, DATA));
    assertThrows(IOException.class, () -> Files.write(f, DATA));
    mount.faults().clear(FaultKind.EIO_WRITE);
    Files.write(f, DATA);
    assertArrayEquals(DATA, Files.readAllBytes(f));
  }

  @Test
  void enospc_failsWriteWithNoSpace() throws IOException {
    Path f = mount(false).mountPoint().resolve("f");
    mount.faults().inject(FaultKind.ENOSPC, 1);
    IOException e = assertThrows(IOException.class, () -> Files.write(f, DATA));
    assertTrue(e.getMessage().contains("No space left"), e.toString());
  }

  @Test
  void stall_blocksTheCallerUntilCleared() throws Exception {
    Path f = Files.write(mount(false).mountPoint().resolve("f"), DATA);
    mount.faults().inject(FaultKind.STALL, 1);
    CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> readQuietly(f));
    assertThrows(TimeoutException.class, () -> read.get(500, TimeUnit.MILLISECONDS), "a stalled worker never answers");
    mount.faults().clear(FaultKind.STALL);
    assertArrayEquals(DATA, read.get(10, TimeUnit.SECONDS));
  }

  @Test
  void stall_unmountAbortsTheStuckCaller() throws Exception {
    Path f = Files.write(mount(false).mountPoint().resolve("f"), DATA);
    mount.faults().inject(FaultKind.STALL, FaultPlan.FOREVER);
    CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> readQuietly(f));
    assertThrows(TimeoutException.class, () -> read.get(300, TimeUnit.MILLISECONDS));
    long start = System.nanoTime();
    mount.close();
    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(15), "unmount must not hang on a stalled worker");
    assertFalse(FusePlatform.current().isMounted(mount.mountPoint()));
    ExecutionException e = assertThrows(ExecutionException.class, () -> read.get(10, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof java.io.UncheckedIOException, e.toString());
  }

  @Test
  void crash_killsTheMountAndCleansUp() throws Exception {
    Path f = Files.write(mount(false).mountPoint().resolve("f"), DATA);
    mount.faults().inject(FaultKind.CRASH, 1);
    assertThrows(IOException.class, () -> Files.readAllBytes(f));
    assertTrue(mount.awaitUnmounted(Duration.ofSeconds(10)), "the crashed mount is cleaned up");
    assertTrue(FuseSupport.eventually(() -> !FusePlatform.current().isMounted(mount.mountPoint()), Duration.ofSeconds(10)));
  }

  @Test
  void checksum_corruptBlock_readsFailWithEio() throws IOException {
    Path f = Files.write(mount(true).mountPoint().resolve("f"), DATA);
    assertTrue(mount.corrupt("/f", 5000), "flip a stored bit");
    IOException e = assertThrows(IOException.class, () -> Files.readAllBytes(f));
    assertTrue(e.getMessage().contains("Input/output error"), e.toString());
    byte[] first = new byte[4096];
    try (var in = Files.newInputStream(f)) {
      assertEquals(4096, in.readNBytes(first, 0, 4096));
    }
    assertArrayEquals(java.util.Arrays.copyOf(DATA, 4096), first, "an intact block still reads");
  }

  @Test
  void latency_delaysDataRequests() throws IOException {
    Path f = Files.write(mount(false).mountPoint().resolve("f"), DATA);
    mount.faults().latency(Duration.ofMillis(100));
    long start = System.nanoTime();
    Files.readAllBytes(f);
    assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(100));
    mount.faults().clearAll();
  }

  @Test
  void listener_seesEveryRequestWithWorkerAndAllocation() throws IOException {
    List<String> seen = new CopyOnWriteArrayList<>();
    long[] allocated = new long[1];
    mount(false).listener(new RequestListener() {
      @Override
      public void started(Operation operation, long offset, long length, Thread worker) {}

      @Override
      public synchronized void finished(Operation operation, long offset, long length, Thread worker,
          long allocatedBytes, int result) {
        seen.add(operation + "@" + offset + "+" + length + " on " + worker.getName() + " -> " + result);
        allocated[0] += allocatedBytes;
      }
    });
    Path f = Files.write(mount.mountPoint().resolve("f"), DATA);
    Files.readAllBytes(f);
    assertTrue(seen.stream().anyMatch(s -> s.matches("WRITE@0\\+8192 on pagerlab-fuse-worker-\\d+ -> 8192")), seen.toString());
    assertTrue(seen.stream().anyMatch(s -> s.startsWith("READ@0+")), seen.toString());
    assertEquals(64 * 1024, allocated[0], "one 64 KiB chunk allocated for the data");
  }

  private static byte[] readQuietly(Path f) {
    try {
      return Files.readAllBytes(f);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] pattern(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 31 + (i >> 8));
    }
    return b;
  }
}
