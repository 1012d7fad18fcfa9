package dev.pagerlab.scenarios;

import dev.pagerlab.vmcore.spec.DynamicPagerSpec;
import dev.pagerlab.vmcore.spec.Expect;
import dev.pagerlab.vmcore.spec.KextSpec;
import dev.pagerlab.vmcore.spec.LayerSpec;
import dev.pagerlab.vmcore.spec.MemorySpec;
import dev.pagerlab.vmcore.spec.Os;
import dev.pagerlab.vmcore.spec.ProcessSpec;
import dev.pagerlab.vmcore.spec.RegionSpec;
import dev.pagerlab.vmcore.spec.Scenario;
import dev.pagerlab.vmcore.spec.Step;
import dev.pagerlab.vmcore.spec.SwapFileSpec;
import dev.pagerlab.vmcore.spec.SwapSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns a {@link YamlDocument} into a {@link Scenario}: the shape and range of every field here,
 * the references between fields in {@link ScenarioValidator}.
 */
final class ScenarioReader {

  private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");
  private static final List<String> TOP = List.of("name", "description", "os", "source", "memory", "swap",
      "layers", "processes", "regions", "kernel", "expect", "expectClasses");
  private static final List<String> MEMORY = List.of("frames", "reserved", "target");
  private static final List<String> SWAP = List.of("files", "stack", "dynamic");
  private static final List<String> SWAP_FILE = List.of("name", "slots", "preallocated");
  private static final List<String> DYNAMIC = List.of("daemon", "highWater", "lowWater", "fileSlots", "maxFiles");
  private static final List<String> PROCESS = List.of("name", "pages", "threads", "wired", "ioFlusher", "pagesIn",
      "workload", "onRequest");
  private static final List<String> REGION = List.of("name", "pages", "pager", "backing", "sparse");
  private static final List<String> KERNEL = List.of("extensions");
  private static final List<String> KEXT = List.of("name", "wired", "pageable", "onIo");
  private static final List<String> CLASSES = List.of("low-memory", "userland-dependency", "paging-recursion",
      "lock-order");

  private final YamlDocument document;

  private ScenarioReader(YamlDocument document) {
    this.document = document;
  }

  /** The validated scenario the document describes. */
  static Scenario read(YamlDocument document) throws ScenarioException {
    Scenario scenario = new ScenarioReader(document).scenario();
    ScenarioValidator.check(document, scenario);
    return scenario;
  }

  private Scenario scenario() throws ScenarioException {
    Fields top = Fields.of(document, "", document.root(), "a scenario", TOP);
    String name = name(top);
    String description = top.string("description", "one or two sentences").strip();
    Os os = os(top);
    String source = top.optionalString("source", "a URL or commit").orElse("");
    MemorySpec memory = memory(top);
    SwapSpec swap = swap(top);
    List<LayerSpec> layers = layers(top);
    List<ProcessSpec> processes = processes(top);
    List<RegionSpec> regions = regions(top);
    List<KextSpec> extensions = extensions(top);
    Optional<Expect> expect = expect(top);
    List<String> classes = expectClasses(top);
    if (!classes.isEmpty() && expect.isPresent() && expect.get() != Expect.DEADLOCK) {
      throw document.error("expectClasses", "deadlock classes go with expect: deadlock, but expect is "
          + expect.get().word());
    }
    return new Scenario(name, description, os, source, memory, swap, layers, processes, regions, extensions,
        expect, classes);
  }

  private String name(Fields top) throws ScenarioException {
    String expected = "a name matching [a-z0-9-]+";
    String name = top.string("name", expected);
    if (!NAME.matcher(name).matches()) {
      throw document.error("name", "expected " + expected + ", got " + top.required("name", expected).describe());
    }
    return name;
  }

  private Os os(Fields top) throws ScenarioException {
    List<String> words = new ArrayList<>();
    for (Os os : Os.values()) {
      words.add(os.word());
    }
    String expected = "an OS word (" + String.join(", ", words) + ")";
    Optional<String> word = top.optionalString("os", expected);
    if (word.isEmpty()) {
      return Os.GENERIC;
    }
    int index = words.indexOf(word.get());
    if (index < 0) {
      throw document.error("os", "expected " + expected + ", got " + top.required("os", expected).describe());
    }
    return Os.values()[index];
  }

  private MemorySpec memory(Fields top) throws ScenarioException {
    Node node = top.required("memory", "a mapping with frames, reserved and target");
    Fields memory = Fields.of(document, "memory", node, "memory", MEMORY);
    int frames = memory.requiredWhole("frames", 1, Limits.COUNT_MAX);
    int reserved = 0;
    if (memory.get("reserved").isPresent()) {
      reserved = memory.whole("reserved", 0, frames, "from 0 to frames (" + frames + ")",
          memory.get("reserved").get());
    }
    int target = 0;
    if (memory.get("target").isPresent()) {
      target = memory.whole("target", reserved, frames,
          "from reserved (" + reserved + ") to frames (" + frames + ")", memory.get("target").get());
    }
    return new MemorySpec(frames, reserved, target);
  }

  private SwapSpec swap(Fields top) throws ScenarioException {
    Optional<Node> node = top.get("swap");
    if (node.isEmpty()) {
      return new SwapSpec(List.of(), List.of(), Optional.empty());
    }
    Fields swap = Fields.of(document, "swap", node.get(), "swap", SWAP);
    List<SwapFileSpec> files = new ArrayList<>();
    List<Node> fileNodes = swap.list("files", "swap files");
    for (int i = 0; i < fileNodes.size(); i++) {
      files.add(swapFile(FieldPath.item("swap.files", i), fileNodes.get(i)));
    }
    List<String> stack = new ArrayList<>();
    List<Node> stackNodes = swap.list("stack", "layer ids, top to bottom");
    for (int i = 0; i < stackNodes.size(); i++) {
      stack.add(Fields.text(document, FieldPath.item("swap.stack", i), stackNodes.get(i), "a layer id"));
    }
    return new SwapSpec(files, stack, dynamic(swap, files.size()));
  }

  private SwapFileSpec swapFile(String path, Node node) throws ScenarioException {
    Fields file = Fields.of(document, path, node, "a swap file", SWAP_FILE);
    return new SwapFileSpec(file.string("name", "a file name"), file.requiredWhole("slots", 1, Limits.COUNT_MAX),
        file.flag("preallocated", false));
  }

  private Optional<DynamicPagerSpec> dynamic(Fields swap, int initialFiles) throws ScenarioException {
    Optional<Node> node = swap.get("dynamic");
    if (node.isEmpty()) {
      return Optional.empty();
    }
    Fields dynamic = Fields.of(document, "swap.dynamic", node.get(), "the dynamic pager", DYNAMIC);
    String daemon = dynamic.string("daemon", "the dynamic pager's process");
    double highWater = dynamic.fraction("highWater");
    double lowWater = dynamic.fraction("lowWater");
    if (!(lowWater < highWater)) {
      throw document.error("swap.dynamic.lowWater",
          "expected lowWater below highWater (" + highWater + "), got " + lowWater);
    }
    int fileSlots = dynamic.requiredWhole("fileSlots", 1, Limits.COUNT_MAX);
    int least = Math.max(1, initialFiles);
    String range = "from " + least + " (at least 1 and the " + initialFiles + " initial files) to " + Limits.FILES_MAX;
    Node maxFiles = dynamic.required("maxFiles", "a whole number " + range);
    return Optional.of(new DynamicPagerSpec(daemon, highWater, lowWater, fileSlots,
        dynamic.whole("maxFiles", least, Limits.FILES_MAX, range, maxFiles)));
  }

  private List<LayerSpec> layers(Fields top) throws ScenarioException {
    List<LayerSpec> layers = new ArrayList<>();
    List<Node> nodes = top.list("layers", "layers");
    for (int i = 0; i < nodes.size(); i++) {
      layers.add(LayerReader.read(document, FieldPath.item("layers", i), nodes.get(i)));
    }
    return layers;
  }

  private List<ProcessSpec> processes(Fields top) throws ScenarioException {
    List<ProcessSpec> processes = new ArrayList<>();
    List<Node> nodes = top.list("processes", "processes");
    for (int i = 0; i < nodes.size(); i++) {
      processes.add(process(FieldPath.item("processes", i), nodes.get(i)));
    }
    return processes;
  }

  private ProcessSpec process(String path, Node node) throws ScenarioException {
    Fields process = Fields.of(document, path, node, "a process", PROCESS);
    String name = process.string("name", "a process name");
    StepReader.Owner owner = StepReader.Owner.process(name);
    return new ProcessSpec(name,
        process.whole("pages", 0, Limits.COUNT_MAX, 0),
        process.whole("threads", 1, Limits.THREADS_MAX, 1),
        process.flag("wired", false),
        process.flag("ioFlusher", false),
        process.optionalString("pagesIn", "a region name"),
        steps(process, "workload", owner),
        steps(process, "onRequest", owner));
  }

  private List<Step> steps(Fields fields, String key, StepReader.Owner owner) throws ScenarioException {
    return StepReader.read(document, fields.path(key), fields.list(key, "a list of steps"), owner);
  }

  private List<RegionSpec> regions(Fields top) throws ScenarioException {
    List<RegionSpec> regions = new ArrayList<>();
    List<Node> nodes = top.list("regions", "regions");
    for (int i = 0; i < nodes.size(); i++) {
      Fields region = Fields.of(document, FieldPath.item("regions", i), nodes.get(i), "a region", REGION);
      String path = FieldPath.item("regions", i);
      String word = region.optionalString("backing", "pager, vnode or device").orElse("pager");
      RegionSpec.Backing backing = java.util.Arrays.stream(RegionSpec.Backing.values())
          .filter(b -> b.word().equals(word)).findFirst()
          .orElseThrow(() -> document.error(FieldPath.child(path, "backing"),
              "expected pager, vnode or device, got \"" + word + "\""));
      String name = region.string("name", "a region name");
      int pages = region.requiredWhole("pages", 1, Limits.COUNT_MAX);
      String pager = backing == RegionSpec.Backing.PAGER
          ? region.string("pager", "the process paging the region")
          : region.optionalString("pager", "no pager").map(x -> "").orElse("");
      if (backing != RegionSpec.Backing.PAGER && region.optionalString("pager", "no pager").isPresent()) {
        throw document.error(FieldPath.child(path, "pager"), "a region with backing " + word
            + " is paged by the kernel's " + word + " pager: it takes no pager process");
      }
      boolean sparse = region.flag("sparse", false);
      if (sparse && backing != RegionSpec.Backing.VNODE) {
        throw document.error(FieldPath.child(path, "sparse"), "only a region with backing vnode (a mapped file) can be"
            + " sparse");
      }
      regions.add(new RegionSpec(name, pages, pager, backing, sparse));
    }
    return regions;
  }

  private List<KextSpec> extensions(Fields top) throws ScenarioException {
    Optional<Node> node = top.get("kernel");
    if (node.isEmpty()) {
      return List.of();
    }
    Fields kernel = Fields.of(document, "kernel", node.get(), "kernel", KERNEL);
    List<KextSpec> extensions = new ArrayList<>();
    List<Node> nodes = kernel.list("extensions", "kernel extensions");
    for (int i = 0; i < nodes.size(); i++) {
      extensions.add(kext(FieldPath.item("kernel.extensions", i), nodes.get(i)));
    }
    return extensions;
  }

  private KextSpec kext(String path, Node node) throws ScenarioException {
    Fields kext = Fields.of(document, path, node, "a kernel extension", KEXT);
    String name = kext.string("name", "a kext name");
    int wired = kext.whole("wired", 0, Limits.COUNT_MAX, 0);
    int pageable = kext.whole("pageable", 0, Limits.COUNT_MAX, 0);
    return new KextSpec(name, wired, pageable, steps(kext, "onIo", StepReader.Owner.kext(name, pageable)));
  }

  private Optional<Expect> expect(Fields top) throws ScenarioException {
    List<String> words = new ArrayList<>();
    for (Expect expect : Expect.values()) {
      words.add(expect.word());
    }
    String expected = "a verdict word (" + String.join(", ", words) + ")";
    Optional<String> word = top.optionalString("expect", expected);
    if (word.isEmpty()) {
      return Optional.empty();
    }
    Optional<Expect> expect = Expect.ofWord(word.get());
    if (expect.isEmpty()) {
      throw document.error("expect", "expected " + expected + ", got " + top.required("expect", expected).describe());
    }
    return expect;
  }

  private List<String> expectClasses(Fields top) throws ScenarioException {
    String expected = "a deadlock class (" + String.join(", ", CLASSES) + ")";
    List<Node> nodes = top.list("expectClasses", "deadlock classes");
    List<String> classes = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      String path = FieldPath.item("expectClasses", i);
      String word = Fields.text(document, path, nodes.get(i), expected);
      if (!CLASSES.contains(word)) {
        throw document.error(path, "expected " + expected + ", got " + nodes.get(i).describe());
      }
      if (classes.contains(word)) {
        throw document.error(path, "class '" + word + "' is listed twice");
      }
      classes.add(word);
    }
    return classes;
  }
}
