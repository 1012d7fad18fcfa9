package dev.pagerlab.checker;

import dev.pagerlab.vmcore.BlockReason;
import dev.pagerlab.vmcore.VmModel;
import dev.pagerlab.vmcore.VmState;
import dev.pagerlab.vmcore.VmTransition;
import dev.pagerlab.vmcore.WaitFor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One schedule of a model as a list of random choices, replayable and shrinkable: choice k picks
 * a thread among those that can move, then one of that thread's enabled transitions. Replaying
 * checks the model properties after every transition.
 */
final class RandomSchedule {
  private RandomSchedule() {}

  /** A broken property at one step of a schedule. */
  record Failure(int step, String property, List<String> labels) {
    String describe() {
      StringBuilder b = new StringBuilder(property).append("\n  after ").append(labels.size()).append(" steps:");
      for (int i = 0; i < labels.size(); i++) {
        b.append("\n    ").append(i + 1).append(". ").append(labels.get(i));
      }
      return b.toString();
    }
  }

  /** The transition choice {@code k} picks among the enabled ones. */
  static VmTransition pick(List<VmTransition> enabled, int k) {
    int[] threads = enabled.stream().mapToInt(VmTransition::thread).distinct().toArray();
    int thread = threads[k % threads.length];
    List<VmTransition> mine = enabled.stream().filter(t -> t.thread() == thread).toList();
    return mine.get((k / threads.length) % mine.size());
  }

  /** Replays choices from the start, checking every step; stops early when nothing is enabled. */
  static Optional<Failure> replay(VmModel model, int[] choices, List<String> taken) {
    VmState s = model.initial();
    List<String> labels = new ArrayList<>();
    Optional<String> broken = checkState(model, s);
    if (broken.isPresent()) {
      return Optional.of(new Failure(0, broken.get(), labels));
    }
    for (int i = 0; i < choices.length; i++) {
      List<VmTransition> enabled = model.enabled(s);
      if (enabled.isEmpty()) {
        break;
      }
      VmTransition t = pick(enabled, choices[i]);
      labels.add(model.label(s, t));
      taken.add(labels.get(labels.size() - 1));
      VmState[] next = new VmState[1];
      broken = checkStep(model, s, enabled, t, next);
      if (broken.isEmpty()) {
        broken = checkState(model, next[0]);
      }
      if (broken.isPresent()) {
        return Optional.of(new Failure(i + 1, broken.get(), labels));
      }
      s = next[0];
    }
    return Optional.empty();
  }

  /** Removes choices one at a time while the schedule still fails; at most {@code budget} replays. */
  static int[] shrink(VmModel model, int[] choices, int budget) {
    int[] best = choices;
    boolean progress = true;
    while (progress && budget > 0) {
      progress = false;
      for (int i = best.length - 1; i >= 0 && budget > 0; i--) {
        int[] candidate = new int[best.length - 1];
        System.arraycopy(best, 0, candidate, 0, i);
        System.arraycopy(best, i + 1, candidate, i, best.length - i - 1);
        budget--;
        Optional<Failure> f = replay(model, candidate, new ArrayList<>());
        if (f.isPresent()) {
          best = Arrays.copyOf(candidate, f.get().step());
          progress = true;
          i = Math.min(i, best.length);
        }
      }
    }
    return best;
  }

  /** Properties of one transition: determinism, purity, labels. Sets {@code next[0]}. */
  static Optional<String> checkStep(VmModel m, VmState s, List<VmTransition> enabled, VmTransition t,
      VmState[] next) {
    try {
      int[] before = s.encode();
      if (!enabled.equals(m.enabled(s))) {
        return Optional.of("enabled() is not deterministic");
      }
      VmState copy = VmState.decode(before, m.coreLength(), m.threads());
      if (!enabled.equals(m.enabled(copy))) {
        return Optional.of("enabled() differs on a decoded copy of the state");
      }
      for (VmTransition e : enabled) {
        if (m.label(s, e).isBlank()) {
          return Optional.of("blank label for " + e);
        }
      }
      VmState a = m.apply(s, t);
      VmState b = m.apply(s, t);
      VmState c = m.apply(copy, t);
      if (!a.equals(b) || a.fingerprint() != b.fingerprint()) {
        return Optional.of("applying the same transition twice gave different states");
      }
      if (!a.equals(c) || a.fingerprint() != c.fingerprint()) {
        return Optional.of("applying a transition to an equal state gave a different state");
      }
      if (!Arrays.equals(before, s.encode())) {
        return Optional.of("apply() changed its source state");
      }
      if (a.equals(s)) {
        return Optional.of("a transition left the state unchanged (a self-loop): " + m.label(s, t));
      }
      Optional<String> contract = checkContract(m, s, t, a);
      if (contract.isPresent()) {
        return contract;
      }
      next[0] = a;
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of("exception: " + e);
    }
  }

  /** Contract rules one transition must keep: labels, pageout's watermark, the reserve. */
  static Optional<String> checkContract(VmModel m, VmState s, VmTransition t, VmState next) {
    String label = m.label(s, t);
    String thread = m.threadName(t.thread());
    if (!label.startsWith(thread + ": ")) {
      return Optional.of("the label of a move of " + thread + " does not name it first: " + label);
    }
    int free = m.summary(s).free();
    if (t.kind() == VmTransition.EVICT && free >= m.scenario().memory().target()) {
      return Optional.of("pageout evicts at free=" + free + " >= target: " + label);
    }
    int floor = privileged(m, t.thread()) ? 0 : m.scenario().memory().reserved();
    if (m.summary(next).free() < free && free <= floor) {
      return Optional.of(thread + " took a frame at free=" + free + " (its floor is " + floor + "): " + label);
    }
    return Optional.empty();
  }

  /** Whether a thread allocates privileged: pageout, an ioFlusher process, a memalloc receive path. */
  static boolean privileged(VmModel m, int thread) {
    String owner = m.threadOwner(thread);
    if (owner.equals("pageout")) {
      return true;
    }
    return m.scenario().process(owner).map(p -> p.ioFlusher())
        .orElseGet(() -> m.scenario().layer(owner).map(l -> l.memalloc()).orElse(false));
  }

  /** Properties of one state: the model invariants, the encoding, the wait-for relation. */
  static Optional<String> checkState(VmModel m, VmState s) {
    try {
      m.checkInvariants(s);
      VmState back = VmState.decode(s.encode(), m.coreLength(), m.threads());
      if (!back.equals(s) || back.fingerprint() != s.fingerprint() || back.hashCode() != s.hashCode()) {
        return Optional.of("decode(encode()) does not give back an equal state with an equal fingerprint");
      }
      List<VmTransition> enabled = m.enabled(s);
      for (WaitFor w : m.waits(s)) {
        if (enabled.stream().anyMatch(t -> t.thread() == w.thread())) {
          return Optional.of(m.threadName(w.thread()) + " is reported blocked (" + w.reason() + ") but can move");
        }
        if (w.on().stream().anyMatch(o -> o < 0 || o >= m.threads())) {
          return Optional.of(m.threadName(w.thread()) + " waits on a thread that does not exist: " + w.on());
        }
        if (w.on().isEmpty() && w.reason() != BlockReason.SWAP_SLOT) {
          return Optional.of(m.threadName(w.thread()) + " waits for " + w.reason().words()
              + " on no one; only a swap slot may have no supplier (" + w.because() + ")");
        }
      }
      return Optional.empty();
    } catch (RuntimeException e) {
      return Optional.of("exception: " + e);
    }
  }
}
