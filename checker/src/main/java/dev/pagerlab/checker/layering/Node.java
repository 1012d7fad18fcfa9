package dev.pagerlab.checker.layering;

import java.util.Optional;

/**
 * One node of the dependency graph.
 *
 * @param index position in creation order; chains start at their lowest index
 * @param key unique key (may carry qualifiers the label leaves out)
 * @param label what a reader sees in a chain, e.g. {@code layer:fuse0@fused}
 * @param owner the thread group whose thread the node stands for, if it stands for one
 * @param userland whether that thread belongs to a process that serves requests
 */
record Node(int index, String key, String label, Optional<Context> owner, boolean userland) {}
