package io.judgeforge.jobs.cli;

import io.judgeforge.config.ConfigException;
import io.judgeforge.jobs.spark.HadoopFiles;
import io.judgeforge.prompt.PromptLibrary;
import io.judgeforge.prompt.PromptTemplate;
import java.util.Map;
import java.util.TreeMap;

/** The files a config names, read the same way by a run ({@link Launch}) and by meta-eval ({@link JudgeConfig}). */
final class ConfigFiles {
    private ConfigFiles() {}

    /** The text of a file a config key names; a missing file is that key's error. */
    static String readRequired(HadoopFiles files, String path, String key) {
        if (!files.exists(path)) {
            throw new ConfigException("Invalid value for '" + key + "': no such file " + path);
        }
        return files.readText(path);
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
