package io.judgeforge.jobs.cli;

import io.judgeforge.config.ConfigException;
import io.judgeforge.jobs.spark.HadoopFiles;
import io.judgeforge.prompt.PromptLibrary;
import io.judgeforge.prompt.PromptTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.Path;

/** The files a config names, read the same way by a run ({@link Launch}) and by meta-eval ({@link JudgeConfig}). */
final class ConfigFiles {
    private ConfigFiles() {}

    /** The text of a file a config key names; a missing file, or a folder, is that key's error. */
    static String readRequired(HadoopFiles files, String path, String key) {
        if (!files.exists(path)) {
            throw new ConfigException("Invalid value for '" + key + "': no such file " + path);
        }
        requireFile(files, path, key);
        return files.readText(path);
    }

    /**
     * Fails with one line naming {@code key} when {@code path} (which exists) is a folder: read as a file, a folder
     * fails deep in Hadoop with a trace that names neither the key nor what was expected.
     */
    static void requireFile(HadoopFiles files, String path, String key) {
        try {
            if (files.fs(path).getFileStatus(new Path(path)).isDirectory()) {
                throw new ConfigException("Invalid value for '" + key + "': " + path + " is a folder, not a file");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * True when the file at {@code path}, or every file of the folder, holds nothing but white space: by size, so
     * that only a file of a few bytes is read.
     */
    static boolean isEmpty(HadoopFiles files, String path) {
        try {
            Path p = new Path(path);
            long length = files.fs(path).getContentSummary(p).getLength();
            return length == 0
                    || length < 1024
                            && files.fs(path).getFileStatus(p).isFile()
                            && files.readText(path).isBlank();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every template the prompt library requires, by name in name order (the order a run's fingerprint adds their
     * versions in): all of them, so the library checks the whole set whoever asks.
     */
    static Map<String, PromptTemplate> templates(HadoopFiles files, String promptsDir) {
        Map<String, PromptTemplate> templates = new TreeMap<>();
        for (String name : PromptLibrary.REQUIRED.keySet().stream().sorted().toList()) {
            templates.put(
                    name, PromptTemplate.of(name, readRequired(files, promptsDir + "/" + name + ".txt", "prompts")));
        }
        return templates;
    }
}
