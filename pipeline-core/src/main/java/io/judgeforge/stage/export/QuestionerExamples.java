package io.judgeforge.stage.export;

import io.judgeforge.config.PipelineConfig.ClassifierLabels;
import io.judgeforge.prompt.PromptLibrary;
import io.judgeforge.prompt.PromptTemplate;
import io.judgeforge.scenario.Scenario;
import io.judgeforge.scenario.ScenarioCatalog;
import io.judgeforge.stage.RecordIds;
import io.judgeforge.stage.generate.Instruction;
import io.judgeforge.teacher.ChatMessage;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Makes questioner-set records: one per reference-based generation call, pairing the scenario and
 * the reference passage with the questions of that call that are kept. The user turn is rendered
 * from questioner.txt, which has no seed examples: the trained questioner must work from the
 * scenario and the reference alone (Themis section 3.2).
 */
public final class QuestionerExamples implements Serializable {
    private final ScenarioCatalog catalog;
    private final PromptTemplate template;
    private final ClassifierLabels policy;
    private final SplitAssigner splits;

    public QuestionerExamples(
            ScenarioCatalog catalog, PromptLibrary prompts, ClassifierLabels policy, SplitAssigner splits) {
        this.catalog = catalog;
        this.template = prompts.get(PromptLibrary.QUESTIONER);
        this.policy = policy;
        this.splits = splits;
    }

    /**
     * A question is kept when the label the classifier set would give it is the scenario it was
     * written for: a questioner must learn to write questions that belong to the scenario asked.
     */
    public boolean keeps(Instruction question) {
        return keeps(question.intendedScenario(), question.predictedScenario(), policy);
    }

    /** As {@link #keeps(Instruction)}, from the two scenario labels. */
    public static boolean keeps(String intended, String predicted, ClassifierLabels policy) {
        return intended != null
                && ClassifierExamples.label(intended, predicted, policy)
                        .filter(intended::equals)
                        .isPresent();
    }

    /**
     * The record of one call from its kept questions (in any order, at least one) and the passage they
     * were written from. The call's scenario and reference are its questions'; its split follows the
     * passage's source document.
     */
    public QuestionerExample example(String taskId, String passage, List<Instruction> questions) {
        Instruction first = questions.get(0);
        return example(
                taskId,
                first.intendedScenario(),
                first.referenceId(),
                passage,
                questions,
                splits.split(document(first.referenceId())));
    }

    /** The record of one call; {@code questions} are its kept questions, in any order. */
    public QuestionerExample example(
            String taskId,
            String scenarioId,
            String referenceId,
            String reference,
            List<Instruction> questions,
            String split) {
        Scenario scenario = catalog.find(scenarioId)
                .orElseThrow(
                        () -> new IllegalArgumentException("Unknown scenario '" + scenarioId + "' for task " + taskId));
        // By position in the teacher's list ('<task id>-<i>'), numerically: item 10 comes after item 2.
        List<Instruction> ordered = questions.stream()
                .sorted(Comparator.comparing((Instruction q) -> position(q.id()))
                        .thenComparing(Instruction::id))
                .toList();
        String user = template.render(Map.of(
                "scenario_name",
                scenario.name(),
                "scenario_description",
                scenario.description(),
                "reference",
                reference,
                "count",
                Integer.toString(ordered.size())));
        StringBuilder answer = new StringBuilder();
        for (int i = 0; i < ordered.size(); i++) {
            answer.append(i + 1)
                    .append(". ")
                    .append(listItem(ordered.get(i).text()))
                    .append('\n');
        }
        return new QuestionerExample(
                List.of(
                        ChatMessage.user(user),
                        ChatMessage.assistant(answer.toString().strip())),
                taskId,
                split,
                scenarioId,
                referenceId,
                ordered.stream().map(Instruction::id).toList(),
                template.version(),
                ordered.isEmpty() ? null : ordered.get(0).teacherModel());
    }

    private static long position(String id) {
        return RecordIds.instructionPosition(id).orElse(Long.MAX_VALUE);
    }

    // Continuation lines are stripped and blank ones dropped, the form QuestionListParser reads back.
    private static String listItem(String text) {
        return text.strip()
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    /** The split of a passage follows its source document, so chunks of one document never straddle the splits. */
    public static String document(String referenceId) {
        return RecordIds.documentOf(referenceId);
    }
}
