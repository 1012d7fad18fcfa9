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

  /** The hash of one core slot holding one value; the core hash is the XOR over all slots. */
  static long slotHash(int index, int value) {
    long h = index * 0x9E3779B97F4A7C15L + (value & 0xffffffffL) * 0xC2B2AE3D27D4EB4FL + 0x165667B19E3779F9L;
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

  /** A 64-bit fingerprint of the canonical encoding, computed once. */
  public long fingerprint() {
    if (!hashed) {
      long h = coreHash();
      for (int[] s : stacks) {
        h = hash(h ^ (s.length * 0xC2B2AE3D27D4EB4FL), s);
      }
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
    int n = core.length + stacks.length;
    for (int[] s : stacks) {
      n += s.length;
    }
    int[] out = new int[n];
    System.arraycopy(core, 0, out, 0, core.length);
    int at = core.length;
    for (int[] s : stacks) {
      out[at++] = s.length;
      System.arraycopy(s, 0, out, at, s.length);
      at += s.length;
    }
    return out;
  }

  /** Rebuilds a state from {@link #encode()} given the model's core length and thread count. */
  public static VmState decode(int[] packed, int coreLength, int threads) {
    int[] core = Arrays.copyOf(packed, coreLength);
    int[][] stacks = new int[threads][];
    int at = coreLength;
    for (int t = 0; t < threads; t++) {
      int len = packed[at++];
      stacks[t] = Arrays.copyOfRange(packed, at, at + len);
      at += len;
    }
    return new VmState(core, stacks);
  }

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
