package dev.pagerlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** simulate --live swaps through a real FUSE mount: every page read back is the page last written. */
class LiveSimulateIT {
  static final String SCENARIO = """
      name: live-swap
      description: an app whose pages go out to a swap file on FUSE and come back when it touches them again
      memory: { frames: 14, reserved: 1, target: 4 }
      swap:
        files: [ { name: swap0, slots: 32, preallocated: true } ]
        stack: [fuse0]
      layers:
        - { id: fuse0, kind: fuse, daemon: fused, below: disk0 }
        - { id: disk0, kind: block }
      processes:
        - name: fused
          pages: 2
          threads: 2
          wired: true
          ioFlusher: true
          onRequest: [ { touch: 1 }, { alloc: 1 } ]
        - name: app
          pages: 6
          workload: [ { alloc: 10 }, { touch: 6 }, { alloc: 2 }, { touch: 6 } ]
      expect: safe
      """;

  @TempDir
  Path tmp;

  static void requireFuse() {
    boolean ok = Files.exists(Path.of("/dev/fuse")) && (Files.isExecutable(Path.of("/bin/fusermount"))
        || Files.isExecutable(Path.of("/usr/bin/fusermount")));
    if (!ok && "true".equals(System.getenv("CI"))) {
      fail("FUSE is not available (/dev/fuse and fusermount); CI=true requires it: run scripts/setup");
    }
    Assumptions.assumeTrue(ok, "FUSE is not available here (/dev/fuse and fusermount); run scripts/setup");
  }

  @Test
  void simulateLive_pagesGoThroughTheFuseDaemonAndComeBackIntact() throws Exception {
    requireFuse();
    Path f = tmp.resolve("live.yaml");
    Files.writeString(f, SCENARIO);
    Path mnt = tmp.resolve("mnt");
    CheckCommandTest.Run r = CheckCommandTest.run("simulate", f.toString(), "--quiet", "--seed", "2", "--live",
        mnt.toString());
    assertEquals(0, r.status(), r.out() + r.err());
    Matcher m = Pattern.compile("live: (\\d+) page writes and (\\d+) page reads .*; (\\d+) read\\(s\\) did not return")
        .matcher(r.out());
    assertTrue(m.find(), r.out());
    assertTrue(Integer.parseInt(m.group(1)) > 0, "pages were written through the mount: " + r.out());
    assertTrue(Integer.parseInt(m.group(2)) > 0, "pages were read back through the mount: " + r.out());
    assertEquals(0, Integer.parseInt(m.group(3)), r.out());
    assertTrue(Files.readString(Path.of("/proc/self/mountinfo")).lines().noneMatch(l -> l.contains(mnt.toString())),
        "the mount is gone after the run");
  }
}
