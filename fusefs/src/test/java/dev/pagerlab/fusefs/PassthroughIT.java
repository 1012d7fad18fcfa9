package dev.pagerlab.fusefs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The passthrough backing: data survives a remount, totals are the backing filesystem's, and nothing escapes the backing dir. */
class PassthroughIT {

  @TempDir
  Path tmp;

  @Test
  void remount_dataSurvives() throws IOException {
    Path backing = FuseSupport.dir(tmp, "backing");
    byte[] data = new byte[300_000];
    new java.util.SplittableRandom(7).nextBytes(data);
    MountOptions o = MountOptions.defaults(FuseSupport.dir(tmp, "mnt")).withBacking(backing);
    try (FuseMount m = FuseSupport.mount(o)) {
      Files.createDirectory(m.mountPoint().resolve("d"));
      Files.write(m.mountPoint().resolve("d/swap0"), data);
    }
    assertArrayEquals(data, Files.readAllBytes(backing.resolve("d/swap0")), "the bytes are in the backing dir");
    try (FuseMount m = FuseSupport.mount(o)) {
      assertArrayEquals(data, Files.readAllBytes(m.mountPoint().resolve("d/swap0")));
      assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
          Files.getPosixFilePermissions(m.mountPoint().resolve("d/swap0"))));
    }
  }

  @Test
  void statfs_reportsTheBackingFilesystem() throws IOException {
    Path backing = FuseSupport.dir(tmp, "backing");
    try (FuseMount m = FuseSupport.mount(MountOptions.defaults(FuseSupport.dir(tmp, "mnt")).withBacking(backing))) {
      FileStore mine = Files.getFileStore(m.mountPoint());
      FileStore theirs = Files.getFileStore(backing);
      assertEquals(theirs.getTotalSpace(), mine.getTotalSpace());
    }
  }

  @Test
  void plantedSymlink_isNotFollowedOutOfTheBackingDir() throws IOException {
    Path backing = FuseSupport.dir(tmp, "backing");
    Path outside = Files.writeString(tmp.resolve("secret"), "outside");
    Files.createSymbolicLink(backing.resolve("link"), outside);
    Files.createSymbolicLink(backing.resolve("dirlink"), tmp);
    try (FuseMount m = FuseSupport.mount(MountOptions.defaults(FuseSupport.dir(tmp, "mnt")).withBacking(backing))) {
      assertThrows(IOException.class, () -> Files.readString(m.mountPoint().resolve("link")));
      assertThrows(IOException.class, () -> Files.writeString(m.mountPoint().resolve("link"), "pwned"));
      assertThrows(IOException.class, () -> Files.readString(m.mountPoint().resolve("dirlink/secret")));
      assertThrows(IOException.class, () -> Files.writeString(m.mountPoint().resolve("dirlink/new"), "x"));
    }
    assertEquals("outside", Files.readString(outside));
    assertFalse(Files.exists(tmp.resolve("new")));
  }

  @Test
  void fallocateAndTruncate_reachTheBackingFile() throws Exception {
    FuseSupport.requireProgram("fallocate");
    Path backing = FuseSupport.dir(tmp, "backing");
    try (FuseMount m = FuseSupport.mount(MountOptions.defaults(FuseSupport.dir(tmp, "mnt")).withBacking(backing))) {
      Path f = m.mountPoint().resolve("swap");
      Process p = new ProcessBuilder("fallocate", "-l", "2M", f.toString()).redirectErrorStream(true).start();
      assertEquals(0, p.waitFor(), new String(p.getInputStream().readAllBytes()));
      assertEquals(2 << 20, Files.size(backing.resolve("swap")));
      try (var raf = new java.io.RandomAccessFile(f.toFile(), "rw")) {
        raf.setLength(4096);
      }
      assertEquals(4096, Files.size(backing.resolve("swap")));
      assertTrue(Files.isRegularFile(f));
    }
  }
}
