/**
 * The deterministic VM model: page frames and watermarks, the pageout daemon, the default
 * (swap), vnode-like and external pagers, the dynamic pager and the layered I/O stack, as a
 * transition system. A {@link dev.pagerlab.vmcore.VmState} is a value; {@link
 * dev.pagerlab.vmcore.VmModel#enabled} lists what can happen next and {@link
 * dev.pagerlab.vmcore.VmModel#apply} makes it happen. No I/O, no clocks, no threads, no
 * hidden randomness: every choice is a transition, and the simulator's schedule comes from a seed
 * passed in.
 */
package dev.pagerlab.vmcore;
