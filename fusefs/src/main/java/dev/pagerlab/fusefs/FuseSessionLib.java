package dev.pagerlab.fusefs;

import jnr.ffi.Pointer;
import jnr.ffi.Struct;

/**
 * The part of libfuse 2's API below fuse_main that lets Java threads run the request loop:
 * fuse_setup mounts and builds the session, workers receive and process requests, fuse_teardown
 * unmounts and destroys. jnr-fuse only exposes fuse_main_real, whose multithreaded loop runs on
 * native threads that each call into the JVM.
 */
public interface FuseSessionLib {

  /** fuse_setup(3): parses argv, mounts, creates the filesystem; null on failure. */
  Pointer fuse_setup(int argc, String[] argv, Struct operations, long size, Pointer mountpoint,
      Pointer multithreaded, Pointer userData);

  /** fuse_teardown(3): unmounts and destroys. */
  void fuse_teardown(Pointer fuse, Pointer mountpoint);

  /** The session of a filesystem. */
  Pointer fuse_get_session(Pointer fuse);

  /** The next channel of a session (the first if {@code ch} is null). */
  Pointer fuse_session_next_chan(Pointer session, Pointer ch);

  /** The buffer size a channel needs for one request. */
  long fuse_chan_bufsize(Pointer ch);

  /** The file descriptor of a channel (/dev/fuse). */
  int fuse_chan_fd(Pointer ch);

  /** Blocks for one request; returns its size, 0 at the end, or -errno. */
  int fuse_session_receive_buf(Pointer session, Pointer buf, Pointer chp);

  /** Serves one received request (calls the filesystem's operation). */
  void fuse_session_process_buf(Pointer session, Pointer buf, Pointer ch);

  /** Whether the session has been told to exit. */
  int fuse_session_exited(Pointer session);

  /** fuse_kern_chan_new: a channel that reads and writes requests on {@code fd}. */
  Pointer fuse_kern_chan_new(int fd);

  /** fuse_chan_destroy: destroys a channel and closes its descriptor. */
  void fuse_chan_destroy(Pointer ch);

  /** Tells the session to exit. */
  void fuse_session_exit(Pointer session);
}
