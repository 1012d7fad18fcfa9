package dev.pagerlab.vmcore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rules of SCENARIOS.md section 2 as code: which moves are enabled, what they do, and who
 * waits for whom. One {@link Exec} reads (and, when applying, writes) a copy of a state.
 *
 * <p>This file is long on purpose: it is the whole contract in one place, in the contract's
 * order (steps, the I/O path, userland servers, pageout and faults, the dynamic pager), so a
 * reader can check each rule against SCENARIOS.md and docs/SEMANTICS.md side by side. Each
 * move's check and its effect sit in the same method, guarded by {@code doIt}, so enabledness
 * and application cannot drift apart.
 */
final class Semantics {
  // Core vector: free frames, dynamic pager request, pages ever lost, then files, pages, locks.
  static final int LOST = 2;
  // Frame layout: six ints per frame.
  static final int FS = 6;
  static final int TYPE = 0;
  static final int PHASE = 1;
  static final int A = 2;
  static final int B = 3;
  static final int C = 4;
  static final int BUFS = 5;
  // Frame types.
  static final int F_STEPS = 1;
  static final int F_IO = 2;
  static final int F_SERVE = 3;
  static final int F_PAGEOUT = 4;
  static final int F_FAULT = 5;
  static final int F_RSERVE = 6;
  static final int F_DYN = 7;
  static final int F_RX = 8;
  // Page status (low 4 bits; the swap file + 1 above them).
  static final int ABSENT = 0;
  static final int DIRTY = 1;
  static final int CLEAN = 2;
  static final int OUT = 3;
  static final int WRITING = 4;
  static final int READING = 5;
  // File status (low 2 bits; slots used above them).
  static final int FILE_ABSENT = 0;
  static final int ACTIVE = 1;
  static final int DRAINING = 2;
  static final int CREATING = 3;
  // Dynamic pager requests.
  static final int DYN_NONE = 0;
  static final int DYN_CREATE = 1;
  static final int DYN_DRAIN = 2;
  static final int DYN_BUSY = 3;
  // I/O directions.
  static final int READ = 0;
  static final int WRITE = 1;
  // IO frame phases.
  static final int IO_ENTRY = 0;
  static final int IO_KEXT = 1;
  static final int IO_HAND = 2;
  static final int IO_AWAIT = 3;
  static final int IO_FSALLOC = 4;
  static final int IO_BELOW = 5;
  static final int IO_RX = 6;
  static final int IO_RXWAIT = 7;
  static final int IO_DISK = 8;
  // SERVE / RSERVE phases.
  static final int SV_STEPS = 0;
  static final int SV_BELOW = 1;
  static final int SV_REPLY_OK = 2;
  static final int SV_REPLY_ERR = 3;
  // PAGEOUT / FAULT phases.
  static final int PG_IO = 0;
  static final int PG_HAND = 1;
  static final int PG_AWAIT = 2;
  // DYN phases and kinds.
  static final int D_STEPS = 0;
  static final int D_CREATE = 1;
  static final int D_LOOP = 2;
  static final int D_READ = 3;
  static final int D_WRITE = 4;
  static final int KIND_CREATE = 1;
  static final int KIND_DRAIN = 2;
  // Results of act.
  static final int IDLE = 0;
  static final int RUN = 1;
  static final int BLOCK = 2;

  private final VmModel m;
  private final VmTransition[] runs;
  private final VmTransition[] evicts;
  private final boolean[] dynamicWorker;

  Semantics(VmModel m) {
    this.m = m;
    runs = new VmTransition[m.threads];
    for (int t = 0; t < m.threads; t++) {
      runs[t] = new VmTransition(t, VmTransition.RUN, 0);
    }
    dynamicWorker = new boolean[m.threads];
    for (int t = 0; t < m.threads; t++) {
      dynamicWorker[t] = m.threadKind[t] == VmModel.TK_WORKER && m.threadProc[t] == m.dynDaemon;
    }
    evicts = new VmTransition[m.pages];
    for (int p = 0; p < m.pages; p++) {
      evicts[p] = new VmTransition(0, VmTransition.EVICT, p);
    }
  }

  VmState initial() {
    int[] core = new int[m.coreLength];
    int used = m.kextWiredFrames;
    for (int p = 0; p < m.procName.length; p++) {
      for (int i = 0; i < m.procPages[p]; i++) {
        boolean present = i < m.procInitPages[p];
        core[m.pageOffset + m.procBase[p] + i] = present ? DIRTY : ABSENT;
        used += present ? 1 : 0;
      }
    }
    for (int k = 0; k < m.kextName.length; k++) {
      for (int i = 0; i < m.kextPageable[k]; i++) {
        core[m.pageOffset + m.kextBase[k] + i] = DIRTY;
        used++;
      }
    }
    for (int r = 0; r < m.regionName.length; r++) {
      for (int i = 0; i < m.regionPages[r]; i++) {
        int p = m.regionBase[r] + i;
        core[m.pageOffset + p] = OUT | ((m.pageFile[p] + 1) << 4);
      }
    }
    if (used > m.frames) {
      throw new IllegalArgumentException("memory.frames: " + m.frames + " frames cannot hold the " + used
          + " pages resident at start (process pages, kext wired and pageable pages)");
    }
    core[0] = m.frames - used;
    for (int f = 0; f < m.initialFiles; f++) {
      core[m.fileOffset + f] = ACTIVE;
    }
    for (int f = m.swapFiles; f < m.files; f++) {
      core[m.fileOffset + f] = ACTIVE | (m.fileCapacity[f] << 2);
    }
    int[][] stacks = new int[m.threads][];
    for (int t = 0; t < m.threads; t++) {
      stacks[t] = new int[0];
    }
    Exec x = new Exec(new VmState(core, stacks), true);
    for (int t = 0; t < m.threads; t++) {
      if (m.threadKind[t] == VmModel.TK_WORKLOAD) {
        x.startSteps(t, m.procWorkloadSeq[m.threadProc[t]]);
      }
    }
    x.normalizeDynamic();
    return x.state();
  }

  List<VmTransition> enabled(VmState s) {
    Exec x = new Exec(s, false);
    List<VmTransition> out = new ArrayList<>(4);
    for (int t = 0; t < m.threads; t++) {
      if (t == 0 && s.stacks[0].length == 0) {
        x.pageoutChoices(out);
        continue;
      }
      if (s.stacks[t].length == 0 && !dynamicWorker[t]) {
        continue;
      }
      if (x.act(t) == RUN) {
        out.add(runs[t]);
      }
      x.options(t, out);
    }
    return out;
  }

  VmState apply(VmState s, VmTransition tr) {
    Exec x = new Exec(s, true, false);
    x.move(tr);
    return x.state();
  }

  /**
   * Applies a transition in {@code s}'s own core, hands the successor to {@code sink}, then
   * writes every changed slot back: no copy of the core for a successor that is only
   * fingerprinted (or packed) and dropped. The caller must own {@code s} (no other thread reads
   * it meanwhile), and the sink must not keep the successor, whose core is {@code s}'s.
   */
  void applyTransient(VmState s, VmTransition tr, Consumer<VmState> sink) {
    Exec x = new Exec(s, true, true);
    try {
      x.move(tr);
      sink.accept(x.state());
    } finally {
      x.undo();
    }
  }

  String label(VmState s, VmTransition tr) {
    Exec x = new Exec(s, false);
    x.label = new StringBuilder();
    int t = tr.thread();
    switch (tr.kind()) {
      case VmTransition.RUN -> x.act(t);
      case VmTransition.EVICT -> x.label.append(x.evictLabel(tr.arg()));
      case VmTransition.EIO -> x.label.append(m.threadName[t]).append(": ").append(x.ioText(t))
          .append(" fails at ").append(m.pathId[x.topField(t, A)]).append(" (EIO)");
      case VmTransition.TIMEOUT -> x.label.append(m.threadName[t]).append(": ").append(x.ioText(t))
          .append(" times out waiting for ").append(m.procName[m.pathServer[x.topField(t, A)]]);
      default -> x.label.append("?");
    }
    return x.label.toString();
  }

  List<WaitFor> waits(VmState s, boolean explain) {
    Exec x = new Exec(s, false);
    x.wantWait = true;
    x.quiet = !explain;
    List<WaitFor> out = new ArrayList<>();
    for (int t = 0; t < m.threads; t++) {
      x.waitReason = null;
      if (t == 0 && s.stacks[0].length == 0) {
        x.pageoutIdleWait();
      } else if (x.act(t) == BLOCK && x.options(t, null) == 0) {
        // blocked with no alternative move
      } else {
        x.waitReason = null;
      }
      if (x.waitReason != null) {
        out.add(new WaitFor(t, x.waitReason, x.waitOn, x.waitBecause));
      }
    }
    return out;
  }

  boolean lostAny(VmState s) {
    return s.core[LOST] != 0;
  }

  List<String> lostPages(VmState s) {
    List<String> lost = new ArrayList<>();
    for (int p = 0; p < m.pages; p++) {
      int v = s.core[m.pageOffset + p];
      if (m.pageBacking[p] == VmModel.SWAP && (v & 15) == OUT && (v >> 4) == 0) {
        lost.add(m.pageName[p]);
      }
    }
    return lost;
  }

  StateSummary summary(VmState s) {
    int resident = 0;
    int swapped = 0;
    int inFlight = 0;
    for (int p = 0; p < m.pages; p++) {
      int st = s.core[m.pageOffset + p] & 15;
      resident += st == DIRTY || st == CLEAN || st == WRITING || st == READING ? 1 : 0;
      swapped += st == OUT ? 1 : 0;
      inFlight += st == WRITING || st == READING ? 1 : 0;
    }
    int used = 0;
    int total = 0;
    int files = 0;
    for (int f = 0; f < m.swapFiles; f++) {
      int v = s.core[m.fileOffset + f];
      if ((v & 3) == ACTIVE || (v & 3) == DRAINING) {
        files++;
        total += m.fileCapacity[f];
      }
      used += v >> 2;
    }
    int bufs = 0;
    for (int[] st : s.stacks) {
      for (int i = 0; i < st.length; i += FS) {
        bufs += st[i + BUFS];
      }
    }
    return new StateSummary(s.core[0], resident, swapped, inFlight, used, total, files, bufs);
  }

  void checkInvariants(VmState s) {
    StateSummary sum = summary(s);
    int used = m.kextWiredFrames + sum.resident() + sum.buffers();
    check(sum.free() >= 0, "free frames went negative: " + sum.free());
    check(sum.free() + used == m.frames, "frames do not add up: free " + sum.free() + " + used " + used
        + " != " + m.frames);
    int[] slots = new int[m.files];
    for (int p = 0; p < m.pages; p++) {
      int v = s.core[m.pageOffset + p];
      int st = v & 15;
      int f = (v >> 4) - 1;
      if (f >= 0) {
        check(m.pageBacking[p] == VmModel.SWAP, m.pageName[p] + " has a swap slot but is paged by a pager");
        check(st == CLEAN || st == OUT || st == WRITING || st == READING, m.pageName[p] + " is "
            + st + " with a slot");
        slots[f]++;
      }
      if (m.pageWired[p]) {
        check(st == DIRTY || st == ABSENT, "wired page " + m.pageName[p] + " left memory (status " + st + ")");
      }
    }
    for (int f = 0; f < m.files; f++) {
      int v = s.core[m.fileOffset + f];
      check(slots[f] == (v >> 2), "file " + m.fileName[f] + " counts " + (v >> 2) + " used slots but "
          + slots[f] + " pages hold one");
      check((v >> 2) <= m.fileCapacity[f], "file " + m.fileName[f] + " is over capacity");
    }
    check(lostPages(s).isEmpty(), "dirty pages lost: " + lostPages(s));
  }

  List<String> describe(VmState s) {
    Exec x = new Exec(s, false);
    x.wantWait = true;
    List<String> out = new ArrayList<>();
    for (int t = 0; t < m.threads; t++) {
      x.waitReason = null;
      x.label = new StringBuilder();
      int r;
      if (t == 0 && s.stacks[0].length == 0) {
        r = x.pageoutIdleWait() ? BLOCK : IDLE;
      } else {
        r = x.act(t);
      }
      String what = switch (r) {
        case RUN -> "can move: " + x.label;
        case BLOCK -> "blocked on " + x.waitReason.words() + ": " + x.waitBecause;
        default -> s.stacks[t].length == 0 && m.threadKind[t] == VmModel.TK_WORKLOAD ? "finished" : "idle";
      };
      out.add(m.threadName[t] + ": " + what);
    }
    return out;
  }

  List<String> changes(VmState a, VmState b) {
    List<String> out = new ArrayList<>();
    if (a.core[0] != b.core[0]) {
      out.add("free " + a.core[0] + " -> " + b.core[0]);
    }
    for (int p = 0; p < m.pages; p++) {
      int x = a.core[m.pageOffset + p];
      int y = b.core[m.pageOffset + p];
      if (x != y) {
        out.add(m.pageName[p] + " " + pageWords(x) + " -> " + pageWords(y));
      }
    }
    for (int f = 0; f < m.files; f++) {
      int x = a.core[m.fileOffset + f];
      int y = b.core[m.fileOffset + f];
      if ((x & 3) != (y & 3)) {
        out.add(m.fileName[f] + " " + FILE_WORDS[x & 3] + " -> " + FILE_WORDS[y & 3]);
      }
      if ((x >> 2) != (y >> 2)) {
        out.add(m.fileName[f] + " slots used " + (x >> 2) + " -> " + (y >> 2) + " of " + m.fileCapacity[f]);
      }
    }
    for (int l = 0; l < m.lockName.length; l++) {
      int x = a.core[m.lockOffset + l];
      int y = b.core[m.lockOffset + l];
      if (x != y) {
        out.add("lock " + m.lockName[l] + (y == 0 ? " released" : " held by " + m.threadName[(y - 1) >> 6]));
      }
    }
    if (a.core[1] != b.core[1]) {
      out.add("dynamic pager " + DYN_WORDS[a.core[1]] + " -> " + DYN_WORDS[b.core[1]]);
    }
    return out;
  }

  private static final String[] FILE_WORDS = {"absent", "active", "draining", "being created"};
  private static final String[] DYN_WORDS = {"idle", "asked for a file", "asked to drain", "busy"};
  private static final String[] PAGE_WORDS = {"unallocated", "resident dirty", "resident clean", "paged out",
      "being written", "being read"};

  private String pageWords(int v) {
    int f = (v >> 4) - 1;
    return PAGE_WORDS[v & 15] + (f >= 0 ? " (" + m.fileName[f] + ")" : "");
  }

  int touchedPage(VmState s, VmTransition tr) {
    int[] st = s.stacks[tr.thread()];
    if (tr.kind() != VmTransition.RUN || st.length == 0 || st[st.length - FS + TYPE] != F_STEPS) {
      return -1;
    }
    int f = st.length - FS;
    int seq = st[f + A];
    int idx = st[f + B];
    int sub = st[f + C];
    return switch (m.seqKind[seq][idx]) {
      case VmModel.S_TOUCH -> m.procBase[m.seqProc[seq]] + sub;
      case VmModel.S_TOUCH_PAGEABLE -> m.kextBase[m.seqKext[seq]] + sub;
      case VmModel.S_TOUCH_REGION -> m.regionBase[m.seqArg2[seq][idx]] + sub;
      default -> -1;
    };
  }

  /**
   * Whether a transition is local: it only advances its own thread over a step no other thread
   * can observe or change (a touch of a wired or unallocated page, a lock no other thread ever
   * takes), so it commutes with every other transition and is never disabled by one.
   */
  boolean isLocal(VmState s, VmTransition tr) {
    int[] st = s.stacks[tr.thread()];
    if (tr.kind() != VmTransition.RUN || st.length == 0 || st[st.length - FS + TYPE] != F_STEPS) {
      return false;
    }
    int f = st.length - FS;
    int seq = st[f + A];
    int idx = st[f + B];
    int kind = m.seqKind[seq][idx];
    if (kind == VmModel.S_LOCK || kind == VmModel.S_UNLOCK) {
      return m.lockPrivate[m.seqArg[seq][idx]];
    }
    if (kind == VmModel.S_TOUCH) {
      int page = m.procBase[m.seqProc[seq]] + st[f + C];
      int status = s.core[m.pageOffset + page] & 15;
      return status == ABSENT || m.pageWired[page] && status == DIRTY;
    }
    return false;
  }

  VmState prefetch(VmState s, int p) {
    int v = s.core[m.pageOffset + p];
    if ((v & 15) != OUT || (v >> 4) == 0 || s.core[0] - 1 < m.target) {
      return s;
    }
    int[] core = s.core.clone();
    core[0]--;
    core[m.pageOffset + p] = CLEAN | (v & ~15);
    return new VmState(core, s.stacks);
  }

  static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException("model invariant broken: " + what);
    }
  }

  /** Reads, and when {@code doIt} writes, one copy of a state. */
  final class Exec {
    final int[] core;
    final int[][] st;
    final boolean doIt;
    StringBuilder label;
    boolean wantWait;
    BlockReason waitReason;
    List<Integer> waitOn;
    String waitBecause;

    private final boolean[] owned;
    private long ownedBits;
    private long coreHash;
    private final VmState from;
    private long[] seenScratch;

    /** Old values of the slots written in place ({@code inPlace}): index, value, index, value... */
    private int[] undoLog;
    private int undoLength;

    Exec(VmState s, boolean doIt) {
      this(s, doIt, false);
    }

    Exec(VmState s, boolean doIt, boolean inPlace) {
      this.doIt = doIt;
      this.from = s;
      this.core = doIt && !inPlace ? s.core.clone() : s.core;
      this.undoLog = inPlace ? new int[16] : null;
      this.st = doIt ? s.stacks.clone() : s.stacks;
      this.owned = doIt && s.stacks.length > 64 ? new boolean[s.stacks.length] : null;
      this.coreHash = doIt ? s.coreHash() : 0;
    }

    /** Writes one core slot, keeping the core's incremental hash. */
    void put(int i, int v) {
      int old = core[i];
      if (old != v) {
        coreHash ^= VmState.slotHash(i, old) ^ VmState.slotHash(i, v);
        if (undoLog != null) {
          if (undoLength == undoLog.length) {
            undoLog = Arrays.copyOf(undoLog, undoLength * 2);
          }
          undoLog[undoLength++] = i;
          undoLog[undoLength++] = old;
        }
        core[i] = v;
      }
    }

    /** Writes back, newest first, every slot written in place. */
    void undo() {
      for (int k = undoLength - 2; k >= 0; k -= 2) {
        core[undoLog[k]] = undoLog[k + 1];
      }
      undoLength = 0;
    }

    /** Takes one transition (which must be enabled) and normalizes the dynamic pager. */
    void move(VmTransition tr) {
      switch (tr.kind()) {
        case VmTransition.RUN -> {
          if (act(tr.thread()) != RUN) {
            throw new IllegalStateException("not enabled: " + m.threadName[tr.thread()] + " cannot run");
          }
        }
        case VmTransition.EVICT -> evict(tr.arg());
        case VmTransition.EIO -> completeIo(tr.thread(), false);
        case VmTransition.TIMEOUT -> timeout(tr.thread());
        default -> throw new IllegalStateException("unknown transition kind " + tr.kind());
      }
      normalizeDynamic();
    }

    private boolean isOwned(int t) {
      return owned != null ? owned[t] : (ownedBits & (1L << t)) != 0;
    }

    private void markOwned(int t) {
      if (owned != null) {
        owned[t] = true;
      } else {
        ownedBits |= 1L << t;
      }
    }

    /** The thread's stack, copied once per transition before its first write. */
    int[] own(int t) {
      if (!isOwned(t)) {
        st[t] = st[t].clone();
        markOwned(t);
      }
      return st[t];
    }

    /** The written state, its hashes brought up to date from the state it was copied from. */
    VmState state() {
      long x = from.stackXor();
      if (owned == null) {
        for (long bits = ownedBits; bits != 0; bits &= bits - 1) {
          int t = Long.numberOfTrailingZeros(bits);
          x ^= VmState.stackHash(t, from.stacks[t]) ^ VmState.stackHash(t, st[t]);
        }
      } else {
        for (int t = 0; t < st.length; t++) {
          if (owned[t]) {
            x ^= VmState.stackHash(t, from.stacks[t]) ^ VmState.stackHash(t, st[t]);
          }
        }
      }
      return new VmState(core, st, coreHash, x);
    }

    // ---- reading ----

    int free() {
      return core[0];
    }

    int page(int p) {
      return core[m.pageOffset + p];
    }

    int status(int p) {
      return page(p) & 15;
    }

    int fileOf(int p) {
      return (page(p) >> 4) - 1;
    }

    int fileStatus(int f) {
      return core[m.fileOffset + f] & 3;
    }

    int used(int f) {
      return core[m.fileOffset + f] >> 2;
    }

    int top(int t) {
      return st[t].length - FS;
    }

    int topField(int t, int field) {
      return st[t][top(t) + field];
    }

    boolean frameAvailable(int t) {
      return m.threadClass[t] == AllocClass.PRIVILEGED ? free() > 0 : free() > m.reserved;
    }

    int lowestIdle(int proc) {
      for (int w : m.procWorkers[proc]) {
        if (st[w].length == 0) {
          return w;
        }
      }
      return -1;
    }

    int slotFile(int exclude) {
      for (int f = 0; f < m.swapFiles; f++) {
        if (f != exclude && fileStatus(f) == ACTIVE && used(f) < m.fileCapacity[f]) {
          return f;
        }
      }
      return -1;
    }

    int holder(int page) {
      for (int t = 0; t < m.threads; t++) {
        int[] s = st[t];
        for (int i = 0; i < s.length; i += FS) {
          int type = s[i + TYPE];
          if ((type == F_PAGEOUT || type == F_FAULT) && s[i + A] == page) {
            return t;
          }
          if (type == F_DYN && s[i + C] == page && (s[i + PHASE] == D_READ || s[i + PHASE] == D_WRITE)) {
            return t;
          }
        }
      }
      return -1;
    }

    boolean talk() {
      return label != null;
    }

    void say(String text) {
      if (label != null) {
        label.append(m.threadName[currentThread]).append(": ").append(text);
      }
    }

    int currentThread;

    int block(BlockReason reason, int[] on, String because) {
      if (wantWait) {
        waitReason = reason;
        List<Integer> l = new ArrayList<>();
        for (int t : on) {
          if (t >= 0) {
            l.add(t);
          }
        }
        waitOn = l;
        waitBecause = because;
      }
      return BLOCK;
    }

    boolean quiet;

    boolean explain() {
      return (wantWait && !quiet) || label != null;
    }

    String fileText(int f) {
      return f >= 0 ? m.fileName[f] : "its pager";
    }

    String ioText(int t) {
      int opfile = topField(t, B);
      return ((opfile & 1) == WRITE ? "write to " : "read from ") + m.fileName[opfile >> 1];
    }

    String frameWord(int t) {
      return m.threadClass[t] == AllocClass.PRIVILEGED ? "free=" + free() + ", privileged: blocks only at 0"
          : "free=" + free() + " <= reserved=" + m.reserved;
    }

    // ---- writing ----

    void setFree(int v) {
      put(0, v);
    }

    void setPage(int p, int status, int file) {
      put(m.pageOffset + p, status | ((file + 1) << 4));
      if (status == OUT && file < 0 && m.pageBacking[p] == VmModel.SWAP) {
        put(LOST, core[LOST] + 1);
      }
    }

    void setFile(int f, int status, int used) {
      put(m.fileOffset + f, status | (used << 2));
    }

    void addUsed(int f, int delta) {
      setFile(f, fileStatus(f), used(f) + delta);
    }

    void set(int t, int field, int v) {
      own(t)[top(t) + field] = v;
    }

    void push(int t, int type, int phase, int a, int b, int c) {
      int[] s = Arrays.copyOf(st[t], st[t].length + FS);
      int f = s.length - FS;
      s[f + TYPE] = type;
      s[f + PHASE] = phase;
      s[f + A] = a;
      s[f + B] = b;
      s[f + C] = c;
      st[t] = s;
      markOwned(t);
    }

    /** Pops the top frame and frees the buffers it held. */
    void pop(int t) {
      setFree(free() + topField(t, BUFS));
      st[t] = Arrays.copyOf(st[t], st[t].length - FS);
      markOwned(t);
    }

    // ---- the actions ----

    /** The thread's one deterministic next action: RUN (done if doIt), BLOCK or IDLE. */
    int act(int t) {
      currentThread = t;
      if (st[t].length == 0) {
        return idle(t);
      }
      return switch (topField(t, TYPE)) {
        case F_STEPS -> actSteps(t);
        case F_IO -> actIo(t);
        case F_SERVE -> actServe(t);
        case F_RSERVE -> actRserve(t);
        case F_PAGEOUT -> actPaging(t, true);
        case F_FAULT -> actPaging(t, false);
        case F_DYN -> actDynamic(t);
        case F_RX -> actRx(t);
        default -> throw new IllegalStateException("bad frame type");
      };
    }

    /** Alternative moves besides RUN (EIO, timeout); returns how many there are. */
    int options(int t, List<VmTransition> out) {
      if (st[t].length == 0 || topField(t, TYPE) != F_IO) {
        return 0;
      }
      int pos = topField(t, A);
      int phase = topField(t, PHASE);
      int n = 0;
      if (phase == IO_ENTRY && m.pathEio[pos]) {
        n++;
        if (out != null) {
          out.add(new VmTransition(t, VmTransition.EIO, 0));
        }
      }
      if ((phase == IO_HAND || phase == IO_AWAIT) && m.pathTimeout[pos]) {
        n++;
        if (out != null) {
          out.add(new VmTransition(t, VmTransition.TIMEOUT, 0));
        }
      }
      return n;
    }

    int idle(int t) {
      if (m.threadKind[t] == VmModel.TK_WORKER && m.threadProc[t] == m.dynDaemon
          && (core[1] == DYN_CREATE || core[1] == DYN_DRAIN) && lowestIdle(m.dynDaemon) == t) {
        boolean create = core[1] == DYN_CREATE;
        if (!doIt) {
          if (talk()) {
            say(create ? "takes the request for a new swap file" : "takes the request to drain the newest swap file");
          }
          return RUN;
        }
        put(1, DYN_BUSY);
        if (create) {
          int f = m.initialFiles;
          while (fileStatus(f) != FILE_ABSENT) {
            f++;
          }
          setFile(f, CREATING, 0);
          push(t, F_DYN, D_STEPS, KIND_CREATE, f, -1);
        } else {
          int f = m.swapFiles - 1;
          while (fileStatus(f) != ACTIVE) {
            f--;
          }
          setFile(f, DRAINING, used(f));
          push(t, F_DYN, D_STEPS, KIND_DRAIN, f, -1);
        }
        startSteps(t, m.procRequestSeq[m.threadProc[t]]);
        return RUN;
      }
      return IDLE;
    }

    // Steps.

    int actSteps(int t) {
      int seq = topField(t, A);
      int idx = topField(t, B);
      int sub = topField(t, C);
      int kind = m.seqKind[seq][idx];
      int n = m.seqArg[seq][idx];
      switch (kind) {
        case VmModel.S_ALLOC -> {
          if (!frameAvailable(t)) {
            return block(BlockReason.FRAME, new int[] {0}, explain()
                ? "allocating page " + (sub + 1) + " of " + n + " for " + m.seqName[seq] + " with " + frameWord(t) : null);
          }
          if (!doIt) {
            if (talk()) {
              say("allocates page " + (sub + 1) + " of " + n + (m.seqWorkload[seq] ? "" : " (busy until the request completes)")
                  + ", free " + free() + " -> " + (free() - 1));
            }
            return RUN;
          }
          setFree(free() - 1);
          if (m.seqWorkload[seq]) {
            int p = firstAbsent(m.seqProc[seq]);
            setPage(p, DIRTY, -1);
          } else {
            set(t, BUFS, topField(t, BUFS) + 1);
          }
          advanceSteps(t);
          return RUN;
        }
        case VmModel.S_TOUCH, VmModel.S_TOUCH_PAGEABLE, VmModel.S_TOUCH_REGION -> {
          int page = kind == VmModel.S_TOUCH ? m.procBase[m.seqProc[seq]] + sub
              : kind == VmModel.S_TOUCH_PAGEABLE ? m.kextBase[m.seqKext[seq]] + sub
              : m.regionBase[m.seqArg2[seq][idx]] + sub;
          return touch(t, page, kind == VmModel.S_TOUCH_REGION);
        }
        case VmModel.S_LOCK -> {
          int h = core[m.lockOffset + n];
          if (h != 0) {
            int holder = (h - 1) >> 6;
            return block(BlockReason.LOCK, new int[] {holder}, explain()
                ? "lock " + m.lockName[n] + " is held by " + m.threadName[holder] : null);
          }
          if (!doIt) {
            if (talk()) {
              say("takes lock " + m.lockName[n]);
            }
            return RUN;
          }
          put(m.lockOffset + n, ((t << 6) | (top(t) / FS)) + 1);
          advanceSteps(t);
          return RUN;
        }
        case VmModel.S_UNLOCK -> {
          if (!doIt) {
            if (talk()) {
              say("releases lock " + m.lockName[n]);
            }
            return RUN;
          }
          int h = core[m.lockOffset + n];
          if (h != 0 && ((h - 1) >> 6) == t) {
            put(m.lockOffset + n, 0);
          }
          advanceSteps(t);
          return RUN;
        }
        default -> throw new IllegalStateException("bad step kind " + kind);
      }
    }

    int touch(int t, int page, boolean dirty) {
      int status = status(page);
      switch (status) {
        case DIRTY, CLEAN, ABSENT -> {
          if (!doIt) {
            if (talk()) {
              say((dirty ? "touches and dirties " : "touches ") + m.pageName[page] + " (resident)");
            }
            return RUN;
          }
          if (dirty && status == CLEAN) {
            makeDirty(page);
          }
          advanceSteps(t);
          return RUN;
        }
        case WRITING, READING -> {
          int h = holder(page);
          return block(BlockReason.PAGE_IN_FLIGHT, new int[] {h}, explain()
              ? m.pageName[page] + " is in flight (" + (status == WRITING ? "being written" : "being read") + ")"
                  + (h >= 0 ? " by " + m.threadName[h] : "") : null);
        }
        default -> {
          if (!frameAvailable(t)) {
            return block(BlockReason.FRAME, new int[] {0}, explain()
                ? "faulting " + m.pageName[page] + " in needs a frame with " + frameWord(t) : null);
          }
          int f = fileOf(page);
          if (!doIt) {
            if (talk()) {
              say("faults on " + m.pageName[page] + ": takes a frame (free " + free() + " -> " + (free() - 1) + ") and "
                  + (m.pageBacking[page] == VmModel.SWAP ? "reads it from " + fileText(f)
                      : "asks its pager " + m.procName[m.pageBacking[page]]));
            }
            return RUN;
          }
          setFree(free() - 1);
          setPage(page, READING, f);
          push(t, F_FAULT, PG_IO, page, dirty ? 1 : 0, -1);
          enterFault(t);
          return RUN;
        }
      }
    }

    void makeDirty(int page) {
      int f = fileOf(page);
      if (f >= 0) {
        addUsed(f, -1);
      }
      setPage(page, DIRTY, -1);
    }

    /** The process's first unallocated page: workload pages are allocated in order, so a binary search. */
    int firstAbsent(int proc) {
      int lo = m.procBase[proc] + m.procInitPages[proc];
      int hi = m.procBase[proc] + m.procPages[proc];
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (status(mid) == ABSENT) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      if (lo == m.procBase[proc] + m.procPages[proc]) {
        throw new IllegalStateException("no page left to allocate for " + m.procName[proc]);
      }
      return lo;
    }

    /** Pushes a step sequence; if it is empty, reports it done to the frame below at once. */
    void startSteps(int t, int seq) {
      push(t, F_STEPS, 0, seq, 0, 0);
      normalizeSteps(t);
    }

    void advanceSteps(int t) {
      set(t, C, topField(t, C) + 1);
      normalizeSteps(t);
    }

    void normalizeSteps(int t) {
      int seq = topField(t, A);
      int idx = topField(t, B);
      int sub = topField(t, C);
      int[] kinds = m.seqKind[seq];
      while (idx < kinds.length && sub >= count(seq, idx)) {
        idx++;
        sub = 0;
      }
      if (idx >= kinds.length) {
        popSteps(t);
        childDone(t, true);
        return;
      }
      int[] s = own(t);
      s[top(t) + B] = idx;
      s[top(t) + C] = sub;
    }

    int count(int seq, int idx) {
      int k = m.seqKind[seq][idx];
      return k == VmModel.S_LOCK || k == VmModel.S_UNLOCK ? 1 : m.seqArg[seq][idx];
    }

    void popSteps(int t) {
      int depth = top(t) / FS;
      for (int l = 0; l < m.lockName.length; l++) {
        if (core[m.lockOffset + l] == ((t << 6) | depth) + 1) {
          put(m.lockOffset + l, 0);
        }
      }
      int bufs = topField(t, BUFS);
      st[t] = Arrays.copyOf(st[t], st[t].length - FS);
      markOwned(t);
      if (st[t].length > 0) {
        set(t, BUFS, topField(t, BUFS) + bufs);
      } else {
        setFree(free() + bufs);
      }
    }

    /** A child frame of {@code t} finished; the frame now on top continues. */
    void childDone(int t, boolean ok) {
      if (st[t].length == 0) {
        return;
      }
      switch (topField(t, TYPE)) {
        case F_STEPS -> advanceSteps(t);
        case F_IO -> {
          if (topField(t, PHASE) == IO_KEXT) {
            set(t, PHASE, IO_HAND);
          } else {
            belowDone(t, ok);
          }
        }
        case F_SERVE -> {
          if (topField(t, PHASE) == SV_STEPS) {
            serveStepsDone(t);
          } else {
            set(t, PHASE, ok ? SV_REPLY_OK : SV_REPLY_ERR);
          }
        }
        case F_RSERVE -> set(t, PHASE, SV_REPLY_OK);
        case F_PAGEOUT -> pageoutDone(t, ok);
        case F_FAULT -> faultDone(t, ok);
        case F_DYN -> dynamicChildDone(t, ok);
        default -> throw new IllegalStateException("frame cannot have a child");
      }
    }

    // I/O down the path.

    void pushIo(int t, int pos, int op, int file) {
      if (pos >= m.pathLength) {
        childDone(t, true);
        return;
      }
      push(t, F_IO, IO_ENTRY, pos, op | (file << 1), -1);
      if (!m.pathEio[pos]) {
        beginIo(t);
      }
    }

    void beginIo(int t) {
      int pos = topField(t, A);
      switch (m.pathKind[pos]) {
        case BLOCK -> set(t, PHASE, IO_DISK);
        case FILESYSTEM -> {
          set(t, PHASE, IO_FSALLOC);
          fsProgress(t);
        }
        case FUSE, DISKIMAGE -> {
          int seq = m.pathKextSeq[pos];
          if (seq >= 0 && m.seqKind[seq].length > 0) {
            set(t, PHASE, IO_KEXT);
            startSteps(t, seq);
          } else {
            set(t, PHASE, IO_HAND);
          }
        }
        case NETWORK -> {
          if (m.pathServer[pos] >= 0) {
            set(t, PHASE, IO_HAND);
          } else {
            descend(t);
          }
        }
        default -> throw new IllegalStateException("bad layer kind");
      }
    }

    boolean needsMetadata(int t) {
      int pos = topField(t, A);
      int opfile = topField(t, B);
      int f = opfile >> 1;
      boolean prealloc = f >= m.swapFiles || f < m.initialFiles && fileStatus(f) != CREATING ? m.filePreallocated[f]
          : fileStatus(f) == ACTIVE || fileStatus(f) == DRAINING;
      return (opfile & 1) == WRITE && !prealloc && topField(t, BUFS) < m.pathAllocPerWrite[pos];
    }

    void fsProgress(int t) {
      if (!needsMetadata(t)) {
        descend(t);
      }
    }

    void descend(int t) {
      int pos = topField(t, A);
      if (pos + 1 < m.pathLength) {
        set(t, PHASE, IO_BELOW);
        int opfile = topField(t, B);
        pushIo(t, pos + 1, opfile & 1, opfile >> 1);
      } else {
        belowDone(t, true);
      }
    }

    void belowDone(int t, boolean ok) {
      int pos = topField(t, A);
      if (m.pathKind[pos] == dev.pagerlab.vmcore.spec.LayerKind.NETWORK && ok) {
        rxStage(t);
      } else {
        completeIo(t, ok);
      }
    }

    void rxStage(int t) {
      if (m.pathAllocPerRequest[topField(t, A)] > 0) {
        set(t, PHASE, IO_RX);
      } else {
        completeIo(t, true);
      }
    }

    void completeIo(int t, boolean ok) {
      pop(t);
      childDone(t, ok);
    }

    int actIo(int t) {
      int pos = topField(t, A);
      String layer = m.pathId[pos];
      switch (topField(t, PHASE)) {
        case IO_ENTRY -> {
          if (!doIt) {
            if (talk()) {
              say(ioText(t) + " enters " + layer);
            }
            return RUN;
          }
          beginIo(t);
          return RUN;
        }
        case IO_DISK -> {
          if (!doIt) {
            if (talk()) {
              say(layer + " completes the " + ioText(t));
            }
            return RUN;
          }
          completeIo(t, true);
          return RUN;
        }
        case IO_FSALLOC -> {
          if (!frameAvailable(t)) {
            return block(BlockReason.FRAME, new int[] {0}, explain() ? layer + " allocates metadata page "
                + (topField(t, BUFS) + 1) + " of " + m.pathAllocPerWrite[pos] + " for a write into a not-preallocated file, with "
                + frameWord(t) : null);
          }
          if (!doIt) {
            if (talk()) {
              say(layer + " allocates metadata page " + (topField(t, BUFS) + 1) + " of " + m.pathAllocPerWrite[pos]
                  + " for the " + ioText(t) + ", free " + free() + " -> " + (free() - 1));
            }
            return RUN;
          }
          setFree(free() - 1);
          set(t, BUFS, topField(t, BUFS) + 1);
          fsProgress(t);
          return RUN;
        }
        case IO_HAND -> {
          int proc = m.pathServer[pos];
          int w = lowestIdle(proc);
          if (w < 0) {
            return block(BlockReason.DAEMON_THREAD, m.procWorkers[proc], explain()
                ? "every thread of " + m.procName[proc] + " is busy" : null);
          }
          if (!doIt) {
            if (talk()) {
              say("queues the " + ioText(t) + " to " + m.threadName[w] + " (" + layer + ")");
            }
            return RUN;
          }
          int opfile = topField(t, B);
          int[] s = own(t);
          s[top(t) + PHASE] = IO_AWAIT;
          s[top(t) + C] = w;
          push(w, F_SERVE, SV_STEPS, pos, opfile, t);
          startSteps(w, m.procRequestSeq[proc]);
          return RUN;
        }
        case IO_AWAIT, IO_RXWAIT -> {
          int w = topField(t, C);
          return block(BlockReason.IO_COMPLETION, new int[] {w}, explain()
              ? "its " + ioText(t) + " is being served by " + m.threadName[w] + " (" + layer + ")" : null);
        }
        case IO_RX -> {
          int r = m.pathRxThread[pos];
          if (st[r].length != 0) {
            return block(BlockReason.IO_COMPLETION, new int[] {r}, explain()
                ? "the receive path of " + layer + " is busy with another reply" : null);
          }
          if (!doIt) {
            if (talk()) {
              say("the reply to its " + ioText(t) + " arrives at " + layer + "'s receive path");
            }
            return RUN;
          }
          int[] s = own(t);
          s[top(t) + PHASE] = IO_RXWAIT;
          s[top(t) + C] = r;
          push(r, F_RX, 0, pos, topField(t, B), t);
          return RUN;
        }
        default -> throw new IllegalStateException("IO frame in phase " + topField(t, PHASE) + " is not on top");
      }
    }

    void timeout(int t) {
      if (topField(t, PHASE) == IO_AWAIT) {
        int w = topField(t, C);
        int[] s = own(w);
        s[C] = -1;
      }
      completeIo(t, false);
    }

    // Userland servers.

    void serveStepsDone(int w) {
      int pos = topField(w, A);
      if (pos + 1 < m.pathLength) {
        set(w, PHASE, SV_BELOW);
        int opfile = topField(w, B);
        pushIo(w, pos + 1, opfile & 1, opfile >> 1);
      } else {
        set(w, PHASE, SV_REPLY_OK);
      }
    }

    int actServe(int w) {
      boolean ok = topField(w, PHASE) == SV_REPLY_OK;
      int client = topField(w, C);
      if (!doIt) {
        if (talk()) {
          say((ok ? "replies " : "replies with an error ") + "to " + (client >= 0 ? m.threadName[client] : "a request that timed out"));
        }
        return RUN;
      }
      pop(w);
      if (client >= 0) {
        int pos = topField(client, A);
        if (m.pathKind[pos] == dev.pagerlab.vmcore.spec.LayerKind.NETWORK && ok) {
          rxStage(client);
        } else {
          completeIo(client, ok);
        }
      }
      return RUN;
    }

    int actRserve(int w) {
      int page = topField(w, A);
      boolean write = topField(w, B) == WRITE;
      int client = topField(w, C);
      if (!doIt) {
        if (talk()) {
          say(write ? "accepts the data return of " + m.pageName[page] : "supplies " + m.pageName[page]);
        }
        return RUN;
      }
      pop(w);
      if (client >= 0) {
        if (write) {
          pageoutDone(client, true);
        } else {
          faultDone(client, true);
        }
      }
      return RUN;
    }

    int actRx(int r) {
      int pos = topField(r, A);
      int n = m.pathAllocPerRequest[pos];
      int have = topField(r, BUFS);
      if (!frameAvailable(r)) {
        return block(BlockReason.FRAME, new int[] {0}, explain()
            ? "receiving needs buffer " + (have + 1) + " of " + n + " with " + frameWord(r) : null);
      }
      if (!doIt) {
        if (talk()) {
          say("allocates receive buffer " + (have + 1) + " of " + n + ", free " + free() + " -> " + (free() - 1)
              + (have + 1 == n ? ", and completes the reply" : ""));
        }
        return RUN;
      }
      setFree(free() - 1);
      set(r, BUFS, have + 1);
      if (have + 1 == n) {
        int client = topField(r, C);
        pop(r);
        completeIo(client, true);
      }
      return RUN;
    }

    // Pageout and faults.

    void pageoutChoices(List<VmTransition> out) {
      if (free() >= m.target) {
        return;
      }
      long[] seen = seenScratch;
      if (seen == null) {
        seen = new long[16];
        seenScratch = seen;
      }
      int nseen = 0;
      boolean slot = slotFile(-1) >= 0;
      for (int p = 0; p < m.pages; p++) {
        if (m.pageWired[p]) {
          continue;
        }
        int v = page(p);
        int status = v & 15;
        boolean eligible = status == CLEAN
            || status == DIRTY && (m.pageBacking[p] != VmModel.SWAP || slot || m.pageFile[p] >= 0);
        if (!eligible) {
          continue;
        }
        long key = ((long) m.pageSym[p] << 32) | v;
        boolean dup = false;
        for (int i = 0; i < nseen; i++) {
          if (seen[i] == key) {
            dup = true;
            break;
          }
        }
        if (dup) {
          continue;
        }
        if (nseen == seen.length) {
          seen = Arrays.copyOf(seen, nseen * 2);
          seenScratch = seen;
        }
        seen[nseen++] = key;
        out.add(evicts[p]);
      }
    }

    /** At an idle pageout thread: records a swap-slot wait if it has work but no slot. */
    boolean pageoutIdleWait() {
      if (free() >= m.target) {
        return false;
      }
      List<VmTransition> choices = new ArrayList<>();
      pageoutChoices(choices);
      if (!choices.isEmpty()) {
        return false;
      }
      for (int p = 0; p < m.pages; p++) {
        if (!m.pageWired[p] && status(p) == DIRTY && m.pageBacking[p] == VmModel.SWAP && m.pageFile[p] < 0) {
          currentThread = 0;
          block(BlockReason.SWAP_SLOT, m.dynDaemon >= 0 ? m.procWorkers[m.dynDaemon] : new int[0], explain()
              ? "no swap slot is free for dirty page " + m.pageName[p]
                  + (m.dynDaemon >= 0 ? "; the dynamic pager " + m.procName[m.dynDaemon] + " must add a file"
                      : " and there is no dynamic pager") : null);
          return true;
        }
      }
      return false;
    }

    String evictLabel(int p) {
      int status = status(p);
      String who = "pageout: ";
      if (status == CLEAN) {
        return who + "frees clean page " + m.pageName[p] + " (its copy in " + fileText(fileOf(p)) + " is valid), free "
            + free() + " -> " + (free() + 1);
      }
      if (m.pageFile[p] >= 0) {
        return who + "starts writing dirty page " + m.pageName[p] + " back to its file " + m.fileName[m.pageFile[p]]
            + " (vnode pager)";
      }
      if (m.pageBacking[p] == VmModel.SWAP) {
        return who + "starts writing dirty page " + m.pageName[p] + " to " + m.fileName[slotFile(-1)];
      }
      return who + "returns dirty page " + m.pageName[p] + " to its pager " + m.procName[m.pageBacking[p]];
    }

    void evict(int p) {
      currentThread = 0;
      if (status(p) == CLEAN) {
        setPage(p, OUT, fileOf(p));
        setFree(free() + 1);
      } else if (m.pageBacking[p] == VmModel.SWAP) {
        int f = m.pageFile[p] >= 0 ? m.pageFile[p] : slotFile(-1);
        addUsed(f, 1);
        setPage(p, WRITING, f);
        push(0, F_PAGEOUT, PG_IO, p, f, -1);
        pushIo(0, 0, WRITE, f);
      } else {
        setPage(p, WRITING, -1);
        push(0, F_PAGEOUT, PG_HAND, p, -1, -1);
      }
    }

    void enterFault(int t) {
      int page = topField(t, A);
      if (m.pageBacking[page] == VmModel.SWAP) {
        pushIo(t, 0, READ, fileOf(page));
      } else {
        set(t, PHASE, PG_HAND);
      }
    }

    int actPaging(int t, boolean pageout) {
      int page = topField(t, A);
      int proc = m.pageBacking[page];
      if (topField(t, PHASE) == PG_AWAIT) {
        int w = topField(t, C);
        return block(BlockReason.IO_COMPLETION, new int[] {w}, explain()
            ? (pageout ? "the data return of " : "the data request for ") + m.pageName[page] + " is with " + m.threadName[w] : null);
      }
      int w = lowestIdle(proc);
      if (w < 0) {
        return block(BlockReason.DAEMON_THREAD, m.procWorkers[proc], explain()
            ? "every thread of pager " + m.procName[proc] + " is busy" : null);
      }
      if (!doIt) {
        if (talk()) {
          say((pageout ? "sends the data return of " : "sends the data request for ") + m.pageName[page] + " to " + m.threadName[w]);
        }
        return RUN;
      }
      int[] s = own(t);
      s[top(t) + PHASE] = PG_AWAIT;
      s[top(t) + C] = w;
      push(w, F_RSERVE, SV_STEPS, page, pageout ? WRITE : READ, t);
      startSteps(w, m.procRequestSeq[proc]);
      return RUN;
    }

    void pageoutDone(int t, boolean ok) {
      int page = topField(t, A);
      int f = topField(t, B);
      if (ok) {
        setPage(page, OUT, f);
        setFree(free() + 1);
      } else {
        setPage(page, DIRTY, -1);
        if (f >= 0) {
          addUsed(f, -1);
        }
      }
      pop(t);
    }

    void faultDone(int t, boolean ok) {
      int page = topField(t, A);
      boolean dirty = topField(t, B) == 1;
      int f = fileOf(page);
      if (ok) {
        setPage(page, CLEAN, f);
        if (dirty) {
          makeDirty(page);
        }
      } else {
        setPage(page, OUT, f);
        setFree(free() + 1);
      }
      pop(t);
      childDone(t, ok);
    }

    // The dynamic pager.

    void normalizeDynamic() {
      if (m.dynDaemon < 0 || core[1] != DYN_NONE) {
        return;
      }
      int n = 0;
      long used = 0;
      long total = 0;
      for (int f = 0; f < m.swapFiles; f++) {
        int s = fileStatus(f);
        if (s == ACTIVE || s == DRAINING) {
          n++;
          total += m.fileCapacity[f];
        }
        used += used(f);
      }
      if (n < m.maxFiles && used >= m.highWater * total) {
        put(1, DYN_CREATE);
      } else if (n > 1 && used < m.lowWater * total) {
        put(1, DYN_DRAIN);
      }
    }

    void dynamicChildDone(int t, boolean ok) {
      int kind = topField(t, A);
      int f = topField(t, B);
      int page = topField(t, C);
      switch (topField(t, PHASE)) {
        case D_STEPS -> {
          if (kind == KIND_CREATE) {
            set(t, PHASE, D_CREATE);
            pushIo(t, 0, WRITE, f);
          } else {
            set(t, PHASE, D_LOOP);
          }
        }
        case D_CREATE -> {
          setFile(f, ok ? ACTIVE : FILE_ABSENT, 0);
          put(1, DYN_NONE);
          pop(t);
        }
        case D_READ -> {
          if (!ok) {
            setPage(page, OUT, f);
            setFree(free() + 1);
            abortDrain(t, f);
            return;
          }
          int g = slotFile(f);
          addUsed(f, -1);
          if (g < 0) {
            setPage(page, DIRTY, -1);
            set(t, PHASE, D_LOOP);
            return;
          }
          addUsed(g, 1);
          setPage(page, WRITING, g);
          set(t, PHASE, D_WRITE);
          pushIo(t, 0, WRITE, g);
        }
        case D_WRITE -> {
          int g = fileOf(page);
          if (ok) {
            setPage(page, OUT, g);
            setFree(free() + 1);
          } else {
            addUsed(g, -1);
            setPage(page, DIRTY, -1);
          }
          set(t, PHASE, D_LOOP);
        }
        default -> throw new IllegalStateException("bad dynamic pager phase");
      }
    }

    void abortDrain(int t, int f) {
      setFile(f, ACTIVE, used(f));
      put(1, DYN_NONE);
      pop(t);
    }

    int actDynamic(int t) {
      int f = topField(t, B);
      String file = m.fileName[f];
      int busy = -1;
      for (int p = 0; p < m.pages; p++) {
        if (fileOf(p) != f) {
          continue;
        }
        int status = status(p);
        if (status == OUT) {
          if (slotFile(f) < 0) {
            if (!doIt) {
              if (talk()) {
                say("gives up draining " + file + ": no other file has a free slot");
              }
              return RUN;
            }
            abortDrain(t, f);
            return RUN;
          }
          if (!frameAvailable(t)) {
            return block(BlockReason.FRAME, new int[] {0}, explain()
                ? "moving " + m.pageName[p] + " out of " + file + " needs a frame with " + frameWord(t) : null);
          }
          if (!doIt) {
            if (talk()) {
              say("reads " + m.pageName[p] + " from " + file + " to move it to another file");
            }
            return RUN;
          }
          setFree(free() - 1);
          setPage(p, READING, f);
          int[] s = own(t);
          s[top(t) + PHASE] = D_READ;
          s[top(t) + C] = p;
          pushIo(t, 0, READ, f);
          return RUN;
        }
        if (status == CLEAN) {
          if (!doIt) {
            if (talk()) {
              say("drops the copy of resident page " + m.pageName[p] + " in " + file);
            }
            return RUN;
          }
          makeDirty(p);
          return RUN;
        }
        busy = p;
      }
      if (busy >= 0) {
        int h = holder(busy);
        return block(BlockReason.PAGE_IN_FLIGHT, new int[] {h}, explain()
            ? m.pageName[busy] + " in " + file + " is in flight" + (h >= 0 ? " with " + m.threadName[h] : "") : null);
      }
      if (!doIt) {
        if (talk()) {
          say("deletes the drained swap file " + file);
        }
        return RUN;
      }
      setFile(f, FILE_ABSENT, 0);
      put(1, DYN_NONE);
      pop(t);
      return RUN;
    }
  }
}
