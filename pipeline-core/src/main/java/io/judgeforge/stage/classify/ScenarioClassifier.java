package io.judgeforge.stage.classify;

import io.judgeforge.config.PipelineConfig.MismatchPolicy;
import io.judgeforge.prompt.PromptLibrary;
import io.judgeforge.prompt.PromptTemplate;
import io.judgeforge.scenario.Scenario;
import io.judgeforge.scenario.ScenarioCatalog;
import io.judgeforge.stage.CallUsage;
import io.judgeforge.stage.ItemResult;
import io.judgeforge.stage.generate.Instruction;
import io.judgeforge.teacher.CallOutcome;
import io.judgeforge.teacher.ChatMessage;
import io.judgeforge.teacher.ChatResult;
import io.judgeforge.teacher.ModelCall;
import io.judgeforge.teacher.TeacherClient;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks the teacher which catalog scenario an instruction belongs to, and applies
 * {@code classify.on-mismatch} when the label differs from the scenario it was written for.
 */
public final class ScenarioClassifier implements Serializable {
  private static final Pattern LABEL = Pattern.compile("\\[\\[\\s*([A-Za-z0-9_-]+)\\s*]]");

  private final ScenarioCatalog catalog;
  private final PromptTemplate template;
  private final ModelCall teacher;
  private final MismatchPolicy onMismatch;

  public ScenarioClassifier(ScenarioCatalog catalog, PromptLibrary prompts, ModelCall teacher, MismatchPolicy onMismatch) {
    this.catalog = catalog;
    this.template = prompts.get(PromptLibrary.CLASSIFY);
    this.teacher = teacher;
    this.onMismatch = onMismatch;
  }

  public String render(String instruction) {
    StringBuilder list = new StringBuilder();
    for (Scenario s : catalog.scenarios()) {
      list.append("- ").append(s.id()).append(": ").append(s.name()).append(". ").append(s.description()).append('\n');
    }
    return template.render(Map.of("scenario_list", list.toString().strip(), "instruction", instruction));
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

  public ItemResult<Instruction> classify(Instruction instruction, TeacherClient client) {
    ChatResult result = client.chat(teacher, List.of(ChatMessage.user(render(instruction.text()))), template.version());
    CallUsage usage = CallUsage.of(result);
    if (!result.ok()) {
      return ItemResult.failedCall(result.outcome(), result.error(), usage);
    }
    Optional<String> label = parse(result.content());
    if (label.isEmpty()) {
      return ItemResult.quarantined(CallOutcome.PARSE_FAILED.code(),
          "no single catalog scenario id in [[ ]] in the answer: " + abbreviate(result.content()), usage);
    }
    String predicted = label.get();
    if (predicted.equals(instruction.intendedScenario())) {
      return ItemResult.out(List.of(instruction.classified(predicted, instruction.intendedScenario())), usage);
    }
    return switch (onMismatch) {
      case KEEP -> ItemResult.out(List.of(instruction.classified(predicted, instruction.intendedScenario())), usage);
      case RELABEL -> ItemResult.out(List.of(instruction.classified(predicted, predicted)), usage);
      case DROP -> ItemResult.filtered("scenario_mismatch",
          "written for " + instruction.intendedScenario() + ", classified as " + predicted, usage);
    };
  }

  private static String abbreviate(String s) {
    String one = s.replaceAll("\\s+", " ").strip();
    return one.length() <= 160 ? one : one.substring(0, 160) + "...";
  }
}
