package dev.pagerlab.fusefs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kernel's writeback cache, negotiated by amending libfuse 2's INIT reply: writes land in
 * the page cache and reach the daemon only on writeback (fsync, close, memory pressure), so a
 * write error surfaces at fsync, and the kernel reads pages through handles opened write-only.
 */
class WritebackCacheIT {

  private static final int PAGE = 4096;

  @TempDir
  Path tmp;
  FuseMount mount;
  final AtomicInteger writes = new AtomicInteger();

  private FuseMount mount(boolean writeback) throws IOException {
    mount = FuseSupport.mount(MountOptions.defaults(FuseSupport.dir(tmp, "mnt")).withThreads(2)
        .withWritebackCache(writeback));
    mount.listener(FuseSupport.onStart((operation, offset, length, worker) -> {
      if (operation == Operation.WRITE) {
        writes.incrementAndGet();
      }
    }));
    return mount;
  }

  @AfterEach
  void unmount() {
    if (mount != null) {
      mount.close();
    }
  }

  @Test
  void writeback_writesReachTheDaemonOnlyOnFsync() throws IOException {
    Path f = mount(true).mountPoint().resolve("swapfile");
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      for (int i = 0; i < 4; i++) {
        ch.write(ByteBuffer.wrap(pattern(PAGE, i)), (long) i * PAGE);
      }
      assertEquals(0, writes.get(), "cached writes are not sent until writeback");
      ch.force(false);
      assertTrue(writes.get() >= 1, "fsync writes the cached pages back");
    }
    byte[] expected = new byte[4 * PAGE];
    for (int i = 0; i < 4; i++) {
      System.arraycopy(pattern(PAGE, i), 0, expected, i * PAGE, PAGE);
    }
    assertArrayEquals(expected, Files.readAllBytes(f));
  }

  @Test
  void writeThrough_everyWriteReachesTheDaemonAtOnce() throws IOException {
    Path f = mount(false).mountPoint().resolve("swapfile");
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(pattern(PAGE, 1)), 0);
      assertEquals(1, writes.get(), "without the writeback cache a write is a request");
    }
  }

  @Test
  void writeback_eioOnWriteSurfacesAtFsync() throws IOException {
    Path f = mount(true).mountPoint().resolve("swapfile");
    mount.faults().inject(FaultKind.EIO_WRITE, FaultPlan.FOREVER);
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      assertEquals(PAGE, ch.write(ByteBuffer.wrap(pattern(PAGE, 2)), 0), "the write itself only fills the cache");
      IOException e = assertThrows(IOException.class, () -> ch.force(false));
      assertTrue(e.getMessage().contains("Input/output error"), e.toString());
    }
    mount.faults().clear(FaultKind.EIO_WRITE);
    Files.write(f, pattern(PAGE, 3));
    assertArrayEquals(pattern(PAGE, 3), Files.readAllBytes(f));
  }

  @Test
  void writeback_partialPageThroughWriteOnlyHandle_keepsTheRestOfThePage() throws IOException {
    Path backing = FuseSupport.dir(tmp, "backing");
    MountOptions o = MountOptions.defaults(FuseSupport.dir(tmp, "mnt")).withThreads(2).withWritebackCache(true)
        .withBacking(backing);
    mount = FuseSupport.mount(o);
    Files.write(mount.mountPoint().resolve("swapfile"), pattern(2 * PAGE, 4));
    mount.close();
    // a fresh mount: the page is not cached, so the kernel must read it to patch 35 bytes of it
    mount = FuseSupport.mount(o);
    byte[] patch = "written through a write-only handle".getBytes(StandardCharsets.US_ASCII);
    try (FileChannel ch = FileChannel.open(mount.mountPoint().resolve("swapfile"), StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(patch), 100);
    }
    mount.close();
    mount = null;
    byte[] expected = pattern(2 * PAGE, 4);
    System.arraycopy(patch, 0, expected, 100, patch.length);
    assertArrayEquals(expected, Files.readAllBytes(backing.resolve("swapfile")),
        "the kernel read the page it patched and wrote all of it back");
  }

  private static byte[] pattern(int n, int seed) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (i * 31 + seed * 7 + (i >> 12));
    }
    return b;
  }
}
