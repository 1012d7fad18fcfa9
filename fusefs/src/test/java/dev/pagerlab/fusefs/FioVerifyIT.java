package dev.pagerlab.fusefs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** fio writes with per-block checksums and reads everything back in verify mode, over the mount. */
class FioVerifyIT {

  @TempDir
  Path tmp;

  @ParameterizedTest(name = "{0} worker(s)")
  @ValueSource(ints = {1, 4})
  void fioVerify_randomWritesReadBackIntact(int threads) throws Exception {
    FuseSupport.requireProgram("fio");
    try (FuseMount m = FuseSupport.mount(MountOptions.defaults(FuseSupport.dir(tmp, "mnt")).withThreads(threads)
        .withChecksums(true))) {
      List<String> cmd = List.of("fio", "--name=verify", "--directory=" + m.mountPoint(), "--rw=randwrite",
          "--bsrange=4k-128k", "--size=32m", "--numjobs=2", "--ioengine=psync", "--fallocate=none",
          "--verify=crc32c", "--verify_fatal=1", "--do_verify=1", "--randseed=42");
      // fio writes its verify state files into its working directory: keep them in the temp dir.
      Process p = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(true, p.waitFor(120, TimeUnit.SECONDS), "fio finished");
      assertEquals(0, p.exitValue(), out);
      assertFalse(out.contains("verify: bad"), out);
    }
  }
}
