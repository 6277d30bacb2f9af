package io.judgeforge.testing;

import io.judgeforge.prompt.PromptLibrary;
import io.judgeforge.prompt.PromptTemplate;
import io.judgeforge.scenario.ScenarioCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The shipped catalog and templates, read from conf/ as a run would read them. */
public final class Fixtures {
    private Fixtures() {}

    public static ScenarioCatalog catalog() {
        return ScenarioCatalog.parse(read("../conf/scenarios.yaml"), "scenarios.yaml");
    }

    public static PromptLibrary prompts() {
        Map<String, PromptTemplate> templates = new HashMap<>();
        for (String name : PromptLibrary.REQUIRED.keySet()) {
            templates.put(name, PromptTemplate.of(name, read("../conf/prompts/" + name + ".txt")));
        }
        return new PromptLibrary(templates);
    }

    static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
