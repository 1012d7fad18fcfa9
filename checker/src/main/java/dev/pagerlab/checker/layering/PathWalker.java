package dev.pagerlab.checker.layering;

import dev.pagerlab.vmcore.spec.KextSpec;
import dev.pagerlab.vmcore.spec.LayerKind;
import dev.pagerlab.vmcore.spec.LayerSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a request down the layers in the context that runs each part: kernel work (a
 * filesystem, a kext's onIo) in the issuer's context, everything below a userland server in
 * the server's. One node per layer, context and (only where a filesystem below allocates)
 * write variant.
 */
final class PathWalker {
  private static final Logger LOG = LoggerFactory.getLogger(PathWalker.class);
  private final GraphBuilder builder;
  private final Set<String> servedBelow = new HashSet<>();

  PathWalker(GraphBuilder builder) {
    this.builder = builder;
  }

  /** The node of layer {@code id} run in context {@code c}, for a write into a not-preallocated file or not. */
  Optional<Node> layer(String id, Context c, boolean write) {
    Optional<LayerSpec> spec = builder.scenario().layer(id);
    if (spec.isEmpty()) {
      LOG.debug("{}: layer {} is not defined; the path stops there", builder.scenario().name(), id);
      return Optional.empty();
    }
    boolean allocWrite = write && allocatesAtOrBelow(id);
    String key = "layer:" + id + "@" + c.key() + (allocWrite ? "#alloc" : "");
    String label = "layer:" + id + (c.isPageout() ? "" : "@" + c.label()) + (allocWrite ? "[alloc-write]" : "");
    return Optional.of(builder.node(key, label, Optional.of(c), n -> expandLayer(n, spec.get(), c, allocWrite)));
  }

  /**
   * Whether a write into a not-preallocated file through this layer allocates anywhere below:
   * only then does a layer node need a separate variant for such writes.
   */
  private boolean allocatesAtOrBelow(String id) {
    Set<String> seen = new HashSet<>();
    for (Optional<LayerSpec> l = builder.scenario().layer(id); l.isPresent() && seen.add(l.get().id());
        l = belowOf(l.get()).flatMap(builder.scenario()::layer)) {
      if (l.get().kind() == LayerKind.FILESYSTEM && l.get().allocPerWrite() > 0) {
        return true;
      }
    }
    return false;
  }

  private void expandLayer(Node n, LayerSpec l, Context c, boolean allocWrite) {
    Optional<KextSpec> kext = l.kext().flatMap(builder.scenario()::extension);
    kext.ifPresent(k -> builder.steps().run(c, n, k.onIo(), k.name() + "'s onIo", kext));
    switch (l.kind()) {
      case BLOCK -> { }
      case FILESYSTEM -> {
        if (allocWrite && l.allocPerWrite() > 0) {
          builder.steps().allocate(c, List.of(n), l.allocPerWrite(), l.id() + " allocates " + StepRunner.pages(l.allocPerWrite())
              + " per write into a not-preallocated file " + c.inContext());
        }
        below(n, l, c, allocWrite);
      }
      case FUSE, DISKIMAGE -> serveOrBelow(n, l, c, allocWrite);
      case NETWORK -> {
        serveOrBelow(n, l, c, allocWrite);
        receive(n, l, c);
      }
    }
  }

  /**
   * The layer under this one: its {@code below}, or else the next layer of the swap stack
   * (the stack lists the path top to bottom; the last one's {@code below} continues it).
   */
  private Optional<String> belowOf(LayerSpec l) {
    if (l.below().isPresent()) {
      return l.below();
    }
    List<String> stack = builder.scenario().swap().stack();
    int at = stack.indexOf(l.id());
    return at >= 0 && at + 1 < stack.size() ? Optional.of(stack.get(at + 1)) : Optional.empty();
  }

  private void below(Node from, LayerSpec l, Context c, boolean allocWrite) {
    belowOf(l).ifPresent(b -> builder.enter(from, b, c, allocWrite, l.id() + " passes the request below to " + b + " " + c.inContext()));
  }

  private void serveOrBelow(Node n, LayerSpec l, Context c, boolean allocWrite) {
    Optional<Node> served = l.server().flatMap(builder::workers);
    if (served.isEmpty()) {
      below(n, l, c, allocWrite);
      return;
    }
    Node w = served.get();
    String timeout = l.timeout() ? " (timeout: a waiting request may give up)" : "";
    builder.graph().edge(n, w, EdgeKind.WAIT, l.id() + " queues requests to " + l.server().get() + "'s threads (" + GraphBuilder.threads(w) + ")" + timeout);
    Context pc = w.owner().orElseThrow();
    if (servedBelow.add(pc.key() + "|" + l.id() + "|" + allocWrite)) {
      belowOf(l).ifPresent(b -> builder.enter(w, b, pc, allocWrite,
          pc.label() + "'s threads pass requests for " + l.id() + " below to " + b + " " + pc.inContext()));
      if (l.kind() == LayerKind.NETWORK) {
        receive(w, l, pc);
      }
    }
  }

  private void receive(Node from, LayerSpec l, Context issuer) {
    if (l.allocPerRequest() <= 0) {
      return;
    }
    Context rx = Context.receive(l);
    Node node = builder.node(rx.key(), rx.key(), Optional.of(rx), n -> builder.steps().allocate(rx, List.of(n), l.allocPerRequest(),
        l.id() + "'s receive path allocates " + StepRunner.pages(l.allocPerRequest()) + " per request in its own context ("
            + rx.allocClass() + (l.memalloc() ? ", memalloc" : "") + ")"));
    builder.demand().issueThrough(rx, issuer);
    builder.graph().edge(from, node, EdgeKind.WAIT, "a request through " + l.id() + " completes only after its receive path ran");
  }
}
