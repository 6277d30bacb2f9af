package io.judgeforge.stage.judge;

import io.judgeforge.stage.CallUsage;
import io.judgeforge.stage.ItemOutcome;
import io.judgeforge.stage.RecordIds;
import io.judgeforge.stage.RejectReason;
import io.judgeforge.stage.respond.Response;
import io.judgeforge.teacher.CallOutcome;
import io.judgeforge.teacher.ChatClient;
import io.judgeforge.teacher.ChatMessage;
import io.judgeforge.teacher.ChatResult;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Grades one response on its own: single-answer grading, or reference-guided where the task brings a
 * reference. With several samples, the lower-median score's sample is the record, and a spread over
 * {@code maxSpread} (when set) filters the item as inconsistent_samples.
 */
public final class ResponseJudge implements Serializable {
    private final JudgePromptRenderer renderer;
    private final JudgmentParser parser;
    private final JudgeSampling sampling;
    private final boolean single;

    /** {@code single}: whether a response without a reference is graded alone (judge.single) or filtered. */
    public ResponseJudge(JudgePromptRenderer renderer, JudgmentParser parser, JudgeSampling sampling, boolean single) {
        this.renderer = renderer;
        this.parser = parser;
        this.sampling = sampling;
        this.single = single;
    }

    public ItemOutcome<Judgment> judge(JudgeTask task, ChatClient client) {
        Response response = task.response();
        if (task.reference() == null && !single) {
            return ItemOutcome.filtered(
                    RejectReason.MODE_OFF,
                    "no reference to grade against, and single-answer grading is off" + " (judge.single: false)",
                    CallUsage.NONE);
        }
        JudgeMode mode = task.reference() == null ? JudgeMode.SINGLE : JudgeMode.REFERENCE;
        String prompt = mode == JudgeMode.SINGLE
                ? renderer.single(response.scenario(), response.instruction(), response.text())
                : renderer.referenceGuided(
                        response.scenario(), response.instruction(), task.reference(), response.text());
        String version = renderer.template(mode).version();
        List<Integer> scores = new ArrayList<>();
        List<ParsedJudgment> parsed = new ArrayList<>();
        List<ChatResult> results = new ArrayList<>();
        CallUsage usage = CallUsage.NONE;
        for (int i = 0; i < sampling.samples(); i++) {
            ChatResult result = client.chat(sampling.call(i), List.of(ChatMessage.user(prompt)), version);
            usage = usage.plus(CallUsage.of(result));
            if (!result.ok()) {
                return ItemOutcome.failedCall(result.outcome(), sampling.prefix(i) + result.error(), usage);
            }
            JudgmentParser.Result read = parser.parse(result.content());
            if (read instanceof JudgmentParser.Failed f) {
                return ItemOutcome.quarantined(CallOutcome.PARSE_FAILED, sampling.prefix(i) + f.detail(), usage);
            }
            ParsedJudgment p = ((JudgmentParser.Parsed) read).judgment();
            if (p.score() != Math.rint(p.score())) {
                return ItemOutcome.quarantined(
                        CallOutcome.PARSE_FAILED,
                        sampling.prefix(i) + "overall score " + p.score()
                                + " is not a whole number; judge records carry integer scores",
                        usage);
            }
            scores.add((int) p.score());
            parsed.add(p);
            results.add(result);
        }
        if (sampling.samples() > 1 && sampling.maxSpread() > 0 && SampleVotes.spread(scores) > sampling.maxSpread()) {
            return ItemOutcome.filtered(
                    RejectReason.INCONSISTENT_SAMPLES,
                    "sample scores " + scores + " spread " + SampleVotes.spread(scores) + " > judge.max-spread "
                            + sampling.maxSpread(),
                    usage);
        }
        int chosen = SampleVotes.lowerMedian(scores);
        ParsedJudgment p = parsed.get(chosen);
        ChatResult result = results.get(chosen);
        Judgment judgment = Judgment.builder()
                .id(RecordIds.pointwiseJudgment(response.id()))
                .responseId(response.id())
                .instructionId(response.instructionId())
                .scenario(response.scenario())
                .mode(mode.code())
                .answerModel(response.model())
                .prompt(prompt)
                .output(result.content())
                .target(result.content())
                .score(scores.get(chosen))
                .samples(sampling.samples() > 1 ? SampleVotes.labels(scores) : List.of())
                .pointScores(p.pointScores())
                .strengths(p.strengths())
                .shortcomings(p.shortcomings())
                .referenceSource(task.referenceSource())
                .templateVersion(version)
                .teacherModel(sampling.model())
                .requestHash(result.requestKey())
                .build();
        return ItemOutcome.out(List.of(judgment), usage);
    }
}
