/**
 * Our own property-based search engine (no third-party PBT library): seeded, replayable
 * generators ({@link dev.pagerlab.checker.property.Rng}, {@link dev.pagerlab.checker.property.Gen}),
 * shrinkers ({@link dev.pagerlab.checker.property.Shrink}) and a JUnit-friendly
 * {@link dev.pagerlab.checker.property.PropertyRunner}; random schedule search over any
 * {@link dev.pagerlab.checker.property.TransitionSystem} with schedule shrinking to a minimal
 * witness; and scenario generation and shrinking over the spec records. Every result is a pure
 * function of the seed it was given, so any failure replays from the seed it prints.
 */
package dev.pagerlab.checker.property;
