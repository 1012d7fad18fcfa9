package dev.pagerlab.vmcore.spec;

/**
 * Physical memory: frames and the two watermarks.
 *
 * @param frames physical page frames
 * @param reserved frames only privileged allocations may take
 * @param target pageout runs while free frames are below it
 */
public record MemorySpec(int frames, int reserved, int target) {}
