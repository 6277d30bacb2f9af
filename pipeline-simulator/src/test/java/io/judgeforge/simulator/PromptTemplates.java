package io.judgeforge.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The pipeline's real prompt templates from conf/prompts, filled the simple way. Testing against the
 * shipped templates, not copies, means a template change that the simulator cannot parse fails here.
 */
final class PromptTemplates {
    private static final Path DIRECTORY = locate();

    private PromptTemplates() {}

    static String fill(String name, Map<String, String> values) {
        String text;
        try {
            text = Files.readString(DIRECTORY.resolve(name + ".txt"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read prompt template " + name, e);
        }
        for (Map.Entry<String, String> entry : values.entrySet()) {
            text = text.replace("{{" + entry.getKey() + "}}", entry.getValue());
        }
        if (text.contains("{{")) {
            throw new AssertionError("Template " + name + " still has placeholders: " + text);
        }
        return text;
    }

    /** The ten scenario ids as classify.txt's list shows them. */
    static final List<String> SCENARIO_IDS = List.of(
            "close_qa",
            "open_qa",
            "math_qa",
            "creative_writing",
            "professional_writing",
            "rewriting",
            "translation",
            "reading_comprehension",
            "role_playing",
            "programming");

    static String scenarioList(List<String> ids) {
        return ids.stream()
                .map(id -> "- " + id + ": " + ThemisScenario.fromName(id).displayName()
                        + ". A scenario of the Themis catalog.")
                .collect(Collectors.joining("\n"));
    }

    static String classify(String instruction, List<String> ids) {
        return fill("classify", Map.of("scenario_list", scenarioList(ids), "instruction", instruction));
    }

    static String judge(String scenarioName, List<String> criteria, String instruction, String response) {
        return fill(
                "judge-single",
                Map.of(
                        "scenario_name",
                        scenarioName,
                        "scenario_description",
                        "A scenario of the Themis catalog.",
                        "criteria",
                        criteriaBlock(criteria),
                        "grading_tiers",
                        "1: very poor\n2: poor\n3: mixed\n4: good\n5: excellent",
                        "instruction",
                        instruction,
                        "response",
                        response));
    }

    static String judgeReference(
            String scenarioName, List<String> criteria, String instruction, String reference, String response) {
        return fill(
                "judge-reference",
                Map.of(
                        "scenario_name", scenarioName,
                        "scenario_description", "A scenario of the Themis catalog.",
                        "criteria", criteriaBlock(criteria),
                        "grading_tiers",
                                "1: far worse than the reference\n2: worse\n3: somewhat worse\n4: on a par\n5: better",
                        "instruction", instruction,
                        "reference", reference,
                        "response", response));
    }

    static String judgePairwise(
            String scenarioName, List<String> criteria, String instruction, String responseA, String responseB) {
        return fill(
                "judge-pairwise",
                Map.of(
                        "scenario_name", scenarioName,
                        "scenario_description", "A scenario of the Themis catalog.",
                        "criteria", criteriaBlock(criteria),
                        "instruction", instruction,
                        "response_a", responseA,
                        "response_b", responseB));
    }

    private static String criteriaBlock(List<String> criteria) {
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < criteria.size(); i++) {
            block.append(i + 1).append(". ").append(criteria.get(i)).append(": How well the response does on this.\n");
        }
        return block.toString().strip();
    }

    private static Path locate() {
        // Surefire runs in the module directory; an IDE may run from the repository root.
        for (Path candidate : List.of(Path.of("../conf/prompts"), Path.of("conf/prompts"))) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "conf/prompts not found from " + Path.of("").toAbsolutePath());
    }

    /** A detailed, structured answer about vaccines, used wherever a test needs a good response to judge. */
    static final String VACCINE_INSTRUCTION =
            "Explain how vaccines train the immune system to recognise viruses and bacteria.";

    static final String VACCINE_ANSWER =
            "Vaccines train the immune system by showing it a harmless piece of a virus or bacteria.\n\n"
                    + "1. The immune system meets the antigen and builds antibodies against it.\n"
                    + "2. Memory cells remember how to recognise the viruses and bacteria later.\n"
                    + "3. When the real germ arrives, the trained immune response is fast and strong.\n\n"
                    + "This is why vaccines protect people without them having to fall ill first, and why booster doses "
                    + "keep the memory of the immune system fresh over many years of life for the whole population.";

    /** Forty open questions, two per subject, for tests that average the judge over many items. */
    static java.util.List<String> openQuestions() {
        String[] subjects = {
            "glaciers",
            "volcanoes",
            "photosynthesis",
            "inflation",
            "the printing press",
            "black holes",
            "honey bees",
            "the Roman aqueducts",
            "plate tectonics",
            "compound interest",
            "jazz improvisation",
            "the water cycle",
            "vaccination",
            "solar panels",
            "coral reefs",
            "the French Revolution",
            "migratory birds",
            "earthquakes",
            "the human heart",
            "wind turbines"
        };
        java.util.List<String> instructions = new java.util.ArrayList<>();
        for (String subject : subjects) {
            instructions.add("Explain what " + subject + " are or do, and why they matter for people today.");
            instructions.add("Give a detailed overview of " + subject
                    + ", covering history, key facts and common misconceptions.");
        }
        return instructions;
    }
}
