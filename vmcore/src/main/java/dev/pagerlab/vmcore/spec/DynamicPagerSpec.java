package dev.pagerlab.vmcore.spec;

/**
 * The dynamic pager: a userland process that adds swap files above high water and drains
 * the newest below low water.
 *
 * @param daemon the process that creates and drains files
 * @param highWater fraction of all slots in use at or above which one more file is asked for
 * @param lowWater fraction strictly below which the newest file is drained and deleted
 * @param fileSlots slots in each file it creates
 * @param maxFiles files at most, the initial ones included
 */
public record DynamicPagerSpec(String daemon, double highWater, double lowWater, int fileSlots, int maxFiles) {}
