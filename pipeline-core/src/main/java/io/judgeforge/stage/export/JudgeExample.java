package io.judgeforge.stage.export;

import io.judgeforge.stage.judge.Judgment;
import io.judgeforge.teacher.ChatMessage;
import java.util.List;

/**
 * One record of the judge fine-tuning set, in chat format: the judge prompt as the user turn and the
 * judgment's target as the assistant turn, with the metadata a trainer or an auditor needs.
 * Pointwise records (modes single and reference) carry {@code score}; pairwise ones {@code verdict}
 * about responses A ({@code responseId}) and B ({@code responseIdB}), and their pair and order.
 * {@code spans} mark the assistant turn's format and rationale text (TargetSpans). {@code augmentation}
 * names a record derived from a selected one without a call (paraphrase, downsample, rescale-1-N).
 */
public record JudgeExample(
        List<ChatMessage> messages,
        List<TargetSpan> spans,
        String id,
        String split,
        String scenario,
        String mode,
        Integer score,
        String verdict,
        String instructionId,
        String responseId,
        String answerModel,
        String responseIdB,
        String answerModelB,
        String pairId,
        String order,
        String referenceSource,
        String augmentation,
        double ifd,
        String templateVersion,
        String teacherModel) {

    public JudgeExample {
        messages = List.copyOf(messages);
        spans = List.copyOf(spans);
    }

    /**
     * The record of {@code judgment}: its prompt and target as the two turns, its metadata as it is.
     * {@code ifd} is the selection score of the judgment, or of the one an augmented judgment was made from.
     */
    public static JudgeExample of(Judgment judgment, double ifd, String split) {
        return new JudgeExample(
                /* messages= */ List.of(ChatMessage.user(judgment.prompt()), ChatMessage.assistant(judgment.target())),
                /* spans= */ TargetSpans.of(judgment.target()),
                /* id= */ judgment.id(),
                /* split= */ split,
                /* scenario= */ judgment.scenario(),
                /* mode= */ judgment.mode(),
                /* score= */ judgment.score(),
                /* verdict= */ judgment.verdict(),
                /* instructionId= */ judgment.instructionId(),
                /* responseId= */ judgment.responseId(),
                /* answerModel= */ judgment.answerModel(),
                /* responseIdB= */ judgment.responseIdB(),
                /* answerModelB= */ judgment.answerModelB(),
                /* pairId= */ judgment.pairId(),
                /* order= */ judgment.order(),
                /* referenceSource= */ judgment.referenceSource(),
                /* augmentation= */ judgment.augmentation(),
                /* ifd= */ ifd,
                /* templateVersion= */ judgment.templateVersion(),
                /* teacherModel= */ judgment.teacherModel());
    }
}
