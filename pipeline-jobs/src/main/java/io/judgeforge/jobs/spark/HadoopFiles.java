package io.judgeforge.jobs.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

/** Small-file I/O through the Hadoop FileSystem API, so file://, hdfs:// and s3a:// paths all work. */
public final class HadoopFiles {
  private final Configuration conf;

  public HadoopFiles(Configuration conf) {
    this.conf = RawLocalFiles.configure(conf);
  }

  public FileSystem fs(String path) {
    try {
      return new Path(path).getFileSystem(conf);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the file system of " + path, e);
    }
  }

  public boolean exists(String path) {
    try {
      return fs(path).exists(new Path(path));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot check " + path, e);
    }
  }

  /** True when the glob pattern matches at least one path. */
  public boolean globExists(String pattern) {
    try {
      org.apache.hadoop.fs.FileStatus[] found = fs(pattern).globStatus(new Path(pattern));
      return found != null && found.length > 0;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + pattern, e);
    }
  }

  public String readText(String path) {
    try (InputStream in = fs(path).open(new Path(path))) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      in.transferTo(buf);
      return buf.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  public void writeText(String path, String text) {
    try (OutputStream out = fs(path).create(new Path(path), true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Replaces {@code path} by writing a sibling temporary file and renaming it over the target, so a
   * reader sees the old or the new content, never a half-written file (atomic on HDFS and local
   * file systems; on object stores a single PUT is atomic by itself).
   */
  public void replaceText(String path, String text) {
    Path target = new Path(path);
    Path tmp = new Path(target.getParent(), "." + target.getName() + ".tmp-" + System.nanoTime());
    writeText(tmp.toString(), text);
    try {
      FileContext.getFileContext(target.toUri(), conf).rename(tmp, target, Options.Rename.OVERWRITE);
    } catch (UnsupportedOperationException | IOException e) {
      try {
        FileSystem fs = fs(path);
        fs.delete(target, false);
        if (!fs.rename(tmp, target)) {
          throw new IOException("rename returned false");
        }
      } catch (IOException e2) {
        throw new UncheckedIOException("Cannot replace " + path + ": " + e2.getMessage(), e2);
      }
    }
  }

  public void rename(String from, String to) {
    try {
      FileSystem fs = fs(from);
      if (fs.exists(new Path(to))) {
        throw new IOException(to + " already exists");
      }
      fs.mkdirs(new Path(to).getParent());
      if (!fs.rename(new Path(from), new Path(to))) {
        throw new IOException("rename returned false");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot rename " + from + " to " + to + ": " + e.getMessage(), e);
    }
  }

  public void delete(String path) {
    try {
      fs(path).delete(new Path(path), true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete " + path, e);
    }
  }

  /** Files directly under {@code dir}, sorted by name. */
  public List<FileStatus> list(String dir) {
    try {
      FileStatus[] found = fs(dir).listStatus(new Path(dir));
      List<FileStatus> files = new ArrayList<>(Arrays.asList(found));
      files.sort((a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + dir, e);
    }
  }

  public InputStream open(String path) {
    try {
      return fs(path).open(new Path(path));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open " + path, e);
    }
  }

  /** {@code path} against {@code base} unless it is absolute or has a scheme. */
  public static String resolve(String base, String path) {
    URI uri = URI.create(path.replace(" ", "%20"));
    if (uri.getScheme() != null || path.startsWith("/")) {
      return path;
    }
    return new Path(new Path(base), path).toString();
  }
}
