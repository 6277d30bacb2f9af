package io.judgeforge.stage.estimate;

import io.judgeforge.config.PipelineConfig;
import io.judgeforge.config.PipelineConfig.AnswerModel;
import io.judgeforge.prompt.PromptLibrary;
import io.judgeforge.scenario.ScenarioCatalog;
import io.judgeforge.stage.classify.ScenarioClassifier;
import io.judgeforge.stage.generate.GenerationPlanner;
import io.judgeforge.stage.generate.GenerationTask;
import io.judgeforge.stage.generate.InstructionWriter;
import io.judgeforge.stage.generate.SeedInstruction;
import io.judgeforge.stage.judge.JudgePromptRenderer;
import io.judgeforge.teacher.ModelCall;
import io.judgeforge.teacher.cost.Spending;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run would cost, before any call: the generation plan is exact; later stages follow from
 * it (each instruction is classified, answered by every pool model, each answer judged, each
 * judgment scored with two log-likelihood requests), assuming nothing is filtered. Prompt tokens
 * are the real templates rendered, at about four characters a token; text that does not exist yet
 * is assumed at {@link #INSTRUCTION_CHARS} characters for an instruction and at max-tokens for an
 * answer or a judgment, so completions and cost are upper bounds.
 */
public final class RunEstimator {
    /** Assumed length of a generated instruction, in characters (about 40 tokens). */
    public static final int INSTRUCTION_CHARS = 160;

    private final PipelineConfig config;
    private final ScenarioCatalog catalog;
    private final PromptLibrary prompts;
    private final List<SeedInstruction> seeds;
    private final Spending pricing;

    public RunEstimator(
            PipelineConfig config, ScenarioCatalog catalog, PromptLibrary prompts, List<SeedInstruction> seeds) {
        this.config = config;
        this.catalog = catalog;
        this.prompts = prompts;
        this.seeds = seeds;
        this.pricing = Spending.pricing(config);
    }

    static long tokens(long chars) {
        return (chars + 3) / 4;
    }

    /** {@code referenceChars}: the average length of a reference passage, from a sample of the input. */
    public List<StageEstimate> estimate(int referenceChars) {
        String reference = "x".repeat(Math.max(1, referenceChars));
        String instruction = "x".repeat(INSTRUCTION_CHARS);
        var teacher = config.teacher();
        List<StageEstimate> out = new ArrayList<>();

        List<GenerationTask> plan = new GenerationPlanner(
                        catalog, config.generate(), seeds, config.run().seed())
                .plan(1);
        InstructionWriter writer = new InstructionWriter(
                catalog,
                prompts,
                seeds,
                new ModelCall(teacher.endpoint(), teacher.model(), teacher.temperature(), teacher.maxTokens()));
        long genPrompt = 0;
        long instructions = 0;
        for (GenerationTask t : plan) {
            boolean hasReference = t.referenceIndex() != null;
            genPrompt +=
                    tokens(writer.render(t.withReference(hasReference ? "ref" : null, hasReference ? reference : null))
                            .length());
            instructions += t.count();
        }
        long genCompletion = (long) plan.size() * teacher.maxTokens();
        out.add(new StageEstimate(
                "generate", plan.size(), genPrompt, genCompletion, cost(teacher.model(), genPrompt, genCompletion)));

        ScenarioClassifier classifier =
                new ScenarioClassifier(catalog, prompts, null, config.classify().onMismatch());
        long classifyPrompt =
                instructions * tokens(classifier.render(instruction).length());
        long classifyCompletion = instructions * config.classify().maxTokens();
        out.add(new StageEstimate(
                "classify",
                instructions,
                classifyPrompt,
                classifyCompletion,
                cost(teacher.model(), classifyPrompt, classifyCompletion)));

        long answers = 0;
        long answerPrompt = 0;
        long answerCompletion = 0;
        double answerCost = 0;
        int longestAnswer = 0;
        for (AnswerModel m : config.respond().pool()) {
            long p = instructions * tokens(INSTRUCTION_CHARS);
            long c = instructions * m.maxTokens();
            answers += instructions;
            answerPrompt += p;
            answerCompletion += c;
            answerCost += cost(m.model(), p, c);
            longestAnswer = Math.max(longestAnswer, m.maxTokens());
        }
        out.add(new StageEstimate("respond", answers, answerPrompt, answerCompletion, answerCost));

        // Judge: each answer graded on its own (single, or against a reference in the reference
        // scenarios), and pairs per instruction in one or two orders; every item k samples.
        var judge = config.judge();
        JudgePromptRenderer renderer = new JudgePromptRenderer(catalog, prompts);
        String answer = "x".repeat(longestAnswer * 4);
        long judgePromptTokens = 0;
        for (var scenario : catalog.scenarios()) {
            judgePromptTokens = Math.max(
                    judgePromptTokens,
                    Math.max(
                            tokens(renderer.single(scenario.id(), instruction, answer)
                                    .length()),
                            tokens(renderer.referenceGuided(scenario.id(), instruction, answer, answer)
                                    .length())));
        }
        int pool = config.respond().pool().size();
        long pointwise = 0;
        for (GenerationTask t : plan) {
            if (judge.single()) {
                pointwise += (long) t.count() * pool;
            } else if (judge.referenceScenarios().contains(t.scenario())) {
                // The reference model's own answer has no reference to be graded against, and single grading is off.
                pointwise += (long) t.count() * (pool - 1);
            }
        }
        long pairs = instructions * Math.min(judge.pairwise().pairsPerInstruction(), (long) pool * (pool - 1) / 2);
        long pairCalls = pairs * (judge.pairwise().order() == PipelineConfig.PairOrder.SWAP ? 2 : 1);
        long pairPromptTokens = 0;
        for (var scenario : catalog.scenarios()) {
            pairPromptTokens = Math.max(
                    pairPromptTokens,
                    tokens(renderer.pairwise(scenario.id(), instruction, answer, answer)
                            .length()));
        }
        long judgeCalls = (pointwise + pairCalls) * judge.samples();
        long judgePrompt = judge.samples() * (pointwise * judgePromptTokens + pairCalls * pairPromptTokens);
        long judgeCompletion = judgeCalls * judge.maxTokens();
        out.add(new StageEstimate(
                "judge",
                judgeCalls,
                judgePrompt,
                judgeCompletion,
                cost(teacher.model(), judgePrompt, judgeCompletion)));

        // Each judge record (a pair makes two) is scored twice: with its judge prompt, and alone; one token each time.
        long records = pointwise + 2 * pairs;
        long scorePrompt = records * (Math.max(judgePromptTokens, pairPromptTokens) + 2L * judge.maxTokens());
        long scoreCompletion = records * 2;
        out.add(new StageEstimate(
                "score",
                records * 2,
                scorePrompt,
                scoreCompletion,
                cost(config.score().model(), scorePrompt, scoreCompletion)));
        return out;
    }

    private double cost(String model, long promptTokens, long completionTokens) {
        return pricing.cost(model, promptTokens, completionTokens);
    }
}
