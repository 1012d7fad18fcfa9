package dev.pagerlab.fusefs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several writers at once, on their own files and on disjoint regions of one shared file, served by four workers. */
class ConcurrentWritersIT {

  private static final int WRITERS = 4;
  private static final int BLOCKS = 64;
  private static final int BLOCK = 32 * 1024;

  @TempDir
  Path tmp;

  @Test
  void fourWriters_ownFilesAndSharedFile_allBytesLand() throws Exception {
    long seed = System.nanoTime();
    System.out.println("ConcurrentWritersIT seed=" + seed);
    Set<String> workers = ConcurrentHashMap.newKeySet();
    try (FuseMount m = FuseSupport.mount(MountOptions.defaults(FuseSupport.dir(tmp, "mnt")).withThreads(4))) {
      m.listener(FuseSupport.onStart((op, offset, length, worker) -> workers.add(worker.getName())));
      Path shared = m.mountPoint().resolve("shared");
      byte[][] data = new byte[WRITERS][];
      ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
      try {
        List<Future<?>> jobs = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
          int id = w;
          data[w] = new byte[BLOCKS * BLOCK];
          new SplittableRandom(seed + w).nextBytes(data[w]);
          jobs.add(pool.submit(() -> {
            write(m.mountPoint().resolve("own" + id), data[id], 0);
            write(shared, data[id], (long) id * data[id].length);
            return null;
          }));
        }
        for (Future<?> j : jobs) {
          j.get();
        }
      } finally {
        pool.shutdown();
      }
      byte[] all = Files.readAllBytes(shared);
      for (int w = 0; w < WRITERS; w++) {
        assertArrayEquals(data[w], Files.readAllBytes(m.mountPoint().resolve("own" + w)), "seed=" + seed + " own" + w);
        byte[] region = java.util.Arrays.copyOfRange(all, w * data[w].length, (w + 1) * data[w].length);
        assertArrayEquals(data[w], region, "seed=" + seed + " shared region " + w);
      }
      assertTrue(workers.size() > 1, "requests spread over workers: " + workers);
    }
  }

  private static void write(Path f, byte[] data, long base) throws Exception {
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      for (int b = 0; b < BLOCKS; b++) {
        ByteBuffer buf = ByteBuffer.wrap(data, b * BLOCK, BLOCK);
        long pos = base + (long) b * BLOCK;
        while (buf.hasRemaining()) {
          pos += ch.write(buf, pos);
        }
      }
    }
  }
}
