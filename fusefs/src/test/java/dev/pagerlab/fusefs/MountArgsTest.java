package dev.pagerlab.fusefs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MountArgsTest {

  @Test
  void parse_defaults_memoryOneWorkerAutoUnmount() throws Exception {
    MountOptions o = MountArgs.parse(new String[] {"/mnt/x"});
    assertEquals(Path.of("/mnt/x"), o.mountPoint());
    assertNull(o.backingDir());
    assertEquals(1, o.threads());
    assertEquals(131072, o.maxWrite());
    assertTrue(o.autoUnmount());
    assertFalse(o.allowOther());
    assertFalse(o.writebackCache(), "write-through unless asked: a swap-out must reach the daemon");
  }

  @Test
  void parse_everyOption_setsIt() throws Exception {
    MountOptions o = MountArgs.parse(new String[] {"--backing", "/b", "d", "--threads", "4", "--checksum",
        "--allow-other", "--max-write", "65536", "--direct-io", "--memory-size", "2g", "-o", "ro,noatime",
        "--writeback-cache", "--spin", "20"});
    assertEquals(Path.of("/b"), o.backingDir());
    assertEquals(4, o.threads());
    assertTrue(o.checksums() && o.allowOther() && o.directIo() && o.writebackCache());
    assertEquals(65536, o.maxWrite());
    assertEquals(20, o.effectiveSpinMicros());
    assertEquals(2L << 30, o.memoryBytes());
    assertEquals(java.util.List.of("ro", "noatime"), o.extraOptions());
    assertTrue(o.optionString(FusePlatform.current()).contains("allow_other"));
  }

  @Test
  void maxWrite_upTo1MiBWithUnits() throws Exception {
    assertEquals(1 << 20, MountArgs.parse(new String[] {"d", "--max-write", "1m"}).maxWrite());
    assertEquals(256 * 1024, MountArgs.parse(new String[] {"d", "--max-write", "256k"}).maxWrite());
    assertTrue(MountArgs.parse(new String[] {"d", "--max-write", "1m"}).optionString(FusePlatform.current())
        .contains("max_read=1048576") || FusePlatform.current() instanceof FusePlatform.MacOs);
  }

  @Test
  void spin_auto_oneWorkerWithASecondCpuOnly() throws Exception {
    boolean twoCpus = Runtime.getRuntime().availableProcessors() > 1;
    assertEquals(twoCpus ? 50 : 0, MountArgs.parse(new String[] {"d"}).effectiveSpinMicros());
    assertEquals(0, MountArgs.parse(new String[] {"d", "--threads", "4"}).effectiveSpinMicros(),
        "with several workers the kernel wakes a sleeping one anyway");
    assertEquals(0, MountArgs.parse(new String[] {"d", "--spin", "0"}).effectiveSpinMicros());
    assertEquals(30, MountArgs.parse(new String[] {"d", "--threads", "4", "--spin", "30"}).effectiveSpinMicros());
  }

  @Test
  void parse_badArguments_oneLineMessages() {
    assertThrows(MountArgs.UsageException.class, () -> MountArgs.parse(new String[] {}));
    assertThrows(MountArgs.UsageException.class, () -> MountArgs.parse(new String[] {"d", "--threads", "0"}));
    assertThrows(MountArgs.UsageException.class, () -> MountArgs.parse(new String[] {"d", "--threads", "x"}));
    assertThrows(MountArgs.UsageException.class, () -> MountArgs.parse(new String[] {"d", "--max-write", "999999"}));
    assertThrows(MountArgs.UsageException.class, () -> MountArgs.parse(new String[] {"d", "--bogus"}));
    assertThrows(MountArgs.UsageException.class, () -> MountArgs.parse(new String[] {"d", "e"}));
    assertThrows(MountArgs.UsageException.class, () -> MountArgs.parse(new String[] {"d", "--backing"}));
    assertThrows(MountArgs.UsageException.class, () -> MountArgs.parse(new String[] {"d", "--max-write", "2m"}));
    assertThrows(MountArgs.UsageException.class, () -> MountArgs.parse(new String[] {"d", "--max-write", "5000"}));
    assertThrows(MountArgs.UsageException.class, () -> MountArgs.parse(new String[] {"d", "--spin", "-1"}));
    assertThrows(MountArgs.UsageException.class, () -> MountArgs.parse(new String[] {"d", "--spin", "20000"}));
  }

  @Test
  void mountCommand_badArguments_exit2WithoutStackTrace() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = MountCommand.run(new String[] {"--threads", "-3"}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err));
    String text = err.toString(StandardCharsets.UTF_8);
    assertEquals(2, status);
    assertEquals(1, text.lines().count(), text);
    assertFalse(text.contains("Exception"), text);
  }

  @Test
  void umountCommand_badArguments_exit2() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(2, UmountCommand.run(new String[] {}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err)));
    assertEquals(2, UmountCommand.run(new String[] {"a", "b"}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err)));
  }

  @Test
  void size_units_parsed() throws Exception {
    assertEquals(512L << 20, MountArgs.size("512m", "--memory-size"));
    assertEquals(4096, MountArgs.size("4k", "--memory-size"));
    assertEquals(123, MountArgs.size("123", "--memory-size"));
    assertThrows(MountArgs.UsageException.class, () -> MountArgs.size("lots", "--memory-size"));
  }
}
