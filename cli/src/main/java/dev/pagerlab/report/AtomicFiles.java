package dev.pagerlab.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

/**
 * Writes files so a reader never sees half of one: the text goes to a temporary file in the
 * same directory, then is renamed over the target atomically.
 */
final class AtomicFiles {
  /** Prefix of every temporary file, so a crashed run's leftovers are recognisable. */
  static final String TEMP_PREFIX = ".pagerlab-";
  private static final Duration STALE_AFTER = Duration.ofMinutes(1);

  private AtomicFiles() {}

  /** Creates the directory if needed and checks that files can be written in it. */
  static void prepare(Path dir) throws IOException {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IOException("cannot create report directory " + dir + ": " + reason(e), e);
    }
    if (!Files.isDirectory(dir)) {
      throw new IOException("report directory " + dir + " is not a directory");
    }
    if (!Files.isWritable(dir)) {
      throw new IOException("report directory " + dir + " is not writable");
    }
    removeStaleTemporaries(dir);
  }

  /** Deletes temporary files a killed run left behind (older than a minute, so not a live run's). */
  private static void removeStaleTemporaries(Path dir) throws IOException {
    FileTime before = FileTime.from(Instant.now().minus(STALE_AFTER));
    try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, TEMP_PREFIX + "*.tmp")) {
      for (Path p : leftovers) {
        if (Files.isRegularFile(p) && Files.getLastModifiedTime(p).compareTo(before) < 0) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** Writes {@code text} as UTF-8 to {@code dir/name}, atomically. */
  static void write(Path dir, String name, String text) throws IOException {
    Path target = dir.resolve(name);
    Path temp = null;
    try {
      temp = Files.createTempFile(dir, TEMP_PREFIX + name + ".", ".tmp");
      Files.write(temp, text.getBytes(StandardCharsets.UTF_8));
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      temp = null;
    } catch (IOException e) {
      throw new IOException("cannot write report " + target + ": " + reason(e), e);
    } finally {
      if (temp != null) {
        Files.deleteIfExists(temp);
      }
    }
  }

  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      return "a file that is not a directory is in the way";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getClass().getSimpleName().replace("Exception", "") + (e.getMessage() == null ? "" : " " + e.getMessage());
  }
}
