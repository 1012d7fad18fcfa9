package dev.pagerlab.fusefs;

/**
 * Checks the paths the kernel hands the daemon before they reach a backing store: absolute,
 * no empty, "." or ".." components, no NUL, each name at most {@link #NAME_MAX} bytes. Pure.
 */
public final class Names {

  /** The longest name, in UTF-8 bytes, that a component may have. */
  public static final int NAME_MAX = 255;

  private Names() {}

  /** Whether {@code path} is a safe absolute path ("/" or "/a/b"). Pure. */
  public static boolean isSafe(String path) {
    if (path == null || path.isEmpty() || path.charAt(0) != '/' || path.indexOf('\0') >= 0) {
      return false;
    }
    if (path.length() == 1) {
      return true;
    }
    int start = 1;
    while (start <= path.length()) {
      int end = path.indexOf('/', start);
      if (end < 0) {
        end = path.length();
      }
      if (!isSafeName(path.substring(start, end))) {
        return false;
      }
      start = end + 1;
    }
    return true;
  }

  /** Whether {@code name} is a safe single component. Pure. */
  public static boolean isSafeName(String name) {
    return !name.isEmpty() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0
        && name.indexOf('\0') < 0 && utf8Length(name) <= NAME_MAX;
  }

  /** The parent of a safe path ("/" for top-level names). Pure. */
  public static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }

  /** The last component of a safe path ("" for "/"). Pure. */
  public static String leaf(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** The path relative to the root ("" for "/", "a/b" for "/a/b"). Pure. */
  public static String relative(String path) {
    return path.substring(1);
  }

  private static int utf8Length(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
