package io.judgeforge.jobs.spark;

import org.apache.hadoop.conf.Configuration;

/**
 * For the files Judgeforge writes itself (response store, manifests, shards it renames), file://
 * maps to Hadoop's raw local file system. The checksummed one writes a {@code .crc} beside every
 * file, which then sits in published datasets, and without Hadoop's native library it forks a
 * {@code chmod} process on every create: per teacher call, that cost more than the call.
 * HDFS and object stores are unaffected.
 */
final class RawLocalFiles {
  private RawLocalFiles() {}

  static Configuration configure(Configuration given) {
    Configuration conf = new Configuration(given);
    conf.set("fs.file.impl", "org.apache.hadoop.fs.RawLocalFileSystem");
    conf.setBoolean("fs.file.impl.disable.cache", true);
    return conf;
  }
}
