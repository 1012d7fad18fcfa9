package dev.pagerlab.vmcore.spec;

import java.util.Optional;

/**
 * One layer of the I/O stack.
 *
 * @param id layer id
 * @param kind what the layer does with a request
 * @param server the process serving requests: {@code daemon} of a fuse or network layer,
 *     {@code helper} of a diskimage layer; empty for kernel layers
 * @param kext the kernel extension whose {@code onIo} runs for every request (fuse, diskimage)
 * @param below the layer under this one, if any
 * @param allocPerWrite filesystem: pages a write into a not-preallocated file allocates
 * @param allocPerRequest network: pages the receive path allocates per request
 * @param memalloc network: receive-path allocations are privileged
 * @param eio every request through this layer may fail with EIO
 * @param timeout an extension: a request waiting on this layer's userland server may give up
 *     with an error instead of waiting forever (macFUSE daemon_timeout, NFS soft mounts)
 */
public record LayerSpec(
    String id,
    LayerKind kind,
    Optional<String> server,
    Optional<String> kext,
    Optional<String> below,
    int allocPerWrite,
    int allocPerRequest,
    boolean memalloc,
    boolean eio,
    boolean timeout) {}
