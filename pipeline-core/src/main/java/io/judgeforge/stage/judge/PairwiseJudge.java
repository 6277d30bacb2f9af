package io.judgeforge.stage.judge;

import io.judgeforge.config.PipelineConfig.InconsistentPairs;
import io.judgeforge.config.PipelineConfig.PairOrder;
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
import java.util.Optional;

/**
 * Compares two responses in both orders, since judges favour a position. In {@code swap} order the
 * teacher is asked again with the responses exchanged and the two verdicts must agree (mapped to
 * the same numbering); a pair whose orders disagree becomes a tie in both records or is filtered as
 * order_inconsistent. In {@code mirror} order the second record exchanges A and B in the first
 * judgment, with no second call. Either way the pair yields two training records, one per order.
 */
public final class PairwiseJudge implements Serializable {
    private final JudgePromptRenderer renderer;
    private final VerdictParser parser;
    private final JudgeSampling sampling;
    private final PairOrder order;
    private final InconsistentPairs inconsistent;

    public PairwiseJudge(
            JudgePromptRenderer renderer,
            VerdictParser parser,
            JudgeSampling sampling,
            PairOrder order,
            InconsistentPairs inconsistent) {
        this.renderer = renderer;
        this.parser = parser;
        this.sampling = sampling;
        this.order = order;
        this.inconsistent = inconsistent;
    }

    /** The verdict of one order: its label, the chosen sample's text and request, all samples' labels. */
    private record Side(
            String prompt, Verdict verdict, String target, String raw, String requestHash, List<String> samples) {}

    /** A side, or the result that ends the item (a failed call, a parse failure, no majority). */
    private record Outcome(Side side, ItemOutcome<Judgment> stop, CallUsage usage) {}

    public ItemOutcome<Judgment> judge(PairTask task, ChatClient client) {
        Response first = task.first();
        Response second = task.second();
        String version = renderer.template(JudgeMode.PAIRWISE).version();
        Outcome original = ask(
                renderer.pairwise(first.scenario(), first.instruction(), first.text(), second.text()),
                version,
                client,
                CallUsage.NONE,
                "original order: ");
        if (original.stop() != null) {
            return original.stop();
        }
        Side a = original.side();
        String swappedPrompt = renderer.pairwise(first.scenario(), first.instruction(), second.text(), first.text());
        Side b;
        CallUsage usage = original.usage();
        if (order == PairOrder.MIRROR) {
            b = new Side(
                    swappedPrompt,
                    flipped(a.verdict()),
                    VerdictText.mirrored(a.target()),
                    a.raw(),
                    a.requestHash(),
                    a.samples().stream().map(PairwiseJudge::flippedLabel).toList());
            if (!says(b.target(), b.verdict())) {
                return ItemOutcome.filtered(
                        RejectReason.MIRROR_FAILED,
                        "the mirrored text does not read as " + letter(b.verdict())
                                + "; judge.pairwise.order: swap asks the teacher instead",
                        usage);
            }
        } else {
            Outcome swapped = ask(swappedPrompt, version, client, usage, "swapped order: ");
            if (swapped.stop() != null) {
                return swapped.stop();
            }
            usage = swapped.usage();
            b = swapped.side();
            if (flipped(b.verdict()) != a.verdict()) {
                String detail = "original order " + letter(a.verdict()) + ", swapped order " + letter(b.verdict())
                        + " (= " + letter(flipped(b.verdict())) + " in the original numbering)";
                if (inconsistent == InconsistentPairs.DROP) {
                    return ItemOutcome.filtered(RejectReason.ORDER_INCONSISTENT, detail, usage);
                }
                a = new Side(
                        a.prompt(),
                        Verdict.TIE,
                        VerdictText.withVerdict(a.target(), "C"),
                        a.raw(),
                        a.requestHash(),
                        a.samples());
                b = new Side(
                        b.prompt(),
                        Verdict.TIE,
                        VerdictText.withVerdict(b.target(), "C"),
                        b.raw(),
                        b.requestHash(),
                        b.samples());
                if (!says(a.target(), Verdict.TIE) || !says(b.target(), Verdict.TIE)) {
                    return ItemOutcome.filtered(
                            RejectReason.ORDER_INCONSISTENT,
                            detail + "; the texts could not be rewritten as a tie",
                            usage);
                }
            }
        }
        return ItemOutcome.out(
                List.of(
                        record(task, first, second, "original", a, version),
                        record(task, second, first, "swapped", b, version)),
                usage);
    }

    private Outcome ask(String prompt, String version, ChatClient client, CallUsage before, String where) {
        List<Verdict> verdicts = new ArrayList<>();
        List<ChatResult> results = new ArrayList<>();
        CallUsage usage = before;
        for (int i = 0; i < sampling.samples(); i++) {
            ChatResult result = client.chat(sampling.call(i), List.of(ChatMessage.user(prompt)), version);
            usage = usage.plus(CallUsage.of(result));
            if (!result.ok()) {
                return new Outcome(
                        null,
                        ItemOutcome.failedCall(result.outcome(), where + sampling.prefix(i) + result.error(), usage),
                        usage);
            }
            VerdictParser.Result read = parser.parse(result.content());
            if (read instanceof VerdictParser.Failed f) {
                return new Outcome(
                        null,
                        ItemOutcome.quarantined(
                                CallOutcome.PARSE_FAILED, where + sampling.prefix(i) + f.detail(), usage),
                        usage);
            }
            verdicts.add(((VerdictParser.Parsed) read).verdict().verdict());
            results.add(result);
        }
        Optional<Integer> majority = SampleVotes.majority(verdicts);
        List<String> labels = sampling.samples() > 1
                ? verdicts.stream().map(PairwiseJudge::letter).toList()
                : List.of();
        if (majority.isEmpty()) {
            return new Outcome(
                    null,
                    ItemOutcome.filtered(
                            RejectReason.INCONSISTENT_SAMPLES, where + "no verdict has a majority of " + labels, usage),
                    usage);
        }
        ChatResult chosen = results.get(majority.get());
        return new Outcome(
                new Side(
                        prompt,
                        verdicts.get(majority.get()),
                        chosen.content(),
                        chosen.content(),
                        chosen.requestKey(),
                        labels),
                null,
                usage);
    }

    /**
     * The record's output is the teacher's own text (for a mirrored record, the text it wrote for the
     * other order); its target is the training text, rewritten where a rule changed the verdict.
     */
    private Judgment record(
            PairTask task, Response shownA, Response shownB, String orderName, Side side, String version) {
        return Judgment.builder()
                .id(RecordIds.pairwiseJudgment(task.id(), orderName))
                .responseId(shownA.id())
                .instructionId(shownA.instructionId())
                .scenario(shownA.scenario())
                .mode(JudgeMode.PAIRWISE.code())
                .answerModel(shownA.model())
                .responseIdB(shownB.id())
                .answerModelB(shownB.model())
                .pairId(task.id())
                .order(orderName)
                .prompt(side.prompt())
                .output(side.raw())
                .target(side.target())
                .verdict(letter(side.verdict()))
                .samples(side.samples())
                .templateVersion(version)
                .teacherModel(sampling.model())
                .requestHash(side.requestHash())
                .build();
    }

    /** True when the text, read as the teacher's would be, gives {@code verdict}: a rewritten target must not contradict its record. */
    private boolean says(String text, Verdict verdict) {
        return parser.parse(text) instanceof VerdictParser.Parsed p
                && p.verdict().verdict() == verdict;
    }

    static Verdict flipped(Verdict v) {
        return switch (v) {
            case A -> Verdict.B;
            case B -> Verdict.A;
            case TIE -> Verdict.TIE;
        };
    }

    private static String flippedLabel(String label) {
        return switch (label) {
            case "A" -> "B";
            case "B" -> "A";
            default -> label;
        };
    }

    /** How a verdict is written in records: A, B or C (tie), as in the judge's own [[C]]. */
    public static String letter(Verdict v) {
        return v == Verdict.TIE ? "C" : v.name();
    }
}
