package dev.pagerlab.vmcore;

import java.util.Arrays;

/**
 * One state of the model, as a value: a fixed core vector (free frames, dynamic pager, files,
 * pages, locks) and one frame stack per thread, all primitive ints in a canonical order.
 * Instances are never mutated once handed out; equal states have equal fingerprints.
 */
public final class VmState {
  final int[] core;
  final int[][] stacks;
  private long fingerprint;
  private boolean hashed;
  private long coreHash;
  private boolean coreHashed;
  private long stackXor;
  private boolean stackXorKnown;

  VmState(int[] core, int[][] stacks) {
    this.core = core;
    this.stacks = stacks;
  }

  /** A state whose core hash the caller kept up to date while writing the core. */
  VmState(int[] core, int[][] stacks, long coreHash) {
    this(core, stacks);
    this.coreHash = coreHash;
    this.coreHashed = true;
  }

  /** A state whose core hash and stack hash the caller kept up to date. */
  VmState(int[] core, int[][] stacks, long coreHash, long stackXor) {
    this(core, stacks, coreHash);
    this.stackXor = stackXor;
    this.stackXorKnown = true;
  }

  /** The hash of one core slot holding one value; the core hash is the XOR over all slots. */
  static long slotHash(int index, int value) {
    return mix(index * 0x9E3779B97F4A7C15L + (value & 0xffffffffL) * 0xC2B2AE3D27D4EB4FL + 0x165667B19E3779F9L);
  }

  /** MurmurHash3's 64-bit finalizer: every input bit reaches every output bit. */
  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }

  /** The XOR of every core slot's hash, kept incrementally by transitions (Zobrist hashing). */
  long coreHash() {
    if (!coreHashed) {
      long h = 0;
      for (int i = 0; i < core.length; i++) {
        h ^= slotHash(i, core[i]);
      }
      coreHash = h;
      coreHashed = true;
    }
    return coreHash;
  }

  /**
   * The XOR of every thread's stack hash: a transition rehashes only the stacks it wrote
   * ({@link #stackHash}), not all of them.
   */
  long stackXor() {
    if (!stackXorKnown) {
      long h = 0;
      for (int t = 0; t < stacks.length; t++) {
        h ^= stackHash(t, stacks[t]);
      }
      stackXor = h;
      stackXorKnown = true;
    }
    return stackXor;
  }

  /** The hash of thread {@code t}'s stack: seeded by the thread and its length, fully mixed. */
  static long stackHash(int t, int[] s) {
    return mix(hash((t + 1) * 0xD6E8FEB86659FD93L ^ s.length * 0xC2B2AE3D27D4EB4FL, s));
  }

  /** A 64-bit fingerprint of the canonical encoding, computed once. */
  public long fingerprint() {
    if (!hashed) {
      long h = coreHash() ^ stackXor();
      h ^= h >>> 33;
      h *= 0xff51afd7ed558ccdL;
      fingerprint = h ^ (h >>> 33);
      hashed = true;
    }
    return fingerprint;
  }

  /** Folds ints into a hash two at a time (one multiply per pair). */
  private static long hash(long h, int[] v) {
    int i = 0;
    for (; i + 1 < v.length; i += 2) {
      long pair = ((long) v[i] << 32) | (v[i + 1] & 0xffffffffL);
      h = Long.rotateLeft(h ^ (pair * 0x9E3779B97F4A7C15L), 27) * 0x94D049BB133111EBL;
    }
    if (i < v.length) {
      h = Long.rotateLeft(h ^ ((v[i] & 0xffffffffL) * 0x9E3779B97F4A7C15L), 27) * 0x94D049BB133111EBL;
    }
    return h;
  }

  /** The compact canonical encoding: core, then each stack's length and contents. */
  public int[] encode() {
    int[] out = new int[encodedLength()];
    encodeInto(out, 0);
    return out;
  }

  private int encodedLength() {
    int n = core.length + stacks.length;
    for (int[] s : stacks) {
      n += s.length;
    }
    return n;
  }

  /** Writes {@link #encode()} at {@code at}; returns the index after it. */
  private int encodeInto(int[] dst, int at) {
    System.arraycopy(core, 0, dst, at, core.length);
    at += core.length;
    for (int[] s : stacks) {
      dst[at++] = s.length;
      System.arraycopy(s, 0, dst, at, s.length);
      at += s.length;
    }
    return at;
  }

  /** Rebuilds a state from {@link #encode()} given the model's core length and thread count. */
  public static VmState decode(int[] packed, int coreLength, int threads) {
    return new VmState(Arrays.copyOf(packed, coreLength), stacksAt(packed, coreLength, threads));
  }

  /** The thread stacks of an encoding, starting at {@code at} (just after the core). */
  private static int[][] stacksAt(int[] src, int at, int threads) {
    int[][] stacks = new int[threads][];
    for (int t = 0; t < threads; t++) {
      int len = src[at++];
      stacks[t] = len == 0 ? EMPTY : Arrays.copyOfRange(src, at, at + len);
      at += len;
    }
    return stacks;
  }

  /** Ints {@link #packInto} writes: the encoding plus the two hashes, so unpacking need not rehash. */
  public int packedLength() {
    return encodedLength() + 4;
  }

  /** Writes {@link #packedLength()} ints at {@code at}: the two hashes, then {@link #encode()}. */
  public void packInto(int[] dst, int at) {
    long h = coreHash();
    long x = stackXor();
    dst[at] = (int) (h >>> 32);
    dst[at + 1] = (int) h;
    dst[at + 2] = (int) (x >>> 32);
    dst[at + 3] = (int) x;
    encodeInto(dst, at + 4);
  }

  /** Rebuilds a state that {@link #packInto} wrote at {@code at}. */
  public static VmState unpack(int[] src, int at, int coreLength, int threads) {
    return unpack(src, at, threads, new int[coreLength]);
  }

  /**
   * Rebuilds a state that {@link #packInto} wrote at {@code at}, with {@code core} (of the
   * model's core length) as its core: a search that expands one state at a time reuses one
   * array instead of allocating one per state. The caller must not reuse the array while the
   * state is in use.
   */
  public static VmState unpack(int[] src, int at, int threads, int[] core) {
    long h = ((long) src[at] << 32) | (src[at + 1] & 0xffffffffL);
    long x = ((long) src[at + 2] << 32) | (src[at + 3] & 0xffffffffL);
    System.arraycopy(src, at + 4, core, 0, core.length);
    return new VmState(core, stacksAt(src, at + 4 + core.length, threads), h, x);
  }

  private static final int[] EMPTY = new int[0];

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof VmState other)) {
      return false;
    }
    return fingerprint() == other.fingerprint()
        && Arrays.equals(core, other.core)
        && Arrays.deepEquals(stacks, other.stacks);
  }

  @Override
  public int hashCode() {
    return (int) (fingerprint() ^ (fingerprint() >>> 32));
  }
}
