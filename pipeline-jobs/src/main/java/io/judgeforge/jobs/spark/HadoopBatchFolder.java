package io.judgeforge.jobs.spark;

import io.judgeforge.teacher.batch.BatchFolder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/** A round of batches' folder on any Hadoop file system, under the run: it outlives the driver. */
final class HadoopBatchFolder implements BatchFolder {
    private final HadoopFiles files;
    private final String dir;

    HadoopBatchFolder(HadoopFiles files, String dir) {
        this.files = files;
        this.dir = dir;
    }

    private Path path(String name) {
        return new Path(dir, name);
    }

    @Override
    public OutputStream create(String name) throws IOException {
        return files.fs(dir).create(path(name), true);
    }

    @Override
    public InputStream open(String name) throws IOException {
        return files.fs(dir).open(path(name));
    }

    @Override
    public long length(String name) throws IOException {
        return files.fs(dir).getFileStatus(path(name)).getLen();
    }

    @Override
    public List<String> list() {
        List<String> names = new ArrayList<>();
        if (files.exists(dir)) {
            for (FileStatus status : files.list(dir)) {
                names.add(status.getPath().getName());
            }
        }
        return names;
    }
}
