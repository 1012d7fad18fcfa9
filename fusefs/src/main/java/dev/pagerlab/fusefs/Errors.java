package dev.pagerlab.fusefs;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import jnr.constants.platform.Errno;

/** Negative errno values taken from the platform (jnr-constants), never literals. */
final class Errors {

  static final int ENOENT = -Errno.ENOENT.intValue();
  static final int EIO = -Errno.EIO.intValue();
  static final int ENOSPC = -Errno.ENOSPC.intValue();
  static final int EEXIST = -Errno.EEXIST.intValue();
  static final int ENOTDIR = -Errno.ENOTDIR.intValue();
  static final int EISDIR = -Errno.EISDIR.intValue();
  static final int ENOTEMPTY = -Errno.ENOTEMPTY.intValue();
  static final int EINVAL = -Errno.EINVAL.intValue();
  static final int EBADF = -Errno.EBADF.intValue();
  static final int EACCES = -Errno.EACCES.intValue();
  static final int EPERM = -Errno.EPERM.intValue();
  static final int ENAMETOOLONG = -Errno.ENAMETOOLONG.intValue();
  static final int EFBIG = -Errno.EFBIG.intValue();
  static final int ELOOP = -Errno.ELOOP.intValue();
  static final int EOPNOTSUPP = -Errno.EOPNOTSUPP.intValue();
  static final int EXDEV = -Errno.EXDEV.intValue();
  static final int EINTR = -Errno.EINTR.intValue();

  private Errors() {}

  /** The -errno for an I/O exception from java.nio.file, EIO when nothing more precise fits. */
  static int of(IOException e) {
    if (e instanceof NoSuchFileException || e instanceof FileNotFoundException) {
      return ENOENT;
    } else if (e instanceof FileAlreadyExistsException) {
      return EEXIST;
    } else if (e instanceof DirectoryNotEmptyException) {
      return ENOTEMPTY;
    } else if (e instanceof NotDirectoryException) {
      return ENOTDIR;
    } else if (e instanceof AccessDeniedException) {
      return EACCES;
    } else if (e instanceof FileSystemLoopException || e instanceof NotLinkException) {
      return ELOOP;
    } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return ofReason(fse.getReason());
    }
    return EIO;
  }

  private static int ofReason(String reason) {
    String r = reason.toLowerCase(java.util.Locale.ROOT);
    if (r.contains("no space")) {
      return ENOSPC;
    } else if (r.contains("not a directory")) {
      return ENOTDIR;
    } else if (r.contains("is a directory")) {
      return EISDIR;
    } else if (r.contains("too many levels of symbolic links")) {
      return ELOOP;
    } else if (r.contains("operation not permitted")) {
      return EPERM;
    } else if (r.contains("cross-device")) {
      return EXDEV;
    }
    return EIO;
  }
}
