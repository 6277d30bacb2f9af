package io.judgeforge.stage;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The one place that writes and reads the ids of the records the stages exchange. An id carries its
 * lineage (a judgment's id names its response, whose id names its instruction), so every form here
 * is written into the records and the exported shards and the response store's requests follow from
 * them: the forms must never change, and no other code composes or takes apart an id.
 *
 * <table>
 *   <caption>Forms</caption>
 *   <tr><td>reference passage</td><td>{@code <document id>#<chunk number>}</td></tr>
 *   <tr><td>generation task</td><td>{@code gen-<scenario>-<call number, 4 digits at least>}</td></tr>
 *   <tr><td>generated instruction</td><td>{@code <task id>-<position in the teacher's list>}</td></tr>
 *   <tr><td>imported instruction</td><td>{@code imp-<id in inputs.instructions>}</td></tr>
 *   <tr><td>response</td><td>{@code <instruction id>~<pool model name>}</td></tr>
 *   <tr><td>pair</td><td>{@code <instruction id>~<model A>~vs~<model B>}</td></tr>
 *   <tr><td>pointwise judgment</td><td>{@code jdg-<response id>}</td></tr>
 *   <tr><td>pairwise judgment</td><td>{@code jdg-<pair id>-<order>}</td></tr>
 *   <tr><td>augmented judgment</td><td>{@code <source judgment id>~<operation>}</td></tr>
 * </table>
 *
 * <p>Only what the code needs is parsed back; where a record needs a part of another's id (the
 * source of an augmented judgment), it carries that part as a field of its own instead.
 */
public final class RecordIds {
    /**
     * Prefixes an imported instruction's own id, so it can never collide with a generated one; the
     * import step and the classifier agreement apply it to a column (ImportedInstructions).
     */
    public static final String IMPORTED_INSTRUCTION_PREFIX = "imp-";

    private static final String GENERATION_TASK_PREFIX = "gen-";
    private static final String JUDGMENT_PREFIX = "jdg-";

    /** A generation task id read back: the scenario it writes for and its call number. */
    public record GenerationCall(String scenario, int call) {}

    private RecordIds() {}

    public static String passage(String documentId, int chunk) {
        return documentId + "#" + chunk;
    }

    /** The document a passage was cut from; an id with no chunk number is a document of its own. */
    public static String documentOf(String passageId) {
        int hash = passageId.lastIndexOf('#');
        return hash < 0 ? passageId : passageId.substring(0, hash);
    }

    public static String generationTask(String scenarioId, int call) {
        return GENERATION_TASK_PREFIX + scenarioId + "-" + String.format("%04d", call);
    }

    /** The scenario and call number of a generation task id; empty for any other id. */
    public static Optional<GenerationCall> generationCall(String taskId) {
        int dash = taskId.lastIndexOf('-');
        if (!taskId.startsWith(GENERATION_TASK_PREFIX) || dash <= GENERATION_TASK_PREFIX.length()) {
            return Optional.empty();
        }
        String number = taskId.substring(dash + 1);
        // A call number is written with %04d, so anything longer than an int's 9 safe digits is not one.
        if (number.isEmpty() || number.length() > 9 || !asciiDigits(number)) {
            return Optional.empty();
        }
        return Optional.of(
                new GenerationCall(taskId.substring(GENERATION_TASK_PREFIX.length(), dash), Integer.parseInt(number)));
    }

    public static String instruction(String taskId, int position) {
        return taskId + "-" + position;
    }

    /** Where a generated instruction stood in the teacher's list; empty for an id of another form. */
    public static OptionalLong instructionPosition(String instructionId) {
        String tail = instructionId.substring(instructionId.lastIndexOf('-') + 1);
        return !tail.isEmpty() && tail.length() <= 18 && asciiDigits(tail)
                ? OptionalLong.of(Long.parseLong(tail))
                : OptionalLong.empty();
    }

    public static String response(String instructionId, String modelName) {
        return instructionId + "~" + modelName;
    }

    /** The pair of two responses to one instruction, A (shown first in the original order) then B. */
    public static String pair(String instructionId, String modelA, String modelB) {
        return instructionId + "~" + modelA + "~vs~" + modelB;
    }

    public static String pointwiseJudgment(String responseId) {
        return JUDGMENT_PREFIX + responseId;
    }

    public static String pairwiseJudgment(String pairId, String order) {
        return JUDGMENT_PREFIX + pairId + "-" + order;
    }

    public static String augmentedJudgment(String sourceId, String operation) {
        return sourceId + "~" + operation;
    }

    private static boolean asciiDigits(String text) {
        return text.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
