package dev.pagerlab.vmcore.spec;

/**
 * A swap file that exists at start.
 *
 * @param name file name
 * @param slots page slots it holds
 * @param preallocated whether its blocks are allocated, so writes need no filesystem metadata
 */
public record SwapFileSpec(String name, int slots, boolean preallocated) {}
