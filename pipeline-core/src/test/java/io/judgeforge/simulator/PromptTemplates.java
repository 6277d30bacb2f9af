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
  static final List<String> SCENARIO_IDS =
      List.of(
          "close_qa", "open_qa", "math_qa", "creative_writing", "professional_writing", "rewriting",
          "translation", "reading_comprehension", "role_playing", "programming");

  static String scenarioList(List<String> ids) {
    return ids.stream()
        .map(id -> "- " + id + ": " + Scenario.fromName(id).displayName() + ". A scenario of the Themis catalog.")
        .collect(Collectors.joining("\n"));
  }

  static String classify(String instruction, List<String> ids) {
    return fill("classify", Map.of("scenario_list", scenarioList(ids), "instruction", instruction));
  }

  static String judge(String scenarioName, List<String> criteria, String instruction, String response) {
    StringBuilder criteriaBlock = new StringBuilder();
    for (int i = 0; i < criteria.size(); i++) {
      criteriaBlock.append(i + 1).append(". ").append(criteria.get(i)).append(": How well the response does on this.\n");
    }
    return fill(
        "judge-single",
        Map.of(
            "scenario_name", scenarioName,
            "scenario_description", "A scenario of the Themis catalog.",
            "criteria", criteriaBlock.toString().strip(),
            "grading_tiers", "1: very poor\n2: poor\n3: mixed\n4: good\n5: excellent",
            "instruction", instruction,
            "response", response));
  }

  private static Path locate() {
    // Surefire runs in the module directory; an IDE may run from the repository root.
    for (Path candidate : List.of(Path.of("../conf/prompts"), Path.of("conf/prompts"))) {
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("conf/prompts not found from " + Path.of("").toAbsolutePath());
  }
}
