package dev.pagerlab.fusefs;

import ru.serce.jnrfuse.struct.FileStat;

/** Fills FUSE stat structures. */
final class Stats {

  private Stats() {}

  /** Fills {@code st} from the given attributes; times are nanoseconds since the epoch. */
  static void fill(FileStat st, long ino, int mode, long nlink, long size, long blocks512,
      long uid, long gid, long atime, long mtime, long ctime) {
    st.st_ino.set(ino);
    st.st_mode.set(mode);
    st.st_nlink.set(nlink);
    st.st_size.set(size);
    st.st_blocks.set(blocks512);
    st.st_blksize.set(4096);
    st.st_uid.set(uid);
    st.st_gid.set(gid);
    time(st.st_atim, atime);
    time(st.st_mtim, mtime);
    time(st.st_ctim, ctime);
  }

  private static void time(ru.serce.jnrfuse.struct.Timespec ts, long nanos) {
    ts.tv_sec.set(Math.floorDiv(nanos, 1_000_000_000L));
    ts.tv_nsec.set(Math.floorMod(nanos, 1_000_000_000L));
  }
}
