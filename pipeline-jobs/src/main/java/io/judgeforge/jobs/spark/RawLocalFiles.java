package io.judgeforge.jobs.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * For the files Judgeforge writes itself (response store, manifests, shards it renames), file://
 * maps to Hadoop's raw local file system. The checksummed one writes a {@code .crc} beside every
 * file, which then sits in published datasets, and without Hadoop's native library it forks a
 * {@code chmod} process on every create: per teacher call, that cost more than the call.
 * HDFS and object stores are unaffected, and must be: S3A buffers uploads in local files through
 * {@code FileSystem.getLocal(conf)}, which casts to the checksummed class, so a configuration with the
 * raw class fails every S3A write (ClassCastException, seen in S3AStorageTest). Hence the raw
 * configuration is used only for file:// paths.
 */
final class RawLocalFiles {
    private RawLocalFiles() {}

    /** The file system of {@code path}: the raw local one for file:// paths, else as configured. */
    static FileSystem fileSystem(Path path, Configuration given) throws java.io.IOException {
        FileSystem fs = path.getFileSystem(given);
        return "file".equals(fs.getUri().getScheme()) ? path.getFileSystem(configure(given)) : fs;
    }

    static Configuration configure(Configuration given) {
        Configuration conf = new Configuration(given);
        conf.set("fs.file.impl", "org.apache.hadoop.fs.RawLocalFileSystem");
        conf.setBoolean("fs.file.impl.disable.cache", true);
        return conf;
    }
}
