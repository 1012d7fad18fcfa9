package dev.pagerlab.fusefs;

import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** A file or directory of a {@link MemoryBacking}; metadata is guarded by the backing's tree lock, data by {@link #lock}. */
final class MemoryNode {

  final long ino;
  final boolean dir;
  final TreeMap<String, MemoryNode> children;
  final NativeChunks data;
  final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  volatile int mode;
  volatile long uid;
  volatile long gid;
  volatile long size;
  volatile long atime;
  volatile long mtime;
  volatile long ctime;

  MemoryNode(long ino, boolean dir, int mode, long uid, long gid) {
    this.ino = ino;
    this.dir = dir;
    this.children = dir ? new TreeMap<>() : null;
    this.data = dir ? null : new NativeChunks();
    this.mode = mode;
    this.uid = uid;
    this.gid = gid;
    long now = Clock.nowNanos();
    this.atime = now;
    this.mtime = now;
    this.ctime = now;
  }

  /** Marks a data change now. */
  void touchData() {
    long now = Clock.nowNanos();
    mtime = now;
    ctime = now;
  }

  /** Marks a metadata change now. */
  void touchMeta() {
    ctime = Clock.nowNanos();
  }
}
