package io.judgeforge.stage.generate;

/**
 * The question of an instruction: its text before the material {@link InstructionWriter} attaches.
 * The material is quoted from the reference on purpose and is shared word for word by every
 * question about it, so the copy and near-duplicate checks look at the question alone.
 */
public final class QuestionPart {
    private QuestionPart() {}

    public static String of(String instruction) {
        int material = instruction.indexOf(InstructionWriter.MATERIAL_MARKER);
        return material < 0 ? instruction : instruction.substring(0, material);
    }
}
