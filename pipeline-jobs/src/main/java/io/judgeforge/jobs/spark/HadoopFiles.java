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

/**
 * Small-file I/O through the Hadoop FileSystem API, so file://, hdfs:// and s3a:// paths all work.
 * What is atomic differs by store (docs/storage.md): {@link #renamesAtomically} is the one place that
 * decides between rename-based and write-once protocols.
 */
public final class HadoopFiles {
    /**
     * Schemes whose rename is one atomic metadata operation (directories included) and whose
     * create-without-overwrite is atomic: the local file system and HDFS (also through viewfs and
     * WebHDFS). Every other scheme (s3a, gs, abfs, wasb, ...) is treated as an object store, where a
     * rename is a copy and a delete, and where only a single PUT of a whole object is atomic.
     */
    private static final java.util.Set<String> ATOMIC_RENAME =
            java.util.Set.of("file", "hdfs", "viewfs", "webhdfs", "swebhdfs");

    /** Hadoop's {@code createFile()} option for a create that the store itself refuses when the file exists
     * (S3 {@code If-None-Match: *}); known to S3A from Hadoop 3.4.2, ignored as an optional hint before. */
    static final String CONDITIONAL_CREATE = "fs.option.create.conditional.overwrite";

    private final Configuration given;
    private final Configuration conf;

    public HadoopFiles(Configuration conf) {
        this.given = conf;
        this.conf = RawLocalFiles.configure(conf);
    }

    /**
     * The Hadoop configuration Spark builds for the driver, for files read before the session starts
     * (config, catalog, prompts, seeds): the classpath's core-site.xml and hdfs-site.xml plus every
     * {@code spark.hadoop.*} setting of the SparkConf (spark-submit {@code --conf}, or {@code -D} system
     * properties), so that s3a:// endpoints and credentials apply to these reads as well.
     */
    public static Configuration sparkConfiguration() {
        return org.apache.spark.deploy.SparkHadoopUtil.get().newConfiguration(new org.apache.spark.SparkConf());
    }

    /** Files read on the driver before the session starts, with {@link #sparkConfiguration()}. */
    public static HadoopFiles beforeSession() {
        return new HadoopFiles(sparkConfiguration());
    }

    public FileSystem fs(String path) {
        try {
            return RawLocalFiles.fileSystem(new Path(path), given);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the file system of " + path, e);
        }
    }

    /** True where {@code path}'s file system renames atomically (see {@link #ATOMIC_RENAME}). */
    public boolean renamesAtomically(String path) {
        return renamesAtomically(fs(path));
    }

    static boolean renamesAtomically(FileSystem fs) {
        return ATOMIC_RENAME.contains(fs.getUri().getScheme());
    }

    /**
     * Creates {@code path} holding {@code bytes} unless it exists; false if it existed. Atomic where
     * the store refuses an overwriting create: HDFS (the NameNode), the local file system (O_EXCL), and
     * S3A from Hadoop 3.4.2 on a store with conditional writes (the PUT carries If-None-Match: *).
     * Older S3A checks with a HEAD and then PUTs: two racing creators may then both succeed.
     */
    static boolean createNew(FileSystem fs, Path path, byte[] bytes) throws IOException {
        if (fs instanceof org.apache.hadoop.fs.RawLocalFileSystem local) {
            // Hadoop's own local create checks and then opens (O_EXCL only with its native library): open
            // with CREATE_NEW (O_EXCL) instead.
            java.nio.file.Path file = local.pathToFile(path).toPath();
            java.nio.file.Files.createDirectories(file.getParent());
            try {
                java.nio.file.Files.write(
                        file,
                        bytes,
                        java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE);
                return true;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                return false;
            }
        }
        org.apache.hadoop.fs.FSDataOutputStreamBuilder<org.apache.hadoop.fs.FSDataOutputStream, ?> create =
                fs.createFile(path);
        create.overwrite(false).recursive().opt(CONDITIONAL_CREATE, true);
        try (OutputStream out = create.build()) {
            out.write(bytes);
            return true;
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            // A conditional PUT refused at close() surfaces as another IOException (HTTP 412).
            if (fs.exists(path)) {
                return false;
            }
            throw e;
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
     * file systems). On object stores the file is written in place: a single PUT is atomic by itself,
     * while a rename there would be a copy and a delete.
     */
    public void replaceText(String path, String text) {
        if (!renamesAtomically(path)) {
            writeText(path, text);
            return;
        }
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
