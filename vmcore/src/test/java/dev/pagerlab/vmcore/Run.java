package dev.pagerlab.vmcore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Drives a model through one schedule chosen by a test: each move is picked by label text or by
 * thread, and the model invariants are re-checked after every transition.
 */
final class Run {
  final VmModel model;
  VmState state;
  final List<String> labels = new ArrayList<>();

  Run(VmModel model) {
    this.model = model;
    this.state = model.initial();
    model.checkInvariants(state);
  }

  static Run of(Scenarios scenario) {
    return new Run(scenario.model());
  }

  /** Takes the one enabled transition whose label contains {@code text}; returns its label. */
  String step(String text) {
    return take(t -> model.label(state, t).contains(text), "label containing '" + text + "'");
  }

  /** Takes the RUN transition of the named thread; returns its label. */
  String run(String thread) {
    int t = thread(thread);
    return take(tr -> tr.thread() == t && tr.kind() == VmTransition.RUN, "RUN of " + thread);
  }

  /** Runs the named thread until it has no RUN transition; returns the labels taken. */
  List<String> runAll(String thread) {
    int t = thread(thread);
    List<String> out = new ArrayList<>();
    while (find(tr -> tr.thread() == t && tr.kind() == VmTransition.RUN).isPresent()) {
      out.add(run(thread));
      if (out.size() > 200) {
        fail(thread + " never stops: " + out.subList(0, 12));
      }
    }
    return out;
  }

  /** The pageout thread picks the named page as its victim; returns the label. */
  String evict(String page) {
    int p = page(page);
    return take(tr -> tr.kind() == VmTransition.EVICT && tr.arg() == p, "eviction of " + page);
  }

  /** Takes a transition of a kind (EIO, TIMEOUT) offered to the named thread; returns its label. */
  String option(String thread, int kind) {
    int t = thread(thread);
    return take(tr -> tr.thread() == t && tr.kind() == kind, "option " + kind + " of " + thread);
  }

  private String take(Predicate<VmTransition> which, String what) {
    List<VmTransition> enabled = model.enabled(state);
    List<VmTransition> hits = enabled.stream().filter(which).toList();
    if (hits.size() != 1) {
      fail("expected exactly one " + what + " but found " + hits.size() + " among " + labels(enabled)
          + "\nthreads: " + model.describe(state) + "\nso far: " + labels);
    }
    VmTransition t = hits.get(0);
    String label = model.label(state, t);
    VmState next = model.apply(state, t);
    model.checkInvariants(next);
    assertEquals(next, model.apply(state, t), "applying " + label + " twice gives different states");
    state = next;
    labels.add(label);
    return label;
  }

  Optional<VmTransition> find(Predicate<VmTransition> which) {
    return model.enabled(state).stream().filter(which).findFirst();
  }

  /** Labels of every enabled transition. */
  List<String> enabledLabels() {
    return labels(model.enabled(state));
  }

  private List<String> labels(List<VmTransition> enabled) {
    return enabled.stream().map(t -> model.label(state, t)).toList();
  }

  /** Whether the named thread has any enabled transition. */
  boolean canMove(String thread) {
    int t = thread(thread);
    return find(tr -> tr.thread() == t).isPresent();
  }

  /** Whether the named thread has a RUN transition. */
  boolean hasRun(String thread) {
    int t = thread(thread);
    return find(tr -> tr.thread() == t && tr.kind() == VmTransition.RUN).isPresent();
  }

  /** Pages the pageout thread is offered as victims, by name. */
  List<String> victims() {
    return model.enabled(state).stream().filter(t -> t.kind() == VmTransition.EVICT)
        .map(t -> model.pageName(t.arg())).toList();
  }

  PageStatus status(String page) {
    return model.pageStatus(state, page(page));
  }

  StateSummary summary() {
    return model.summary(state);
  }

  int free() {
    return summary().free();
  }

  /** What the named thread waits for, if it is blocked. */
  Optional<WaitFor> waitOf(String thread) {
    int t = thread(thread);
    return model.waits(state).stream().filter(w -> w.thread() == t).findFirst();
  }

  /** The names of the threads a blocked thread waits on. */
  List<String> waitsOn(String thread) {
    WaitFor w = waitOf(thread).orElseThrow(() -> new AssertionError(thread + " is not blocked: "
        + model.describe(state)));
    return w.on().stream().map(model::threadName).toList();
  }

  int thread(String name) {
    for (int t = 0; t < model.threads(); t++) {
      if (model.threadName(t).equals(name)) {
        return t;
      }
    }
    throw new AssertionError("no thread " + name);
  }

  int page(String name) {
    for (int p = 0; p < model.pages(); p++) {
      if (model.pageName(p).equals(name)) {
        return p;
      }
    }
    throw new AssertionError("no page " + name);
  }
}
