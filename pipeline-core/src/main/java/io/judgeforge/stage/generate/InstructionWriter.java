package io.judgeforge.stage.generate;

import io.judgeforge.prompt.PromptLibrary;
import io.judgeforge.prompt.PromptTemplate;
import io.judgeforge.scenario.GenerationMethod;
import io.judgeforge.scenario.Scenario;
import io.judgeforge.scenario.ScenarioCatalog;
import io.judgeforge.stage.CallUsage;
import io.judgeforge.stage.ItemOutcome;
import io.judgeforge.stage.RecordIds;
import io.judgeforge.teacher.CallOutcome;
import io.judgeforge.teacher.ChatClient;
import io.judgeforge.teacher.ChatMessage;
import io.judgeforge.teacher.ChatResult;
import io.judgeforge.teacher.ModelCall;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs one generation task: renders the prompt of its method (reference-based questioning or
 * role-playing quizzing), calls the teacher, and reads the instructions out of the answer.
 */
public final class InstructionWriter implements Serializable {
    /** Separates a quiz question from the material it is about, in the instruction's text. */
    public static final String MATERIAL_MARKER = "\n\nMaterial:\n";

    private final ScenarioCatalog catalog;
    private final PromptLibrary prompts;
    private final Map<String, String> seedTexts;
    private final ModelCall teacher;

    public InstructionWriter(
            ScenarioCatalog catalog, PromptLibrary prompts, List<SeedInstruction> seeds, ModelCall teacher) {
        this.catalog = catalog;
        this.prompts = prompts;
        this.seedTexts = seeds.stream()
                .collect(Collectors.toMap(SeedInstruction::id, SeedInstruction::text, (a, b) -> a, HashMap::new));
        this.teacher = teacher;
    }

    public PromptTemplate template(GenerationTask task) {
        return prompts.get(
                task.method() == GenerationMethod.REFERENCE
                        ? PromptLibrary.GENERATE_REFERENCE
                        : PromptLibrary.GENERATE_QUIZ);
    }

    public String render(GenerationTask task) {
        Scenario scenario = catalog.get(task.scenario());
        Map<String, String> values = new HashMap<>();
        values.put("scenario_name", scenario.name());
        values.put("scenario_description", scenario.description());
        values.put("count", Integer.toString(task.count()));
        StringBuilder examples = new StringBuilder();
        for (int i = 0; i < task.seedExampleIds().size(); i++) {
            examples.append(i + 1)
                    .append(". ")
                    .append(seedTexts.get(task.seedExampleIds().get(i)))
                    .append('\n');
        }
        values.put(
                "seed_examples",
                examples.length() == 0 ? "(none)" : examples.toString().strip());
        if (task.method() == GenerationMethod.REFERENCE) {
            values.put("reference", task.reference());
        } else {
            values.put("difficulty", task.difficulty());
            values.put("audience", task.audience());
            values.put("subject", task.subject());
            values.put("topic", task.topic());
            values.put("task", task.task());
            values.put(
                    "material_block",
                    task.reference() == null
                            ? ""
                            : "\nThe questions are about this material:\n[Material Begin]\n" + task.reference()
                                    + "\n[Material End]\n");
        }
        return template(task).render(values);
    }

    public ItemOutcome<Instruction> write(GenerationTask task, ChatClient client) {
        List<ChatMessage> messages = List.of(ChatMessage.user(render(task)));
        ChatResult result = client.chat(teacher, messages, template(task).version());
        String requestHash = result.requestKey();
        CallUsage usage = CallUsage.of(result);
        if (!result.ok()) {
            return ItemOutcome.failedCall(result.outcome(), result.error(), usage);
        }
        List<String> questions = QuestionListParser.parse(result.content());
        if (questions.isEmpty()) {
            return ItemOutcome.quarantined(
                    CallOutcome.PARSE_FAILED, "no numbered list or JSON array of instructions in the answer", usage);
        }
        List<Instruction> out = new ArrayList<>();
        // Every instruction the teacher wrote is kept, also beyond the count asked for: nothing is dropped
        // unseen, and the validate step filters with reasons.
        for (int i = 0; i < questions.size(); i++) {
            String text = questions.get(i);
            if (task.method() == GenerationMethod.QUIZ && task.reference() != null) {
                text = text + MATERIAL_MARKER + task.reference();
            }
            out.add(new Instruction(
                    RecordIds.instruction(task.id(), i),
                    task.scenario(),
                    task.scenario(),
                    null,
                    task.method().name().toLowerCase(),
                    text,
                    task.id(),
                    task.referenceId(),
                    task.seedExampleIds(),
                    template(task).version(),
                    teacher.model(),
                    requestHash,
                    null));
        }
        return ItemOutcome.out(out, usage);
    }
}
