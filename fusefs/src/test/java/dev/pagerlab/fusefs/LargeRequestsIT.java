package dev.pagerlab.fusefs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests over libfuse 2's 128 KiB, negotiated with FUSE_MAX_PAGES: with {@code --max-write 1m}
 * a 1 MiB write or read (direct_io, so the application's size is the request's) is one request.
 */
class LargeRequestsIT {

  private static final int MIB = 1 << 20;

  @TempDir
  Path tmp;
  FuseMount mount;
  final AtomicLong largestWrite = new AtomicLong();
  final AtomicLong largestRead = new AtomicLong();

  private FuseMount mount(int maxWrite) throws IOException {
    mount = FuseSupport.mount(MountOptions.defaults(FuseSupport.dir(tmp, "mnt")).withThreads(2).withDirectIo(true)
        .withMaxWrite(maxWrite));
    mount.listener(FuseSupport.onStart((operation, offset, length, worker) -> {
      if (operation == Operation.WRITE) {
        largestWrite.accumulateAndGet(length, Math::max);
      } else if (operation == Operation.READ) {
        largestRead.accumulateAndGet(length, Math::max);
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
  void maxWrite1MiB_oneRequestPerMiB() throws IOException {
    assertEquals(MIB, roundTrip(mount(MIB)), "largest read");
    assertEquals(MIB, largestWrite.get(), "largest write");
  }

  @Test
  void defaultMaxWrite_requestsStopAt128KiB() throws IOException {
    assertEquals(MountOptions.MAX_WRITE, roundTrip(mount(MountOptions.MAX_WRITE)), "largest read");
    assertEquals(MountOptions.MAX_WRITE, largestWrite.get(), "largest write");
  }

  @Test
  void workerBuffers_growWithTheLargestRequest() throws IOException {
    long perWorker = mount(MIB).workerBufferBytes() / mount.threads();
    assertEquals(0, perWorker % (MIB + 4096), "request (and reply) buffers of 1 MiB + 4 KiB: " + perWorker);
  }

  /** Writes and reads back 3 MiB in 1 MiB calls; returns the largest READ the daemon saw. */
  private long roundTrip(FuseMount m) throws IOException {
    byte[] data = new byte[3 * MIB];
    new SplittableRandom(7).nextBytes(data);
    Path f = m.mountPoint().resolve("swapfile");
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      // page-aligned, so that a 1 MiB call spans 256 pages, not 257 (the kernel counts pages)
      ByteBuffer b = ByteBuffer.allocateDirect(MIB + 4096).alignedSlice(4096).limit(MIB);
      for (int off = 0; off < data.length; off += MIB) {
        b.clear().put(data, off, MIB).flip();
        while (b.hasRemaining()) {
          ch.write(b, off + b.position());
        }
      }
      byte[] back = new byte[data.length];
      for (int off = 0; off < data.length; off += MIB) {
        b.clear().limit(MIB);
        while (b.hasRemaining() && ch.read(b, off + b.position()) > 0) {
          // read the whole MiB
        }
        b.flip().get(back, off, MIB);
      }
      assertArrayEquals(data, back);
    }
    return largestRead.get();
  }
}
