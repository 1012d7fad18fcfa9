package dev.pagerlab.fusefs;

import java.util.Arrays;

/**
 * Open-file handles: small non-negative numbers mapping to values. Lookups are lock-free and
 * allocation-free; open and release synchronize.
 */
final class HandleTable<T> {

  private volatile Object[] slots = new Object[64];
  private int next;

  /** Stores {@code value} and returns its handle. */
  synchronized long add(T value) {
    Object[] s = slots;
    for (int i = 0; i < s.length; i++) {
      int slot = (next + i) % s.length;
      if (s[slot] == null) {
        s[slot] = value;
        next = slot + 1;
        slots = s;
        return slot;
      }
    }
    Object[] grown = Arrays.copyOf(s, s.length * 2);
    grown[s.length] = value;
    next = s.length + 1;
    slots = grown;
    return s.length;
  }

  /** The value for {@code handle}, or null. */
  @SuppressWarnings("unchecked")
  T get(long handle) {
    Object[] s = slots;
    return handle >= 0 && handle < s.length ? (T) s[(int) handle] : null;
  }

  /** Forgets {@code handle}; returns its value or null. */
  synchronized T remove(long handle) {
    T value = get(handle);
    if (value != null) {
      Object[] s = slots;
      s[(int) handle] = null;
      slots = s;
    }
    return value;
  }

  /** Every value still open. */
  synchronized java.util.List<T> values() {
    java.util.List<T> out = new java.util.ArrayList<>();
    for (int i = 0; i < slots.length; i++) {
      T v = get(i);
      if (v != null) {
        out.add(v);
      }
    }
    return out;
  }
}
