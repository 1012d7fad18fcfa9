package dev.pagerlab.fusefs;

import java.util.ArrayList;
import java.util.List;

/**
 * A diagnostic mount that serves requests the way jnr-fuse does by default: fuse_main_real and
 * libfuse's own loop (multithreaded unless one thread is asked for), so every request arrives on
 * a native thread that calls into the JVM. Used by bench/fuse/run.sh to show why that mode is
 * slow; {@link FuseMount} is the real thing.
 */
final class LibfuseLoop {

  private LibfuseLoop() {}

  /** Mounts the in-memory filesystem with libfuse's loop and blocks until it is unmounted. */
  static void run(MountOptions o) {
    SwapFs fs = new SwapFs(new MemoryBacking(o.memoryBytes(), 0, 0), new FaultPlan(), o.checksums(), () -> {});
    List<String> args = new ArrayList<>();
    if (o.threads() == 1) {
      args.add("-s");
    }
    args.add("-o");
    args.add(o.optionString(FusePlatform.current()));
    fs.mount(o.mountPoint(), true, false, args.toArray(String[]::new));
  }
}
