package dev.pagerlab.fusefs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon runs in a child JVM that is killed with SIGKILL: no stale mount may be left behind. */
class DaemonKillIT {

  @TempDir
  Path tmp;
  Process child;

  @AfterEach
  void reap() throws InterruptedException {
    if (child != null) {
      child.destroyForcibly().waitFor();
    }
  }

  @Test
  void killDashNine_autoUnmountRemovesTheMount() throws Exception {
    Path dir = FuseSupport.dir(tmp, "mnt");
    child = startDaemon(dir);
    Files.writeString(dir.resolve("f"), "alive");
    child.destroyForcibly().waitFor();
    assertTrue(FuseSupport.eventually(() -> !FusePlatform.current().isMounted(dir), Duration.ofSeconds(10)),
        "auto_unmount clears the mount of a killed daemon");
    assertFalse(Files.exists(dir.resolve("f")));
  }

  @Test
  void killDashNine_withoutAutoUnmount_umountCommandClearsTheDeadMount() throws Exception {
    Path dir = FuseSupport.dir(tmp, "mnt");
    child = startDaemon(dir, "--no-auto-unmount");
    Files.writeString(dir.resolve("f"), "alive");
    child.destroyForcibly().waitFor();
    assertTrue(FusePlatform.current().isMounted(dir), "a dead mount stays without auto_unmount");
    assertThrows(IOException.class, () -> Files.readString(dir.resolve("f")), "its callers get ENOTCONN");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = UmountCommand.run(new String[] {dir.toString()}, new PrintStream(out), new PrintStream(err));
    assertEquals(0, status, err.toString());
    assertFalse(FusePlatform.current().isMounted(dir));
  }

  @Test
  void sigterm_unmountsCleanlyAndExitsZero() throws Exception {
    Path dir = FuseSupport.dir(tmp, "mnt");
    child = startDaemon(dir);
    child.destroy();
    assertTrue(child.waitFor(20, java.util.concurrent.TimeUnit.SECONDS));
    assertFalse(FusePlatform.current().isMounted(dir));
  }

  @Test
  void umountCommand_endsTheForegroundDaemon() throws Exception {
    Path dir = FuseSupport.dir(tmp, "mnt");
    child = startDaemon(dir);
    int status = UmountCommand.run(new String[] {dir.toString()}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(new ByteArrayOutputStream()));
    assertEquals(0, status);
    assertTrue(child.waitFor(20, java.util.concurrent.TimeUnit.SECONDS));
    assertEquals(0, child.exitValue());
  }

  /** The daemon prints "mounted DIR" once its mount answers (not merely once it is in the mount table). */
  private static boolean answered(Path log) {
    try {
      return Files.readString(log).lines().anyMatch(l -> l.startsWith("mounted "));
    } catch (IOException e) {
      return false;
    }
  }

  private static Process startDaemon(Path dir, String... extra) throws Exception {
    String missing = FusePlatform.current().missingPrerequisite();
    if (missing != null) {
      FuseSupport.mount(MountOptions.defaults(dir));
    }
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), MountCommand.class.getName(), dir.toString()));
    cmd.addAll(List.of(extra));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(dir.resolveSibling("daemon.log").toFile()).start();
    Path log = dir.resolveSibling("daemon.log");
    if (!FuseSupport.eventually(() -> answered(log) || !p.isAlive(), Duration.ofSeconds(30)) || !p.isAlive()) {
      throw new AssertionError("child daemon did not mount: " + Files.readString(dir.resolveSibling("daemon.log")));
    }
    return p;
  }
}
