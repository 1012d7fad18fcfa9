package dev.pagerlab.fusefs;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Assumptions;

/** Helpers for tests that mount for real: under CI=true a missing FUSE fails the test, elsewhere it skips it. */
final class FuseSupport {

  private FuseSupport() {}

  /** Whether this run must not skip FUSE tests. */
  static boolean strict() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** Mounts {@code options}, failing (CI) or skipping (elsewhere) if FUSE cannot be set up here. */
  static FuseMount mount(MountOptions options) {
    String missing = FusePlatform.current().missingPrerequisite();
    if (missing != null) {
      unavailable("FUSE is not available: " + missing);
    }
    try {
      return FuseMount.mount(options);
    } catch (MountException e) {
      unavailable("cannot mount " + options.mountPoint() + ": " + e.getMessage());
      throw new AssertionError("unreachable");
    }
  }

  /** Requires {@code program} on PATH, failing (CI) or skipping (elsewhere) without it. */
  static void requireProgram(String program) {
    if (FusePlatform.which(program) == null) {
      unavailable(program + " is not installed (scripts/setup installs it)");
    }
  }

  /** A fresh empty mount point under {@code parent}. */
  static Path dir(Path parent, String name) throws IOException {
    return Files.createDirectories(parent.resolve(name));
  }

  /** Polls {@code condition} until true or {@code timeout}; returns its last value. */
  static boolean eventually(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(20);
    }
    return condition.getAsBoolean();
  }

  /** What a test does as each request starts. */
  @FunctionalInterface
  interface Started {
    void started(Operation operation, long offset, long length, Thread worker);
  }

  /** A listener that passes each request's start to {@code onStart} and ignores finishes. */
  static RequestListener onStart(Started onStart) {
    return new RequestListener() {
      @Override
      public void started(Operation operation, long offset, long length, Thread worker) {
        onStart.started(operation, offset, length, worker);
      }

      @Override
      public void finished(Operation operation, long offset, long length, Thread worker, long allocatedBytes,
          int result) {}
    };
  }

  private static void unavailable(String reason) {
    if (strict()) {
      fail("CI=true and " + reason);
    }
    Assumptions.abort(reason);
  }
}
