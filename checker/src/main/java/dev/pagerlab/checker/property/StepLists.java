package dev.pagerlab.checker.property;

import dev.pagerlab.vmcore.spec.KextSpec;
import dev.pagerlab.vmcore.spec.ProcessSpec;
import dev.pagerlab.vmcore.spec.Scenario;
import dev.pagerlab.vmcore.spec.Step;
import java.util.ArrayList;
import java.util.List;

/** Addresses of the step lists of a scenario (workloads, onRequests, onIos), to read and replace one. */
final class StepLists {
  private StepLists() {}

  /** What owns a step list. */
  enum Kind { WORKLOAD, ON_REQUEST, ON_IO }

  /**
   * One step list: the {@code owner}-th process ({@code WORKLOAD}, {@code ON_REQUEST}) or kext ({@code ON_IO}).
   *
   * @param kind which list
   * @param owner index of the process or kext
   */
  record Ref(Kind kind, int owner) {
    List<Step> get(Scenario s) {
      return switch (kind) {
        case WORKLOAD -> s.processes().get(owner).workload();
        case ON_REQUEST -> s.processes().get(owner).onRequest();
        case ON_IO -> s.extensions().get(owner).onIo();
      };
    }

    Scenario set(Scenario s, List<Step> steps) {
      if (kind == Kind.ON_IO) {
        KextSpec k = s.extensions().get(owner);
        return ScenarioEdit.extensions(s, ScenarioEdit.set(s.extensions(), owner,
            ScenarioEdit.kext(k, k.wired(), k.pageable(), steps)));
      }
      ProcessSpec p = s.processes().get(owner);
      ProcessSpec q = kind == Kind.WORKLOAD
          ? ScenarioEdit.steps(p, steps, p.onRequest())
          : ScenarioEdit.steps(p, p.workload(), steps);
      return ScenarioEdit.processes(s, ScenarioEdit.set(s.processes(), owner, q));
    }
  }

  /** Every non-empty step list of {@code s}, processes first. */
  static List<Ref> all(Scenario s) {
    List<Ref> refs = new ArrayList<>();
    for (int i = 0; i < s.processes().size(); i++) {
      add(refs, s, new Ref(Kind.WORKLOAD, i));
      add(refs, s, new Ref(Kind.ON_REQUEST, i));
    }
    for (int i = 0; i < s.extensions().size(); i++) {
      add(refs, s, new Ref(Kind.ON_IO, i));
    }
    return refs;
  }

  private static void add(List<Ref> refs, Scenario s, Ref ref) {
    if (!ref.get(s).isEmpty()) {
      refs.add(ref);
    }
  }
}
