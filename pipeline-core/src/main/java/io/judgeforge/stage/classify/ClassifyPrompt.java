package io.judgeforge.stage.classify;

import io.judgeforge.prompt.PromptLibrary;
import io.judgeforge.prompt.PromptTemplate;
import io.judgeforge.scenario.Scenario;
import io.judgeforge.scenario.ScenarioCatalog;
import java.io.Serializable;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The classification prompt and its answer format, shared by the classify stage (which sends it to
 * the teacher) and the classifier fine-tuning set (which trains a model to answer it).
 */
public final class ClassifyPrompt implements Serializable {
    private static final Pattern LABEL = Pattern.compile("\\[\\[\\s*([A-Za-z0-9_-]+)\\s*]]");

    private final ScenarioCatalog catalog;
    private final PromptTemplate template;

    public ClassifyPrompt(ScenarioCatalog catalog, PromptLibrary prompts) {
        this.catalog = catalog;
        this.template = prompts.get(PromptLibrary.CLASSIFY);
    }

    public String render(String instruction) {
        StringBuilder list = new StringBuilder();
        for (Scenario s : catalog.scenarios()) {
            list.append("- ")
                    .append(s.id())
                    .append(": ")
                    .append(s.name())
                    .append(". ")
                    .append(s.description())
                    .append('\n');
        }
        return template.render(Map.of("scenario_list", list.toString().strip(), "instruction", instruction));
    }

    public String version() {
        return template.version();
    }

    /** The answer a classifier should give for {@code scenarioId}; {@link #parse} reads it back. */
    public static String answer(String scenarioId) {
        return "Scenario: [[" + scenarioId + "]]";
    }

    /** The scenario id in the answer, if it names exactly one scenario of the catalog. */
    public Optional<String> parse(String answer) {
        Matcher m = LABEL.matcher(answer);
        String found = null;
        while (m.find()) {
            if (found != null && !found.equals(m.group(1))) {
                return Optional.empty();
            }
            found = m.group(1);
        }
        return Optional.ofNullable(found).filter(id -> catalog.find(id).isPresent());
    }
}
