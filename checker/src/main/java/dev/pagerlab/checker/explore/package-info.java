/**
 * Explicit-state exploration of the VM model: breadth-first search over state fingerprints
 * (so the first stuck state found has a shortest witness), wait-for graph analysis at stuck
 * states, and the bounds that turn an unfinished search into {@code safe-up-to-bound}.
 * The explorer never prints; progress goes to a listener.
 */
package dev.pagerlab.checker.explore;
