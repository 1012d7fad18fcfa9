package dev.pagerlab.fusefs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An fsx-style exerciser: seeded random writes, reads, truncates, fsyncs and reopens of one file
 * through the mount, every read compared with a model of the expected bytes. Set
 * -Dfsx.seed=N to replay a failure; the seed is in every assertion message.
 */
class FsxIT {

  private static final int OPS = 2500;
  private static final int MAX_SIZE = 1 << 20;
  private static final int MAX_IO = 256 * 1024;

  @TempDir
  Path tmp;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"memory", "memory+checksum", "memory+direct_io", "passthrough", "memory+libfuse-data",
      "memory+writeback-cache", "passthrough+writeback-cache", "memory+max-write-1m",
      "passthrough+writeback-cache+max-write-1m"})
  void randomOps_matchExpectedBytes(String config) throws Exception {
    long seed = Long.getLong("fsx.seed", System.nanoTime());
    System.out.println("FsxIT " + config + " seed=" + seed);
    MountOptions o = MountOptions.defaults(FuseSupport.dir(tmp, "mnt")).withThreads(2)
        .withChecksums(config.contains("checksum")).withDirectIo(config.contains("direct_io"))
        .withWritebackCache(config.contains("writeback-cache"));
    if (config.contains("max-write-1m")) {
      o = o.withMaxWrite(1 << 20);
    }
    Path backing = FuseSupport.dir(tmp, "backing");
    if (config.startsWith("passthrough")) {
      o = o.withBacking(backing);
    }
    // "libfuse-data": READ and WRITE go through libfuse's callbacks, not the workers' fast path
    FuseMount mounted;
    if (config.contains("libfuse-data")) {
      System.setProperty("pagerlab.fuse.fastpath", "false");
      try {
        mounted = FuseSupport.mount(o);
      } finally {
        System.clearProperty("pagerlab.fuse.fastpath");
      }
    } else {
      mounted = FuseSupport.mount(o);
    }
    String ctx = "seed=" + seed + " " + config;
    byte[] model;
    try (FuseMount m = mounted) {
      model = run(m.mountPoint().resolve("swapfile"), new SplittableRandom(seed), ctx);
    }
    if (config.startsWith("passthrough")) {
      // what the daemon stored, not what the kernel's cache shows: every byte reached it on close
      assertArrayEquals(model, Files.readAllBytes(backing.resolve("swapfile")), ctx + " backing file after unmount");
    }
  }

  /** Runs the random operations on {@code file}; returns the expected contents. */
  private static byte[] run(Path file, SplittableRandom rnd, String ctx) throws IOException {
    byte[] model = new byte[0];
    FileChannel ch = open(file);
    try {
      for (int op = 0; op < OPS; op++) {
        String at = ctx + " op=" + op;
        int kind = rnd.nextInt(100);
        if (kind < 40) {
          model = write(ch, model, rnd, at);
        } else if (kind < 80) {
          read(ch, model, rnd, at);
        } else if (kind < 90) {
          int size = rnd.nextInt(MAX_SIZE);
          try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
          }
          model = Arrays.copyOf(model, size);
        } else if (kind < 95) {
          ch.force(rnd.nextBoolean());
        } else {
          ch.close();
          ch = open(file);
          assertEquals(model.length, Files.size(file), at + " size after reopen");
        }
        assertEquals(model.length, ch.size(), at + " size");
      }
      verifyAll(ch, model, ctx);
    } finally {
      ch.close();
    }
    return model;
  }

  private static FileChannel open(Path file) throws IOException {
    return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }

  private static byte[] write(FileChannel ch, byte[] model, SplittableRandom rnd, String at) throws IOException {
    int off = rnd.nextInt(MAX_SIZE);
    int len = 1 + rnd.nextInt(Math.min(MAX_IO, MAX_SIZE - off + 1));
    byte[] data = new byte[len];
    rnd.nextBytes(data);
    ByteBuffer buf = ByteBuffer.wrap(data);
    long pos = off;
    while (buf.hasRemaining()) {
      pos += ch.write(buf, pos);
    }
    byte[] grown = model.length < off + len ? Arrays.copyOf(model, off + len) : model;
    System.arraycopy(data, 0, grown, off, len);
    return grown;
  }

  private static void read(FileChannel ch, byte[] model, SplittableRandom rnd, String at) throws IOException {
    int off = rnd.nextInt(MAX_SIZE);
    int len = 1 + rnd.nextInt(MAX_IO);
    ByteBuffer buf = ByteBuffer.allocate(len);
    long pos = off;
    while (buf.hasRemaining()) {
      int n = ch.read(buf, pos);
      if (n < 0) {
        break;
      }
      pos += n;
    }
    int expected = Math.max(0, Math.min(len, model.length - off));
    assertEquals(expected, buf.position(), at + " read length at " + off);
    byte[] got = Arrays.copyOf(buf.array(), expected);
    byte[] want = expected == 0 ? new byte[0] : Arrays.copyOfRange(model, off, off + expected);
    assertArrayEquals(want, got, at + " read bytes at " + off + "+" + len);
  }

  private static void verifyAll(FileChannel ch, byte[] model, String ctx) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(model.length);
    long pos = 0;
    while (buf.hasRemaining() && ch.read(buf, pos) > 0) {
      pos = buf.position();
    }
    assertArrayEquals(model, buf.array(), ctx + " final contents");
  }
}
