/**
 * Our own property-based search engine (no third-party PBT library): seeded, replayable
 * generators ({@link dev.pagerlab.checker.property.Rng}, {@link dev.pagerlab.checker.property.Gen}),
 * shrinkers ({@link dev.pagerlab.checker.property.Shrink}) and a JUnit-friendly
 * {@link dev.pagerlab.checker.property.PropertyRunner}; random schedule search over any
 * {@link dev.pagerlab.checker.property.TransitionSystem} with schedule shrinking to a minimal
 * witness; and scenario generation and shrinking over the spec records. Every result is a pure
 * function of the seed it was given, so any failure replays from the seed it prints.
 *
 * <p>Property suites ({@code *Properties}, tagged {@code property}) run with {@code ./mvnw test};
 * {@code -Dgroups=property} runs them alone. {@code -Dpagerlab.seed=N} replaces every suite's
 * fixed default seed, {@code -Dpagerlab.tries=F} multiplies every suite's tries, and
 * {@code -Dpagerlab.try=I} reruns a single try; a failure prints the exact line.
 *
 * <p>Schedules are lists of choice indices into {@code enabled(s)}; replay skips an index that
 * is out of range (see {@link dev.pagerlab.checker.property.ScheduleReplay}), so a shrunk
 * schedule means the same thing wherever it is replayed.
 */
package dev.pagerlab.checker.property;
