package dev.pagerlab.checker;

/**
 * One known mitigation applied to a scenario.
 *
 * @param kind what is changed: {@code wire-daemon}, {@code io-flusher}, {@code preallocate},
 *     {@code memalloc}, {@code larger-reserve}, {@code wire-kext}, {@code second-thread}
 * @param target the process, file, layer or kext it applies to ({@code memory} for the reserve)
 * @param text one sentence for a reader, e.g. "mlockall the FUSE daemon fused"
 */
public record Mitigation(String kind, String target, String text) {}
