package dev.pagerlab.vmcore;

import dev.pagerlab.vmcore.spec.KextSpec;
import dev.pagerlab.vmcore.spec.LayerKind;
import dev.pagerlab.vmcore.spec.LayerSpec;
import dev.pagerlab.vmcore.spec.ProcessSpec;
import dev.pagerlab.vmcore.spec.RegionSpec;
import dev.pagerlab.vmcore.spec.Scenario;
import dev.pagerlab.vmcore.spec.Step;
import dev.pagerlab.vmcore.spec.SwapFileSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scenario compiled into flat tables, and the transition system over {@link VmState}s.
 * Pure: every method is a function of its arguments; the model holds no mutable state.
 */
public final class VmModel {
  // Thread kinds.
  static final int TK_PAGEOUT = 0;
  static final int TK_WORKLOAD = 1;
  static final int TK_WORKER = 2;
  static final int TK_RX = 3;
  // Page backing.
  static final int SWAP = -1;
  // Step kinds.
  static final int S_ALLOC = 1;
  static final int S_TOUCH = 2;
  static final int S_TOUCH_PAGEABLE = 3;
  static final int S_TOUCH_REGION = 4;
  static final int S_LOCK = 5;
  static final int S_UNLOCK = 6;

  final Scenario scenario;
  final int frames;
  final int reserved;
  final int target;
  final int kextWiredFrames;

  // Processes.
  final String[] procName;
  final int[] procBase;
  final int[] procInitPages;
  final int[] procPages;
  final boolean[] procWired;
  final boolean[] procServes;
  final int[][] procWorkers;
  final int[] procWorkloadSeq;
  final int[] procRequestSeq;

  // Kexts.
  final String[] kextName;
  final int[] kextBase;
  final int[] kextPageable;
  final int[] kextSeq;

  // Regions.
  final String[] regionName;
  final int[] regionBase;
  final int[] regionPages;
  final int[] regionPager;

  // Pages.
  final int pages;
  final int[] pageBacking;
  final boolean[] pageWired;
  final int[] pageSym;
  final String[] pageName;

  // Step sequences.
  final int[][] seqKind;
  final int[][] seqArg;
  final int[][] seqArg2;
  final int[] seqProc;
  final int[] seqKext;
  final boolean[] seqWorkload;
  final String[] seqName;

  // I/O path under every swap file.
  final int pathLength;
  final LayerKind[] pathKind;
  final String[] pathId;
  final int[] pathServer;
  final int[] pathKextSeq;
  final int[] pathAllocPerWrite;
  final int[] pathAllocPerRequest;
  final boolean[] pathEio;
  final boolean[] pathTimeout;
  final int[] pathRxThread;

  // Swap files, then the files of vnode regions.
  final int files;
  final int swapFiles;
  final int[] pageFile;
  final int initialFiles;
  final int[] fileCapacity;
  final boolean[] filePreallocated;
  final String[] fileName;
  final int dynDaemon;
  final double highWater;
  final double lowWater;
  final int maxFiles;

  // Locks.
  final String[] lockName;
  final boolean[] lockPrivate;

  // Threads.
  final int threads;
  final String[] threadName;
  final String[] threadOwner;
  final int[] threadKind;
  final int[] threadProc;
  final AllocClass[] threadClass;
  final int[] threadPathPos;

  // Core vector layout.
  final int fileOffset;
  final int pageOffset;
  final int lockOffset;
  final int coreLength;

  private final Semantics semantics;

  private VmModel(Scenario s) {
    this.scenario = s;
    frames = s.memory().frames();
    reserved = s.memory().reserved();
    target = s.memory().target();
    kextWiredFrames = s.extensions().stream().mapToInt(KextSpec::wired).sum();

    Map<String, Integer> proc = index(s.processes().stream().map(ProcessSpec::name).toList());
    Map<String, Integer> kext = index(s.extensions().stream().map(KextSpec::name).toList());
    Map<String, Integer> region = index(s.regions().stream().map(RegionSpec::name).toList());
    int np = s.processes().size();

    // Who serves requests.
    procServes = new boolean[np];
    List<LayerSpec> path = resolvePath(s);
    for (LayerSpec l : path) {
      l.server().ifPresent(name -> procServes[require(proc, name, "layer " + l.id())] = true);
    }
    for (RegionSpec r : s.regions()) {
      if (r.backing() == RegionSpec.Backing.PAGER) {
        procServes[require(proc, r.pager(), "region " + r.name())] = true;
      }
    }
    dynDaemon = s.swap().dynamic().map(d -> require(proc, d.daemon(), "swap.dynamic")).orElse(-1);
    if (dynDaemon >= 0) {
      procServes[dynDaemon] = true;
    }

    // Locks, in order of first mention.
    Set<String> locks = new java.util.LinkedHashSet<>();
    for (ProcessSpec p : s.processes()) {
      collectLocks(p.workload(), locks);
      collectLocks(p.onRequest(), locks);
    }
    for (KextSpec k : s.extensions()) {
      collectLocks(k.onIo(), locks);
    }
    lockName = locks.toArray(String[]::new);
    Map<String, Integer> lock = index(List.of(lockName));

    // Pages: processes, then kext pageable pages, then regions.
    procName = new String[np];
    procBase = new int[np];
    procInitPages = new int[np];
    procPages = new int[np];
    procWired = new boolean[np];
    int at = 0;
    List<Integer> backing = new ArrayList<>();
    List<Boolean> wired = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<Integer> sym = new ArrayList<>();
    int[] symNext = {0};
    for (int p = 0; p < np; p++) {
      ProcessSpec ps = s.processes().get(p);
      procName[p] = ps.name();
      procBase[p] = at;
      procInitPages[p] = ps.pages();
      int allocated = ps.workload().stream().mapToInt(st -> st instanceof Step.Alloc a ? a.pages() : 0).sum();
      procPages[p] = ps.pages() + allocated;
      procWired[p] = ps.wired();
      int pager = ps.pagesIn().map(r -> s.region(r).orElseThrow().pager()).map(proc::get).orElse(SWAP);
      int touched = Math.max(maxTouch(ps.workload()), maxTouch(ps.onRequest()));
      int groupInit = symNext[0]++;
      int groupAlloc = symNext[0]++;
      for (int i = 0; i < procPages[p]; i++) {
        backing.add(pager);
        wired.add(ps.wired());
        names.add(ps.name() + "[" + i + "]");
        boolean distinct = i < touched;
        sym.add(distinct ? symNext[0]++ : (i < ps.pages() ? groupInit : groupAlloc));
      }
      at += procPages[p];
    }
    int nk = s.extensions().size();
    kextName = new String[nk];
    kextBase = new int[nk];
    kextPageable = new int[nk];
    int maxPageableTouch = 0;
    for (KextSpec k : s.extensions()) {
      maxPageableTouch = Math.max(maxPageableTouch, k.onIo().stream()
          .mapToInt(st -> st instanceof Step.TouchPageable t ? t.pages() : st instanceof Step.Touch t ? t.pages() : 0)
          .max().orElse(0));
    }
    for (int k = 0; k < nk; k++) {
      KextSpec ks = s.extensions().get(k);
      kextName[k] = ks.name();
      kextBase[k] = at;
      kextPageable[k] = ks.pageable();
      int group = symNext[0]++;
      for (int i = 0; i < ks.pageable(); i++) {
        backing.add(SWAP);
        wired.add(false);
        names.add(ks.name() + "[" + i + "]");
        sym.add(i < maxPageableTouch ? symNext[0]++ : group);
      }
      at += ks.pageable();
    }
    int nr = s.regions().size();
    regionName = new String[nr];
    regionBase = new int[nr];
    regionPages = new int[nr];
    regionPager = new int[nr];
    for (int r = 0; r < nr; r++) {
      RegionSpec rs = s.regions().get(r);
      regionName[r] = rs.name();
      regionBase[r] = at;
      // Device memory is never paged and takes no frames: a device region has no pages to track.
      regionPages[r] = rs.backing() == RegionSpec.Backing.DEVICE ? 0 : rs.pages();
      regionPager[r] = rs.backing() == RegionSpec.Backing.PAGER ? proc.get(rs.pager()) : SWAP;
      int touched = maxRegionTouch(s, rs.name());
      int group = symNext[0]++;
      for (int i = 0; i < regionPages[r]; i++) {
        backing.add(regionPager[r]);
        wired.add(false);
        names.add(rs.name() + "[" + i + "]");
        sym.add(i < touched ? symNext[0]++ : group);
      }
      at += regionPages[r];
    }
    pages = at;
    pageBacking = backing.stream().mapToInt(Integer::intValue).toArray();
    pageWired = new boolean[pages];
    for (int i = 0; i < pages; i++) {
      pageWired[i] = wired.get(i);
    }
    pageSym = sym.stream().mapToInt(Integer::intValue).toArray();
    pageName = names.toArray(String[]::new);

    // Step sequences: per process workload and onRequest, per kext onIo.
    List<int[]> kinds = new ArrayList<>();
    List<int[]> args = new ArrayList<>();
    List<int[]> args2 = new ArrayList<>();
    List<Integer> sProc = new ArrayList<>();
    List<Integer> sKext = new ArrayList<>();
    List<Boolean> sWork = new ArrayList<>();
    List<String> sName = new ArrayList<>();
    procWorkloadSeq = new int[np];
    procRequestSeq = new int[np];
    for (int p = 0; p < np; p++) {
      ProcessSpec ps = s.processes().get(p);
      procWorkloadSeq[p] = addSeq(ps.workload(), p, -1, true, ps.name() + " workload",
          kinds, args, args2, sProc, sKext, sWork, sName, lock, region);
      procRequestSeq[p] = addSeq(ps.onRequest(), p, -1, false, ps.name() + " onRequest",
          kinds, args, args2, sProc, sKext, sWork, sName, lock, region);
    }
    kextSeq = new int[nk];
    for (int k = 0; k < nk; k++) {
      KextSpec ks = s.extensions().get(k);
      kextSeq[k] = addSeq(ks.onIo(), -1, k, false, ks.name() + " onIo",
          kinds, args, args2, sProc, sKext, sWork, sName, lock, region);
    }
    seqKind = kinds.toArray(int[][]::new);
    seqArg = args.toArray(int[][]::new);
    seqArg2 = args2.toArray(int[][]::new);
    seqProc = sProc.stream().mapToInt(Integer::intValue).toArray();
    seqKext = sKext.stream().mapToInt(Integer::intValue).toArray();
    seqWorkload = new boolean[sWork.size()];
    for (int i = 0; i < seqWorkload.length; i++) {
      seqWorkload[i] = sWork.get(i);
    }
    seqName = sName.toArray(String[]::new);

    lockPrivate = privateLocks(s, lockName);

    // Threads: pageout, then per process its workload thread and workers, then receive paths.
    List<String> tName = new ArrayList<>();
    List<String> tOwner = new ArrayList<>();
    List<Integer> tKind = new ArrayList<>();
    List<Integer> tProc = new ArrayList<>();
    List<AllocClass> tClass = new ArrayList<>();
    List<Integer> tPos = new ArrayList<>();
    addThread("pageout", "pageout", TK_PAGEOUT, -1, AllocClass.PRIVILEGED, -1, tName, tOwner, tKind, tProc, tClass, tPos);
    procWorkers = new int[np][];
    for (int p = 0; p < np; p++) {
      ProcessSpec ps = s.processes().get(p);
      AllocClass c = ps.ioFlusher() ? AllocClass.PRIVILEGED : AllocClass.ORDINARY;
      if (!ps.workload().isEmpty()) {
        addThread(ps.name(), ps.name(), TK_WORKLOAD, p, c, -1, tName, tOwner, tKind, tProc, tClass, tPos);
      }
      int n = procServes[p] ? Math.max(1, ps.threads()) : 0;
      procWorkers[p] = new int[n];
      for (int w = 0; w < n; w++) {
        procWorkers[p][w] = tName.size();
        addThread(ps.name() + "#" + w, ps.name(), TK_WORKER, p, c, -1, tName, tOwner, tKind, tProc, tClass, tPos);
      }
    }
    pathLength = path.size();
    pathKind = new LayerKind[pathLength];
    pathId = new String[pathLength];
    pathServer = new int[pathLength];
    pathKextSeq = new int[pathLength];
    pathAllocPerWrite = new int[pathLength];
    pathAllocPerRequest = new int[pathLength];
    pathEio = new boolean[pathLength];
    pathTimeout = new boolean[pathLength];
    pathRxThread = new int[pathLength];
    for (int i = 0; i < pathLength; i++) {
      LayerSpec l = path.get(i);
      pathKind[i] = l.kind();
      pathId[i] = l.id();
      pathServer[i] = l.server().map(proc::get).orElse(-1);
      pathKextSeq[i] = l.kext().map(k -> kextSeq[require(kext, k, "layer " + l.id())]).orElse(-1);
      pathAllocPerWrite[i] = l.kind() == LayerKind.FILESYSTEM ? l.allocPerWrite() : 0;
      pathAllocPerRequest[i] = l.kind() == LayerKind.NETWORK ? l.allocPerRequest() : 0;
      pathEio[i] = l.eio();
      pathTimeout[i] = l.timeout() && pathServer[i] >= 0;
      pathRxThread[i] = -1;
      if (pathAllocPerRequest[i] > 0) {
        pathRxThread[i] = tName.size();
        AllocClass c = l.memalloc() ? AllocClass.PRIVILEGED : AllocClass.ORDINARY;
        addThread(l.id() + "/rx", l.id(), TK_RX, -1, c, i, tName, tOwner, tKind, tProc, tClass, tPos);
      }
    }
    threads = tName.size();
    threadName = tName.toArray(String[]::new);
    threadOwner = tOwner.toArray(String[]::new);
    threadKind = tKind.stream().mapToInt(Integer::intValue).toArray();
    threadProc = tProc.stream().mapToInt(Integer::intValue).toArray();
    threadClass = tClass.toArray(AllocClass[]::new);
    threadPathPos = tPos.stream().mapToInt(Integer::intValue).toArray();

    // Swap files: the initial ones, then room for what the dynamic pager may create.
    List<SwapFileSpec> initial = s.swap().files();
    initialFiles = initial.size();
    maxFiles = s.swap().dynamic().map(d -> Math.max(d.maxFiles(), initialFiles)).orElse(initialFiles);
    // Created files never reuse a deleted initial file's index: they have fileSlots and count as preallocated.
    swapFiles = s.swap().dynamic().isPresent() ? initialFiles + maxFiles : initialFiles;
    // After the swap files: one file per vnode region, the mapped file its pages are written back to.
    List<RegionSpec> mapped = s.regions().stream().filter(r -> r.backing() == RegionSpec.Backing.VNODE).toList();
    files = swapFiles + mapped.size();
    fileCapacity = new int[files];
    filePreallocated = new boolean[files];
    fileName = new String[files];
    pageFile = new int[pages];
    java.util.Arrays.fill(pageFile, -1);
    for (int f = 0; f < files; f++) {
      if (f >= swapFiles) {
        RegionSpec rs = mapped.get(f - swapFiles);
        int r = s.regions().indexOf(rs);
        fileCapacity[f] = rs.pages();
        filePreallocated[f] = !rs.sparse();
        fileName[f] = rs.name() + "-file";
        for (int i = 0; i < rs.pages(); i++) {
          pageFile[regionBase[r] + i] = f;
        }
      } else if (f < initialFiles) {
        fileCapacity[f] = initial.get(f).slots();
        filePreallocated[f] = initial.get(f).preallocated();
        fileName[f] = initial.get(f).name();
      } else {
        fileCapacity[f] = s.swap().dynamic().orElseThrow().fileSlots();
        filePreallocated[f] = true;
        fileName[f] = "swapfile" + f;
      }
    }
    highWater = s.swap().dynamic().map(d -> d.highWater()).orElse(2.0);
    lowWater = s.swap().dynamic().map(d -> d.lowWater()).orElse(-1.0);

    fileOffset = 3;
    pageOffset = fileOffset + files;
    lockOffset = pageOffset + pages;
    coreLength = lockOffset + lockName.length;
    semantics = new Semantics(this);
  }

  /** Compiles a validated scenario; throws IllegalArgumentException if it cannot start. */
  public static VmModel of(Scenario scenario) {
    VmModel m = new VmModel(scenario);
    m.initial();
    return m;
  }

  /** The scenario this model was compiled from. */
  public Scenario scenario() {
    return scenario;
  }

  /** The start state: process and kext pages resident and dirty, regions with their pagers. */
  public VmState initial() {
    return semantics.initial();
  }

  /** The transitions enabled in a state, in a deterministic order. */
  public List<VmTransition> enabled(VmState s) {
    return semantics.enabled(s);
  }

  /** The state after a transition enabled in {@code s}. */
  public VmState apply(VmState s, VmTransition t) {
    return semantics.apply(s, t);
  }

  /**
   * Applies a transition without copying the state's core: the successor is built in place,
   * handed to {@code sink}, and {@code s} is restored before this returns. For searches that
   * fingerprint many successors and keep few: the caller must own {@code s} (no other thread
   * may read it meanwhile) and the sink may read the successor ({@link VmState#fingerprint()},
   * {@link VmState#packInto}) but must not keep it; {@link #apply} gives one to keep.
   */
  public void applyTransient(VmState s, VmTransition t, java.util.function.Consumer<VmState> sink) {
    semantics.applyTransient(s, t, sink);
  }

  /** The readable text of a transition enabled in {@code s}. */
  public String label(VmState s, VmTransition t) {
    return semantics.label(s, t);
  }

  /** Every blocked thread with what it waits for; idle and finished threads are absent. */
  public List<WaitFor> waits(VmState s) {
    return semantics.waits(s, true);
  }

  /** Like {@link #waits} but without the {@code because} texts (null), for fast searches. */
  public List<WaitFor> waitsQuick(VmState s) {
    return semantics.waits(s, false);
  }

  /** Whether some dirty page has no valid copy anywhere. */
  public boolean lostAny(VmState s) {
    return semantics.lostAny(s);
  }

  /** Whether no transition is enabled and some thread is blocked. */
  public boolean stuck(VmState s) {
    return enabled(s).isEmpty() && !waits(s).isEmpty();
  }

  /** Dirty pages with no valid copy anywhere: a model that loses one has lost data. */
  public List<String> lostPages(VmState s) {
    return semantics.lostPages(s);
  }

  /** A one-line description of every thread's situation. */
  public List<String> describe(VmState s) {
    return semantics.describe(s);
  }

  /** Counters of a state for timelines and invariants. */
  public StateSummary summary(VmState s) {
    return semantics.summary(s);
  }

  /** Checks the model invariants; throws IllegalStateException naming the broken one. */
  public void checkInvariants(VmState s) {
    semantics.checkInvariants(s);
  }

  /** What differs between two states, one short phrase each ("free 5 -> 4", page moves, slots). */
  public List<String> changes(VmState before, VmState after) {
    return semantics.changes(before, after);
  }

  /** Number of pages the model tracks (process, kext pageable and region pages). */
  public int pages() {
    return pages;
  }

  /** A page's name, e.g. {@code hog[3]}. */
  public String pageName(int p) {
    return pageName[p];
  }

  /** Where a page is in a state. */
  public PageStatus pageStatus(VmState s, int p) {
    return PageStatus.values()[s.core[pageOffset + p] & 15];
  }

  /** The process owning a page (its anonymous or pagesIn pages), or -1 for kext and region pages. */
  public int pageProcess(int p) {
    for (int q = procBase.length - 1; q >= 0; q--) {
      if (p >= procBase[q] && p < procBase[q] + procPages[q]) {
        return q;
      }
    }
    return -1;
  }

  /** The page a RUN transition touches (or faults on), or -1 when it touches none. */
  public int touchedPage(VmState s, VmTransition t) {
    return semantics.touchedPage(s, t);
  }

  /**
   * Reads a swapped-out page in along with a fault on a neighbour (clustered prefetch); used by
   * the simulator only, outside the checking semantics. Returns the state unchanged when the
   * page is not paged out to swap or when taking a frame would go below {@code target}.
   */
  public VmState prefetch(VmState s, int p) {
    return semantics.prefetch(s, p);
  }

  /** Whether a transition only advances its own thread over a step no one else observes. */
  public boolean isLocal(VmState s, VmTransition t) {
    return semantics.isLocal(s, t);
  }

  /** Number of threads. */
  public int threads() {
    return threads;
  }

  /** A thread's name, e.g. {@code fused#0}. */
  public String threadName(int t) {
    return threadName[t];
  }

  /** Who owns a thread in the stack picture: a process name, {@code pageout}, or a layer id. */
  public String threadOwner(int t) {
    return threadOwner[t];
  }

  /** Whether a thread belongs to a process that serves requests (daemon, helper, pager). */
  public boolean isServerThread(int t) {
    return threadProc[t] >= 0 && procServes[threadProc[t]];
  }

  /** Length of the core vector (for {@link VmState#decode}). */
  public int coreLength() {
    return coreLength;
  }

  /** Names of the layers every swap request passes, top to bottom. */
  public List<String> path() {
    return List.of(pathId);
  }

  private static List<LayerSpec> resolvePath(Scenario s) {
    List<LayerSpec> path = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<String> stack = s.swap().stack();
    for (int i = 0; i < stack.size(); i++) {
      String id = stack.get(i);
      LayerSpec l = s.layer(id).orElseThrow(() -> new IllegalArgumentException("swap.stack: unknown layer " + id));
      if (!seen.add(id)) {
        throw new IllegalArgumentException("swap.stack: layer " + id + " appears twice");
      }
      path.add(l);
    }
    LayerSpec last = path.isEmpty() ? null : path.get(path.size() - 1);
    while (last != null && last.below().isPresent()) {
      String id = last.below().get();
      LayerSpec l = s.layer(id).orElseThrow(() -> new IllegalArgumentException("layers: unknown below " + id));
      if (!seen.add(id)) {
        throw new IllegalArgumentException("layers: below forms a cycle at " + id);
      }
      path.add(l);
      last = l;
    }
    return path;
  }

  private int addSeq(List<Step> steps, int p, int k, boolean workload, String name,
      List<int[]> kinds, List<int[]> args, List<int[]> args2, List<Integer> sProc, List<Integer> sKext,
      List<Boolean> sWork, List<String> sName, Map<String, Integer> lock, Map<String, Integer> region) {
    int n = steps.size();
    int[] kind = new int[n];
    int[] arg = new int[n];
    int[] arg2 = new int[n];
    for (int i = 0; i < n; i++) {
      Step st = steps.get(i);
      if (st instanceof Step.Alloc a) {
        kind[i] = S_ALLOC;
        arg[i] = a.pages();
      } else if (st instanceof Step.Touch t) {
        kind[i] = k >= 0 ? S_TOUCH_PAGEABLE : S_TOUCH;
        arg[i] = t.pages();
      } else if (st instanceof Step.TouchPageable t) {
        kind[i] = k >= 0 ? S_TOUCH_PAGEABLE : S_TOUCH;
        arg[i] = t.pages();
      } else if (st instanceof Step.TouchRegion t) {
        kind[i] = S_TOUCH_REGION;
        arg[i] = t.pages();
        arg2[i] = require(region, t.region(), name);
      } else if (st instanceof Step.Lock l) {
        kind[i] = S_LOCK;
        arg[i] = lock.get(l.name());
      } else if (st instanceof Step.Unlock u) {
        kind[i] = S_UNLOCK;
        arg[i] = lock.get(u.name());
      }
      if (kind[i] == S_TOUCH && p >= 0) {
        arg[i] = Math.min(arg[i], procPages[p]);
      }
      if (kind[i] == S_TOUCH_PAGEABLE && k >= 0) {
        arg[i] = Math.min(arg[i], kextPageable[k]);
      }
      if (kind[i] == S_TOUCH_REGION) {
        arg[i] = Math.min(arg[i], regionPages[arg2[i]]);
      }
    }
    kinds.add(kind);
    args.add(arg);
    args2.add(arg2);
    sProc.add(p);
    sKext.add(k);
    sWork.add(workload);
    sName.add(name);
    return kinds.size() - 1;
  }

  private static void addThread(String name, String owner, int kind, int proc, AllocClass c, int pos,
      List<String> tName, List<String> tOwner, List<Integer> tKind, List<Integer> tProc,
      List<AllocClass> tClass, List<Integer> tPos) {
    tName.add(name);
    tOwner.add(owner);
    tKind.add(kind);
    tProc.add(proc);
    tClass.add(c);
    tPos.add(pos);
  }

  private static Map<String, Integer> index(List<String> names) {
    Map<String, Integer> m = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      m.put(names.get(i), i);
    }
    return m;
  }

  private static int require(Map<String, Integer> m, String name, String where) {
    Integer i = m.get(name);
    if (i == null) {
      throw new IllegalArgumentException(where + ": unknown name " + name);
    }
    return i;
  }

  /** Locks taken by one thread only: the workload of one process, or a one-thread server. */
  private static boolean[] privateLocks(Scenario s, String[] locks) {
    boolean[] out = new boolean[locks.length];
    for (int l = 0; l < locks.length; l++) {
      int users = 0;
      for (ProcessSpec p : s.processes()) {
        Set<String> w = new HashSet<>();
        collectLocks(p.workload(), w);
        users += w.contains(locks[l]) ? 1 : 0;
        Set<String> r = new HashSet<>();
        collectLocks(p.onRequest(), r);
        users += r.contains(locks[l]) ? Math.max(1, p.threads()) : 0;
      }
      for (KextSpec k : s.extensions()) {
        Set<String> r = new HashSet<>();
        collectLocks(k.onIo(), r);
        users += r.contains(locks[l]) ? 2 : 0;
      }
      out[l] = users <= 1;
    }
    return out;
  }

  private static void collectLocks(List<Step> steps, Set<String> out) {
    for (Step st : steps) {
      if (st instanceof Step.Lock l) {
        out.add(l.name());
      } else if (st instanceof Step.Unlock u) {
        out.add(u.name());
      }
    }
  }

  private static int maxTouch(List<Step> steps) {
    return steps.stream().mapToInt(st -> st instanceof Step.Touch t ? t.pages() : 0).max().orElse(0);
  }

  private static int maxRegionTouch(Scenario s, String region) {
    int max = 0;
    List<List<Step>> all = new ArrayList<>();
    s.processes().forEach(p -> {
      all.add(p.workload());
      all.add(p.onRequest());
    });
    s.extensions().forEach(k -> all.add(k.onIo()));
    for (List<Step> steps : all) {
      for (Step st : steps) {
        if (st instanceof Step.TouchRegion t && t.region().equals(region)) {
          max = Math.max(max, t.pages());
        }
      }
    }
    return max;
  }
}
