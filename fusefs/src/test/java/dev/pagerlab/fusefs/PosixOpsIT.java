package dev.pagerlab.fusefs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The POSIX operations swap and users need, through a real mount on the in-memory backing. */
class PosixOpsIT {

  @TempDir
  Path tmp;
  FuseMount mount;
  Path root;

  @BeforeEach
  void mount() throws IOException {
    mount = FuseSupport.mount(MountOptions.defaults(FuseSupport.dir(tmp, "mnt")).withMemory(64L << 20));
    root = mount.mountPoint();
  }

  @AfterEach
  void unmount() {
    if (mount != null) {
      mount.close();
    }
  }

  @Test
  void create_swapFile_isMode0600() throws IOException {
    Path f = Files.createFile(root.resolve("swap0"));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
  }

  @Test
  void chmodAndChown_changeAttributes() throws IOException {
    Path f = Files.writeString(root.resolve("f"), "x");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
    Files.setAttribute(f, "unix:uid", 4242);
    Files.setAttribute(f, "unix:gid", 4343);
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
    assertEquals(4242, Files.getAttribute(f, "unix:uid"));
    assertEquals(4343, Files.getAttribute(f, "unix:gid"));
  }

  @Test
  void mkdirRenameReaddirRmdir_behaveLikePosix() throws IOException {
    Path d = Files.createDirectory(root.resolve("d"));
    Files.writeString(d.resolve("a"), "A");
    Files.writeString(d.resolve("b"), "B");
    Files.move(d.resolve("a"), d.resolve("c"));
    try (Stream<Path> s = Files.list(d)) {
      assertEquals(List.of("b", "c"), s.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertEquals("A", Files.readString(d.resolve("c")));
    Files.move(d.resolve("c"), d.resolve("b"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertEquals("A", Files.readString(d.resolve("b")));
    assertThrows(DirectoryNotEmptyException.class, () -> Files.delete(d));
    Files.delete(d.resolve("b"));
    Files.delete(d);
    assertFalse(Files.exists(d));
    assertThrows(NoSuchFileException.class, () -> Files.delete(root.resolve("nope")));
  }

  @Test
  void renameDirectory_keepsChildren() throws IOException {
    Path d = Files.createDirectories(root.resolve("x/y"));
    Files.writeString(d.resolve("f"), "deep");
    Files.move(root.resolve("x"), root.resolve("z"));
    assertEquals("deep", Files.readString(root.resolve("z/y/f")));
  }

  @Test
  void getattr_reportsSizeAndTimes() throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    Path f = Files.write(root.resolve("t"), "hello".getBytes(StandardCharsets.UTF_8));
    assertEquals(5, Files.size(f));
    FileTime mtime = Files.getLastModifiedTime(f);
    assertTrue(mtime.toInstant().isAfter(before), "mtime " + mtime);
    FileTime set = FileTime.from(1_600_000_000L, TimeUnit.SECONDS);
    Files.setLastModifiedTime(f, set);
    assertEquals(set, Files.getLastModifiedTime(f));
  }

  @Test
  void fallocate_preallocatesBlocksAndSize() throws Exception {
    FuseSupport.requireProgram("fallocate");
    Path f = root.resolve("swap1");
    Process p = new ProcessBuilder("fallocate", "-l", "1M", f.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    assertEquals(1 << 20, Files.size(f));
    assertTrue(((Number) Files.getAttribute(f, "unix:mode")).intValue() > 0);
    FileStore store = Files.getFileStore(root);
    assertTrue(store.getUnallocatedSpace() <= (64L << 20) - (1 << 20), "preallocation counts as used");
    assertArrayEquals(new byte[4096], readAt(f, 4096));
  }

  @Test
  void statfs_reportsCapacityAndUse() throws IOException {
    FileStore store = Files.getFileStore(root);
    assertEquals(64L << 20, store.getTotalSpace());
    long free = store.getUnallocatedSpace();
    Files.write(root.resolve("big"), new byte[4 << 20]);
    assertEquals(free - (4L << 20), Files.getFileStore(root).getUnallocatedSpace());
    Files.delete(root.resolve("big"));
    assertEquals(free, Files.getFileStore(root).getUnallocatedSpace());
  }

  @Test
  void truncate_shrinksAndZeroFillsOnGrowth() throws IOException {
    Path f = Files.write(root.resolve("tr"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    try (var raf = new java.io.RandomAccessFile(f.toFile(), "rw")) {
      raf.setLength(3);
      raf.setLength(6);
    }
    assertArrayEquals(new byte[] {1, 2, 3, 0, 0, 0}, Files.readAllBytes(f));
  }

  @Test
  void writeBeyondCapacity_failsWithNoSpace() {
    IOException e = assertThrows(IOException.class, () -> Files.write(root.resolve("huge"), new byte[80 << 20]));
    assertTrue(String.valueOf(e.getMessage()).contains("No space"), e.toString());
  }

  private static byte[] readAt(Path f, long offset) throws IOException {
    try (var ch = java.nio.channels.FileChannel.open(f)) {
      var buf = java.nio.ByteBuffer.allocate(4096);
      ch.read(buf, offset);
      return buf.array();
    }
  }
}
