package io.judgeforge.teacher.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * Where a round of batches keeps its input files, the ids of the batches it submitted and the files
 * it downloaded: a folder under the run (any Hadoop file system in the jobs). What is written here
 * outlives the JVM, so a resumed run finds the batches a dead one submitted.
 */
public interface BatchFolder {
    /** A new file, replacing one of that name; complete once the stream is closed. */
    OutputStream create(String name) throws IOException;

    InputStream open(String name) throws IOException;

    long length(String name) throws IOException;

    /** The names of the files in the folder, sorted. */
    List<String> list() throws IOException;
}
