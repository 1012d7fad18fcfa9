package dev.pagerlab.scenarios;

import dev.pagerlab.vmcore.spec.DynamicPagerSpec;
import dev.pagerlab.vmcore.spec.KextSpec;
import dev.pagerlab.vmcore.spec.LayerSpec;
import dev.pagerlab.vmcore.spec.ProcessSpec;
import dev.pagerlab.vmcore.spec.RegionSpec;
import dev.pagerlab.vmcore.spec.Scenario;
import dev.pagerlab.vmcore.spec.Step;
import dev.pagerlab.vmcore.spec.SwapFileSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes a scenario back as YAML in the contract's format; {@link ScenarioLoader#parse} reads it back equal. */
public final class ScenarioWriter {
  private ScenarioWriter() {}

  /** The scenario as YAML text. Pure. */
  public static String write(Scenario s) {
    StringBuilder y = new StringBuilder();
    y.append("name: ").append(s.name()).append('\n');
    y.append("description: ").append(quote(s.description())).append('\n');
    y.append("os: ").append(s.os().word()).append('\n');
    if (!s.source().isEmpty()) {
      y.append("source: ").append(quote(s.source())).append('\n');
    }
    y.append("memory: { frames: ").append(s.memory().frames()).append(", reserved: ").append(s.memory().reserved())
        .append(", target: ").append(s.memory().target()).append(" }\n");
    swap(s, y);
    if (!s.layers().isEmpty()) {
      y.append("layers:\n");
      s.layers().forEach(l -> y.append("  - ").append(layer(l)).append('\n'));
    }
    if (!s.processes().isEmpty()) {
      y.append("processes:\n");
      s.processes().forEach(p -> process(p, y));
    }
    if (!s.regions().isEmpty()) {
      y.append("regions:\n");
      for (RegionSpec r : s.regions()) {
        y.append("  - { name: ").append(r.name()).append(", pages: ").append(r.pages());
        if (r.backing() == RegionSpec.Backing.PAGER) {
          y.append(", pager: ").append(r.pager());
        } else {
          y.append(", backing: ").append(r.backing().word()).append(r.sparse() ? ", sparse: true" : "");
        }
        y.append(" }\n");
      }
    }
    if (!s.extensions().isEmpty()) {
      y.append("kernel:\n  extensions:\n");
      for (KextSpec k : s.extensions()) {
        y.append("    - { name: ").append(k.name()).append(", wired: ").append(k.wired()).append(", pageable: ")
            .append(k.pageable());
        if (!k.onIo().isEmpty()) {
          y.append(", onIo: ").append(steps(k.onIo()));
        }
        y.append(" }\n");
      }
    }
    s.expect().ifPresent(e -> y.append("expect: ").append(e.word()).append('\n'));
    if (!s.expectClasses().isEmpty()) {
      y.append("expectClasses: [").append(String.join(", ", s.expectClasses())).append("]\n");
    }
    return y.toString();
  }

  private static void swap(Scenario s, StringBuilder y) {
    if (s.swap().files().isEmpty() && s.swap().stack().isEmpty() && s.swap().dynamic().isEmpty()) {
      return;
    }
    y.append("swap:\n");
    y.append("  files:").append(s.swap().files().isEmpty() ? " []" : "").append('\n');
    for (SwapFileSpec f : s.swap().files()) {
      y.append("    - { name: ").append(f.name()).append(", slots: ").append(f.slots()).append(", preallocated: ")
          .append(f.preallocated()).append(" }\n");
    }
    y.append("  stack: [").append(String.join(", ", s.swap().stack())).append("]\n");
    if (s.swap().dynamic().isPresent()) {
      DynamicPagerSpec d = s.swap().dynamic().get();
      y.append("  dynamic: { daemon: ").append(d.daemon()).append(", highWater: ").append(number(d.highWater()))
          .append(", lowWater: ").append(number(d.lowWater())).append(", fileSlots: ").append(d.fileSlots())
          .append(", maxFiles: ").append(d.maxFiles()).append(" }\n");
    }
  }

  private static String layer(LayerSpec l) {
    List<String> f = new ArrayList<>();
    f.add("id: " + l.id());
    f.add("kind: " + l.kind().word());
    l.server().ifPresent(x -> f.add((l.kind().word().equals("diskimage") ? "helper: " : "daemon: ") + x));
    l.kext().ifPresent(x -> f.add("kext: " + x));
    if (l.allocPerWrite() > 0) {
      f.add("allocPerWrite: " + l.allocPerWrite());
    }
    if (l.allocPerRequest() > 0) {
      f.add("allocPerRequest: " + l.allocPerRequest());
    }
    if (l.memalloc()) {
      f.add("memalloc: true");
    }
    if (l.eio()) {
      f.add("faults: [eio]");
    }
    if (l.timeout()) {
      f.add("timeout: true");
    }
    l.below().ifPresent(x -> f.add("below: " + x));
    return "{ " + String.join(", ", f) + " }";
  }

  private static void process(ProcessSpec p, StringBuilder y) {
    y.append("  - name: ").append(p.name()).append('\n');
    if (p.pages() > 0) {
      y.append("    pages: ").append(p.pages()).append('\n');
    }
    if (p.threads() != 1) {
      y.append("    threads: ").append(p.threads()).append('\n');
    }
    if (p.wired()) {
      y.append("    wired: true\n");
    }
    if (p.ioFlusher()) {
      y.append("    ioFlusher: true\n");
    }
    p.pagesIn().ifPresent(r -> y.append("    pagesIn: ").append(r).append('\n'));
    if (!p.workload().isEmpty()) {
      y.append("    workload: ").append(steps(p.workload())).append('\n');
    }
    if (!p.onRequest().isEmpty()) {
      y.append("    onRequest: ").append(steps(p.onRequest())).append('\n');
    }
  }

  private static String steps(List<Step> steps) {
    List<String> out = new ArrayList<>();
    for (Step st : steps) {
      out.add("{ " + step(st) + " }");
    }
    return "[ " + String.join(", ", out) + " ]";
  }

  private static String step(Step st) {
    if (st instanceof Step.Alloc a) {
      return "alloc: " + a.pages();
    } else if (st instanceof Step.Touch t) {
      return "touch: " + t.pages();
    } else if (st instanceof Step.TouchPageable t) {
      return "touchPageable: " + t.pages();
    } else if (st instanceof Step.TouchRegion t) {
      return "touchRegion: { region: " + t.region() + ", pages: " + t.pages() + " }";
    } else if (st instanceof Step.Lock l) {
      return "lock: " + l.name();
    }
    return "unlock: " + ((Step.Unlock) st).name();
  }

  private static String number(double d) {
    return String.format(Locale.ROOT, "%s", d);
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
