package dev.pagerlab.vmcore;

/**
 * Counters of one state.
 *
 * @param free free frames
 * @param resident pages resident (including those in flight)
 * @param swapped pages whose only copy is in a swap slot or with their pager
 * @param inFlight pages being written or read
 * @param slotsUsed swap slots in use over all files
 * @param slotsTotal swap slots in existing files
 * @param files swap files that exist
 * @param buffers frames held by requests in progress
 */
public record StateSummary(int free, int resident, int swapped, int inFlight, int slotsUsed, int slotsTotal,
    int files, int buffers) {}
