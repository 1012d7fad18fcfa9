/**
 * Static layering analysis, the checker's first oracle: a dependency graph of the pageout and
 * page-in paths (who waits on whom, through which layer, allocation, page-in or lock), and
 * every elementary cycle in it reported as a lockdep-style chain. It over-approximates: a chain
 * may be unreachable (the explorer decides that), but no cycle the explorer can reach is
 * missing. Pure and fast: no I/O, no threads, milliseconds per scenario. See docs/LAYERING.md.
 */
package dev.pagerlab.checker.layering;
