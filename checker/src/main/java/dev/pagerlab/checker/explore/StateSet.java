package dev.pagerlab.checker.explore;

/** Answers "seen before?" for 64-bit state fingerprints. */
public interface StateSet {
  /** Adds a fingerprint; returns true if it was not there before. */
  boolean add(long fingerprint);

  /** How many fingerprints are stored. */
  long size();
}
