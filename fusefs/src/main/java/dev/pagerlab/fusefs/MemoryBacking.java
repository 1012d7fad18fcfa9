package dev.pagerlab.fusefs;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import ru.serce.jnrfuse.struct.FileStat;
import ru.serce.jnrfuse.struct.Statvfs;

/**
 * Files kept in native memory with a fixed capacity: statfs reports the capacity and what the
 * chunks really use, and a write that needs more than is left fails with ENOSPC. Reads and
 * writes copy between the kernel's buffer and the chunks with no Java heap copy.
 */
final class MemoryBacking implements Backing {

  private static final int BLOCK = 4096;
  private static final long MAX_FILES = 1 << 20;
  private final ReentrantReadWriteLock tree = new ReentrantReadWriteLock();
  private final MemoryNode root;
  private final HandleTable<MemoryNode> handles = new HandleTable<>();
  private final AtomicLong used = new AtomicLong();
  private final AtomicLong nextIno = new AtomicLong(1);
  private final AtomicLong files = new AtomicLong(1);
  private final ThreadLocal<long[]> allocated = ThreadLocal.withInitial(() -> new long[1]);
  private final long capacity;
  private final long uid;
  private final long gid;

  /** A backing of {@code capacity} bytes owned by {@code uid}:{@code gid}. */
  MemoryBacking(long capacity, long uid, long gid) {
    this.capacity = capacity;
    this.uid = uid;
    this.gid = gid;
    this.root = new MemoryNode(nextIno.getAndIncrement(), true, FileStat.S_IFDIR | 0755, uid, gid);
  }

  @Override
  public int getattr(String path, FileStat stat) {
    tree.readLock().lock();
    try {
      MemoryNode n = lookupLocked(path);
      if (n == null) {
        return Errors.ENOENT;
      }
      fill(n, stat);
      return 0;
    } finally {
      tree.readLock().unlock();
    }
  }

  @Override
  public int readdir(String path, EntrySink sink) {
    tree.readLock().lock();
    try {
      MemoryNode n = lookupLocked(path);
      if (n == null) {
        return Errors.ENOENT;
      } else if (!n.dir) {
        return Errors.ENOTDIR;
      }
      if (sink.add(".") && sink.add("..")) {
        for (String name : n.children.keySet()) {
          if (!sink.add(name)) {
            break;
          }
        }
      }
      return 0;
    } finally {
      tree.readLock().unlock();
    }
  }

  @Override
  public int mkdir(String path, int mode) {
    return insert(path, true, FileStat.S_IFDIR | (mode & 07777)) instanceof MemoryNode ? 0 : lastError();
  }

  @Override
  public int rmdir(String path) {
    return remove(path, true);
  }

  @Override
  public int unlink(String path) {
    return remove(path, false);
  }

  @Override
  public int rename(String from, String to) {
    tree.writeLock().lock();
    try {
      MemoryNode src = lookupLocked(from);
      MemoryNode toParent = lookupLocked(Names.parent(to));
      MemoryNode fromParent = lookupLocked(Names.parent(from));
      if (src == null || toParent == null) {
        return Errors.ENOENT;
      } else if (!toParent.dir) {
        return Errors.ENOTDIR;
      } else if (src.dir && (to + "/").startsWith(from + "/")) {
        return Errors.EINVAL;
      }
      MemoryNode dst = toParent.children.get(Names.leaf(to));
      if (dst == src) {
        return 0;
      }
      if (dst != null) {
        int check = replaceable(src, dst);
        if (check != 0) {
          return check;
        }
        release(dst);
      }
      fromParent.children.remove(Names.leaf(from));
      toParent.children.put(Names.leaf(to), src);
      src.touchMeta();
      fromParent.touchData();
      toParent.touchData();
      return 0;
    } finally {
      tree.writeLock().unlock();
    }
  }

  @Override
  public int chmod(String path, int mode) {
    MemoryNode n = lookup(path);
    if (n == null) {
      return Errors.ENOENT;
    }
    n.mode = (n.mode & FileStat.S_IFMT) | (mode & 07777);
    n.touchMeta();
    return 0;
  }

  @Override
  public int chown(String path, long newUid, long newGid) {
    MemoryNode n = lookup(path);
    if (n == null) {
      return Errors.ENOENT;
    }
    if (newUid != -1 && newUid != 0xffffffffL) {
      n.uid = newUid;
    }
    if (newGid != -1 && newGid != 0xffffffffL) {
      n.gid = newGid;
    }
    n.touchMeta();
    return 0;
  }

  @Override
  public int utimens(String path, long atimeNanos, long mtimeNanos) {
    MemoryNode n = lookup(path);
    if (n == null) {
      return Errors.ENOENT;
    }
    if (atimeNanos != KEEP_TIME) {
      n.atime = atimeNanos;
    }
    if (mtimeNanos != KEEP_TIME) {
      n.mtime = mtimeNanos;
    }
    n.touchMeta();
    return 0;
  }

  @Override
  public int truncate(String path, long size) {
    MemoryNode n = lookup(path);
    if (n == null) {
      return Errors.ENOENT;
    }
    return n.dir ? Errors.EISDIR : resize(n, size);
  }

  @Override
  public long create(String path, int mode, int flags) {
    Object made = insert(path, false, FileStat.S_IFREG | (mode & 0700 & 07777));
    if (made instanceof MemoryNode n) {
      return handles.add(n);
    }
    if (lastError() == Errors.EEXIST) {
      return open(path, flags);
    }
    return lastError();
  }

  @Override
  public long open(String path, int flags) {
    MemoryNode n = lookup(path);
    if (n == null) {
      return Errors.ENOENT;
    }
    return n.dir ? Errors.EISDIR : handles.add(n);
  }

  @Override
  public int read(long handle, long buf, int size, long offset) {
    MemoryNode n = handles.get(handle);
    if (n == null) {
      return Errors.EBADF;
    }
    n.lock.readLock().lock();
    try {
      int count = (int) Math.max(0, Math.min(size, n.size - offset));
      n.data.copyOut(offset, buf, count);
      return count;
    } finally {
      n.lock.readLock().unlock();
    }
  }

  @Override
  public int read(long handle, byte[] dst, int size, long offset) {
    MemoryNode n = handles.get(handle);
    if (n == null) {
      return Errors.EBADF;
    }
    n.lock.readLock().lock();
    try {
      int count = (int) Math.max(0, Math.min(size, n.size - offset));
      n.data.copyOut(offset, dst, count);
      return count;
    } finally {
      n.lock.readLock().unlock();
    }
  }

  @Override
  public int write(long handle, long buf, int size, long offset) {
    MemoryNode n = handles.get(handle);
    if (n == null) {
      return Errors.EBADF;
    }
    n.lock.writeLock().lock();
    try {
      int reserved = reserve(n, offset, size);
      if (reserved != 0) {
        return reserved;
      }
      n.data.copyIn(buf, offset, size);
      if (offset + size > n.size) {
        n.size = offset + size;
      }
      n.touchData();
      return size;
    } finally {
      n.lock.writeLock().unlock();
    }
  }

  @Override
  public int ftruncate(long handle, long size) {
    MemoryNode n = handles.get(handle);
    return n == null ? Errors.EBADF : resize(n, size);
  }

  @Override
  public int fallocate(long handle, int mode, long offset, long length) {
    MemoryNode n = handles.get(handle);
    if (n == null) {
      return Errors.EBADF;
    } else if ((mode & ~1) != 0) {
      return Errors.EOPNOTSUPP;
    } else if (offset < 0 || length <= 0) {
      return Errors.EINVAL;
    }
    n.lock.writeLock().lock();
    try {
      int reserved = reserve(n, offset, length);
      if (reserved != 0) {
        return reserved;
      }
      if ((mode & 1) == 0 && offset + length > n.size) {
        n.size = offset + length;
        n.touchData();
      }
      return 0;
    } finally {
      n.lock.writeLock().unlock();
    }
  }

  @Override
  public int fsync(long handle, boolean dataOnly) {
    return handles.get(handle) == null ? Errors.EBADF : 0;
  }

  @Override
  public int release(long handle) {
    return handles.remove(handle) == null ? Errors.EBADF : 0;
  }

  @Override
  public int statfs(Statvfs st) {
    long total = capacity / BLOCK;
    long free = Math.max(0, capacity - used.get()) / BLOCK;
    st.f_bsize.set(BLOCK);
    st.f_frsize.set(BLOCK);
    st.f_blocks.set(total);
    st.f_bfree.set(free);
    st.f_bavail.set(free);
    st.f_files.set(MAX_FILES);
    st.f_ffree.set(Math.max(0, MAX_FILES - files.get()));
    st.f_favail.set(Math.max(0, MAX_FILES - files.get()));
    st.f_namemax.set(Names.NAME_MAX);
    return 0;
  }

  @Override
  public Object identity(long handle) {
    return handles.get(handle);
  }

  @Override
  public Object identity(String path) {
    return lookup(path);
  }

  @Override
  public long takeAllocated() {
    long[] cell = allocated.get();
    long n = cell[0];
    cell[0] = 0;
    return n;
  }

  /** Flips one bit of {@code path}'s stored data at {@code offset}; false if there is none (test hook). */
  boolean corrupt(String path, long offset) {
    MemoryNode n = lookup(path);
    if (n == null || n.dir) {
      return false;
    }
    n.lock.writeLock().lock();
    try {
      return n.data.corrupt(offset);
    } finally {
      n.lock.writeLock().unlock();
    }
  }

  /** Bytes of native memory the files hold. */
  long used() {
    return used.get();
  }

  @Override
  public void close() {
    tree.writeLock().lock();
    try {
      releaseAll(root);
      root.children.clear();
    } finally {
      tree.writeLock().unlock();
    }
  }

  private int reserve(MemoryNode n, long offset, long length) {
    if (offset < 0 || offset + length < 0) {
      return Errors.EFBIG;
    }
    long cost = n.data.costOf(offset, length);
    if (cost > 0) {
      if (used.addAndGet(cost) > capacity) {
        used.addAndGet(-cost);
        return Errors.ENOSPC;
      }
      n.data.allocate(offset, length);
      allocated.get()[0] += cost;
    }
    return 0;
  }

  private int resize(MemoryNode n, long size) {
    if (size < 0) {
      return Errors.EINVAL;
    }
    n.lock.writeLock().lock();
    try {
      if (size < n.size) {
        used.addAndGet(-n.data.truncate(size));
      }
      n.size = size;
      n.touchData();
      return 0;
    } finally {
      n.lock.writeLock().unlock();
    }
  }

  private static int replaceable(MemoryNode src, MemoryNode dst) {
    if (dst.dir && !src.dir) {
      return Errors.EISDIR;
    } else if (!dst.dir && src.dir) {
      return Errors.ENOTDIR;
    } else if (dst.dir && !dst.children.isEmpty()) {
      return Errors.ENOTEMPTY;
    }
    return 0;
  }

  private final ThreadLocal<int[]> error = ThreadLocal.withInitial(() -> new int[1]);

  private int lastError() {
    return error.get()[0];
  }

  private Object insert(String path, boolean dir, int mode) {
    tree.writeLock().lock();
    try {
      MemoryNode parent = lookupLocked(Names.parent(path));
      int err = parent == null ? Errors.ENOENT : !parent.dir ? Errors.ENOTDIR
          : parent.children.containsKey(Names.leaf(path)) ? Errors.EEXIST
          : files.get() >= MAX_FILES ? Errors.ENOSPC : 0;
      if (err != 0) {
        error.get()[0] = err;
        return null;
      }
      MemoryNode n = new MemoryNode(nextIno.getAndIncrement(), dir, mode, uid, gid);
      parent.children.put(Names.leaf(path), n);
      parent.touchData();
      files.incrementAndGet();
      return n;
    } finally {
      tree.writeLock().unlock();
    }
  }

  private int remove(String path, boolean dir) {
    tree.writeLock().lock();
    try {
      MemoryNode parent = lookupLocked(Names.parent(path));
      MemoryNode n = parent == null || !parent.dir ? null : parent.children.get(Names.leaf(path));
      if (n == null) {
        return Errors.ENOENT;
      } else if (n.dir != dir) {
        return dir ? Errors.ENOTDIR : Errors.EISDIR;
      } else if (dir && !n.children.isEmpty()) {
        return Errors.ENOTEMPTY;
      }
      parent.children.remove(Names.leaf(path));
      parent.touchData();
      release(n);
      return 0;
    } finally {
      tree.writeLock().unlock();
    }
  }

  private void release(MemoryNode n) {
    files.decrementAndGet();
    if (!n.dir) {
      n.lock.writeLock().lock();
      try {
        used.addAndGet(-n.data.free());
        n.size = 0;
      } finally {
        n.lock.writeLock().unlock();
      }
    }
  }

  private void releaseAll(MemoryNode dir) {
    for (MemoryNode child : dir.children.values()) {
      if (child.dir) {
        releaseAll(child);
      }
      release(child);
    }
  }

  private MemoryNode lookup(String path) {
    tree.readLock().lock();
    try {
      return lookupLocked(path);
    } finally {
      tree.readLock().unlock();
    }
  }

  private MemoryNode lookupLocked(String path) {
    MemoryNode n = root;
    int start = 1;
    while (start < path.length()) {
      int end = path.indexOf('/', start);
      if (end < 0) {
        end = path.length();
      }
      if (!n.dir) {
        return null;
      }
      n = n.children.get(path.substring(start, end));
      if (n == null) {
        return null;
      }
      start = end + 1;
    }
    return n;
  }

  private static void fill(MemoryNode n, FileStat st) {
    long blocks = n.dir ? 8 : n.data.footprint() / 512;
    long nlink = n.dir ? 2 + countDirs(n) : 1;
    Stats.fill(st, n.ino, n.mode, nlink, n.dir ? 4096 : n.size, blocks, n.uid, n.gid, n.atime, n.mtime, n.ctime);
  }

  private static long countDirs(MemoryNode dir) {
    long count = 0;
    for (MemoryNode c : dir.children.values()) {
      count += c.dir ? 1 : 0;
    }
    return count;
  }
}
