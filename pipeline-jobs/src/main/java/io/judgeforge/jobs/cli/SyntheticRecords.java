package io.judgeforge.jobs.cli;

import io.judgeforge.config.PipelineConfig;
import io.judgeforge.hash.Sha256;
import io.judgeforge.prompt.PromptLibrary;
import io.judgeforge.scenario.Criterion;
import io.judgeforge.scenario.GenerationMethod;
import io.judgeforge.scenario.Scenario;
import io.judgeforge.scenario.ScenarioCatalog;
import io.judgeforge.stage.RecordIds;
import io.judgeforge.stage.generate.Instruction;
import io.judgeforge.stage.generate.ReferencePassage;
import io.judgeforge.stage.judge.JudgeMode;
import io.judgeforge.stage.judge.JudgePromptRenderer;
import io.judgeforge.stage.judge.Judgment;
import io.judgeforge.stage.score.IfdScore;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The records of a run up to the score stage, made up for {@code bench stages}: record {@code r} of
 * {@code records} judge records is a pure function of {@code r} and the run seed, so Spark tasks make them in
 * parallel and a rerun makes the same ones. They are what the judge and score stages would have written for
 * this config: judge prompts rendered by the real renderer from the scenario catalog, targets in the Themis
 * format naming the scenario's criteria (so augment's paraphrase and down-sampling find them), instructions
 * spread evenly over the catalog's scenarios, {@code respond.pool}'s models answering each, reference-guided
 * grading where the config asks for it, one pair per instruction judged in both orders (two records in seven
 * are pairwise), scores skewed towards 4 as the paper's teacher gave them (so balance caps them), and IFD
 * values around a scenario's mean with a few outliers (so the z-score filter drops some).
 */
final class SyntheticRecords implements Serializable {
    /** Instructions per generation call, as generate.per-call would group them. */
    static final int PER_CALL = 5;

    /** One judge record in this many is pairwise: the two orders of one pair, beside five answers graded alone. */
    static final int PAIR_EVERY = 7;

    private static final String[] WORDS =
            ("the a of to and in that is for on with as it by this be are from at or an which "
                            + "data model answer question value result method table function error step example number "
                            + "reader student city river history science energy water market price rate time year "
                            + "first second third next last each every many several some other same different "
                            + "explain describe compare compute list show give write find check improve summarize "
                            + "clear correct complete accurate relevant concise detailed simple careful useful "
                            + "because however therefore although while since unless before after during "
                            + "percent average total ratio sample survey report chapter article passage paragraph "
                            + "code loop string array query index record field column row file input output")
                    .split(" ");

    private final List<Scenario> scenarios;
    private final List<String> pool;
    private final String referenceModel;
    private final Set<String> referenceScenarios;
    private final JudgePromptRenderer renderer;
    private final String teacherModel;
    private final String referenceTemplate;
    private final String quizTemplate;
    private final int minScore;
    private final int maxScore;
    private final long seed;
    private final long records;
    private final long pairs;
    private final long pointwise;

    SyntheticRecords(PipelineConfig config, ScenarioCatalog catalog, PromptLibrary prompts, long records) {
        if (records < 1) {
            throw new io.judgeforge.config.ConfigException(
                    "Invalid value for '--records': " + records + " (expected an integer >= 1)");
        }
        this.scenarios = List.copyOf(catalog.scenarios());
        this.pool = config.respond().pool().stream()
                .map(PipelineConfig.AnswerModel::name)
                .toList();
        this.referenceModel = config.judge().referenceModel().isEmpty()
                ? pool.get(pool.size() - 1)
                : config.judge().referenceModel();
        this.referenceScenarios = Set.copyOf(config.judge().referenceScenarios());
        this.renderer = new JudgePromptRenderer(catalog, prompts);
        this.teacherModel = config.teacher().model();
        this.referenceTemplate = prompts.get(PromptLibrary.GENERATE_REFERENCE).version();
        this.quizTemplate = prompts.get(PromptLibrary.GENERATE_QUIZ).version();
        this.minScore = config.judge().minScore();
        this.maxScore = config.judge().maxScore();
        this.seed = config.run().seed();
        this.records = records;
        this.pairs = pool.size() < 2 ? 0 : records / PAIR_EVERY;
        this.pointwise = records - 2 * pairs;
    }

    long records() {
        return records;
    }

    long pointwise() {
        return pointwise;
    }

    /** Instructions: every pool model answers each, and each of the first {@code pairs} has a pair. */
    long instructions() {
        return (pointwise + pool.size() - 1) / pool.size();
    }

    /** Slots of {@link #passage}: one per scenario and generation call; quiz scenarios' slots are empty. */
    long passageSlots() {
        long perScenario = (instructions() + scenarios.size() - 1) / scenarios.size();
        return (perScenario + PER_CALL - 1) / PER_CALL * scenarios.size();
    }

    /** Instruction {@code i} as the classify stage wrote it; {@code classified} false: as generate did. */
    Instruction instruction(long i, boolean classified) {
        Scenario scenario = scenarioOf(i);
        long q = i / scenarios.size();
        int call = (int) (q / PER_CALL);
        String task = RecordIds.generationTask(scenario.id(), call);
        boolean reference = scenario.method() == GenerationMethod.REFERENCE;
        SplittableRandom random = random(i, 1);
        String text = sentence(random, 12, 48) + "?";
        String predicted = null;
        if (classified) {
            // One instruction in twelve is labelled with another scenario: the sets' label rules do work.
            predicted = random.nextInt(12) == 0
                    ? scenarios
                            .get((scenarios.indexOf(scenario) + 1 + random.nextInt(scenarios.size() - 1))
                                    % scenarios.size())
                            .id()
                    : scenario.id();
        }
        return new Instruction(
                RecordIds.instruction(task, (int) (q % PER_CALL) + 1),
                scenario.id(),
                scenario.id(),
                predicted,
                scenario.method().code(),
                text,
                task,
                reference ? passageId(scenario, call) : null,
                List.of(),
                reference ? referenceTemplate : quizTemplate,
                teacherModel,
                Sha256.hex("generate:" + task),
                null);
    }

    /** The passage of slot {@code k}'s generation call, for a reference-based scenario. */
    Optional<ReferencePassage> passage(long k) {
        Scenario scenario = scenarios.get((int) (k % scenarios.size()));
        if (scenario.method() != GenerationMethod.REFERENCE) {
            return Optional.empty();
        }
        int call = (int) (k / scenarios.size());
        return Optional.of(new ReferencePassage(
                passageId(scenario, call),
                "Document " + call + " on " + scenario.name(),
                scenario.name(),
                sentence(random(k, 2), 150, 320) + "."));
    }

    /** Judge record {@code r}: the first {@link #pointwise} grade one answer, the rest are pairs in both orders. */
    Judgment judgment(long r) {
        return judgment(r, true);
    }

    /** Without {@code prompt}, the record has an empty prompt: all the score stage's record needs, made faster. */
    private Judgment judgment(long r, boolean prompt) {
        if (r < 0 || r >= records) {
            throw new IllegalArgumentException("record " + r + " of " + records);
        }
        return r < pointwise ? pointwise(r, prompt) : pairwise((r - pointwise) / 2, (r - pointwise) % 2 == 1, prompt);
    }

    /** The score stage's record of judge record {@code r}. */
    IfdScore score(long r) {
        Judgment j = judgment(r, false);
        SplittableRandom random = random(r, 3);
        int s = scenarios.indexOf(scenarioOf(instructionOf(r)));
        // A scenario's IFD lies around its own mean; one record in a hundred is far above it.
        double ifd = random.nextInt(100) == 0
                ? 1.4 + random.nextDouble()
                : Math.max(0.05, 0.55 + 0.03 * s + 0.12 * random.nextGaussian());
        double direct = 0.8 + 2.2 * random.nextDouble();
        int tokens = Math.max(1, j.target().split("\\s+").length * 4 / 3);
        return new IfdScore(j.id(), j.scenario(), j.mode(), j.label(), j.pairId(), ifd * direct, direct, ifd, tokens);
    }

    /** The scenario of instruction {@code i}: the catalog's scenarios in turn. */
    String scenarioOfInstruction(long i) {
        return scenarioOf(i).id();
    }

    /** The instruction judge record {@code r} is about. */
    long instructionOf(long r) {
        return r < pointwise ? r / pool.size() : (r - pointwise) / 2;
    }

    private Scenario scenarioOf(long instruction) {
        return scenarios.get((int) (instruction % scenarios.size()));
    }

    private Judgment pointwise(long j, boolean withPrompt) {
        long i = j / pool.size();
        Instruction instruction = instruction(i, true);
        String model = pool.get((int) (j % pool.size()));
        String scenario = instruction.scenario();
        boolean withReference = referenceScenarios.contains(scenario) && !model.equals(referenceModel);
        JudgeMode mode = withReference ? JudgeMode.REFERENCE : JudgeMode.SINGLE;
        String prompt = !withPrompt
                ? ""
                : withReference
                        ? renderer.referenceGuided(
                                scenario, instruction.text(), response(i, referenceModel), response(i, model))
                        : renderer.single(scenario, instruction.text(), response(i, model));
        SplittableRandom random = random(j, 4);
        int score = score(random);
        List<Criterion> criteria = scenarioOf(i).criteria();
        int good = Math.min(1 + random.nextInt(3), criteria.size());
        int bad = Math.min(1 + random.nextInt(2), criteria.size() - good);
        int offset = random.nextInt(criteria.size());
        List<String> strengths = new ArrayList<>();
        List<String> shortcomings = new ArrayList<>();
        List<Integer> points = new ArrayList<>();
        StringBuilder target = new StringBuilder("I believe the overall rating of this response is [[" + score
                + "]], and the reasons are as follows.\nStrengths of the current response:");
        for (int k = 0; k < good + bad; k++) {
            if (k == good) {
                target.append("\nShortcomings of the current response:");
            }
            String point = criteria.get((offset + k) % criteria.size()).name() + ": " + sentence(random, 8, 28) + ".";
            int pointScore = k < good
                    ? Math.min(maxScore, score + random.nextInt(2))
                    : Math.max(minScore, score - 1 - random.nextInt(2));
            (k < good ? strengths : shortcomings).add(point);
            points.add(pointScore);
            target.append('\n')
                    .append(k < good ? k + 1 : k - good + 1)
                    .append(". ")
                    .append(point)
                    .append(" [[")
                    .append(pointScore)
                    .append("]]");
        }
        String responseId = RecordIds.response(instruction.id(), model);
        return Judgment.builder()
                .id(RecordIds.pointwiseJudgment(responseId))
                .responseId(responseId)
                .instructionId(instruction.id())
                .scenario(scenario)
                .mode(mode.code())
                .answerModel(model)
                .prompt(prompt)
                .output(target.toString())
                .target(target.toString())
                .score(score)
                .pointScores(points)
                .strengths(strengths)
                .shortcomings(shortcomings)
                .referenceSource(withReference ? "model:" + referenceModel : null)
                .templateVersion(renderer.template(mode).version())
                .teacherModel(teacherModel)
                .requestHash(Sha256.hex("judge:" + responseId))
                .build();
    }

    private Judgment pairwise(long p, boolean swapped, boolean withPrompt) {
        Instruction instruction = instruction(p, true);
        SplittableRandom random = random(p, 5);
        int a = random.nextInt(pool.size());
        int b = (a + 1 + random.nextInt(pool.size() - 1)) % pool.size();
        String pairId = RecordIds.pair(instruction.id(), pool.get(a), pool.get(b));
        // The verdict of the original order; the swapped order mirrors it, as a consistent pair does.
        int drawn = random.nextInt(100);
        String verdict = drawn < 45 ? "A" : drawn < 85 ? "B" : "C";
        if (swapped && !verdict.equals("C")) {
            verdict = verdict.equals("A") ? "B" : "A";
        }
        String shownA = pool.get(swapped ? b : a);
        String shownB = pool.get(swapped ? a : b);
        String order = swapped ? "swapped" : "original";
        SplittableRandom critique = random(2 * p + (swapped ? 1 : 0), 6);
        List<Criterion> criteria = scenarioOf(p).criteria();
        StringBuilder target = new StringBuilder(
                "I believe the better response is [[" + verdict + "]], and the reasons are as follows.");
        for (String side : List.of("A", "B")) {
            for (String kind : List.of("Strengths", "Shortcomings")) {
                target.append('\n')
                        .append(kind)
                        .append(" of Response ")
                        .append(side)
                        .append(':');
                int n = 1 + critique.nextInt(2);
                for (int k = 0; k < n; k++) {
                    target.append('\n')
                            .append(k + 1)
                            .append(". ")
                            .append(criteria.get(critique.nextInt(criteria.size()))
                                    .name())
                            .append(": ")
                            .append(sentence(critique, 8, 24))
                            .append('.');
                }
            }
        }
        String scenario = instruction.scenario();
        String id = RecordIds.pairwiseJudgment(pairId, order);
        return Judgment.builder()
                .id(id)
                .responseId(RecordIds.response(instruction.id(), shownA))
                .instructionId(instruction.id())
                .scenario(scenario)
                .mode(JudgeMode.PAIRWISE.code())
                .answerModel(shownA)
                .responseIdB(RecordIds.response(instruction.id(), shownB))
                .answerModelB(shownB)
                .pairId(pairId)
                .order(order)
                .prompt(
                        withPrompt
                                ? renderer.pairwise(
                                        scenario,
                                        instruction.text(),
                                        response(p, pool.get(swapped ? b : a)),
                                        response(p, pool.get(swapped ? a : b)))
                                : "")
                .output(target.toString())
                .target(target.toString())
                .verdict(verdict)
                .templateVersion(renderer.template(JudgeMode.PAIRWISE).version())
                .teacherModel(teacherModel)
                .requestHash(Sha256.hex("judge:" + id))
                .build();
    }

    /** Overall scores as skewed as the paper's teacher gave them: half are 4. */
    private int score(SplittableRandom random) {
        int u = random.nextInt(100);
        int score = u < 5 ? 1 : u < 15 ? 2 : u < 35 ? 3 : u < 85 ? 4 : 5;
        return Math.max(minScore, Math.min(maxScore, score));
    }

    /** Model {@code model}'s answer to instruction {@code i}: the same text wherever it is shown. */
    private String response(long i, String model) {
        return sentence(random(i * pool.size() + pool.indexOf(model), 7), 60, 260) + ".";
    }

    private static String passageId(Scenario scenario, int call) {
        return RecordIds.passage("doc-" + scenario.id() + "-" + call, 1);
    }

    private SplittableRandom random(long index, int purpose) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ (index * 31 + purpose) * 0xBF58476D1CE4E5B9L);
    }

    private static String sentence(SplittableRandom random, int minWords, int maxWords) {
        int n = minWords + random.nextInt(maxWords - minWords + 1);
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < n; w++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            if (w == 0) {
                text.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
            } else {
                text.append(w % 13 == 0 ? ". " : " ").append(word);
            }
        }
        return text.toString();
    }
}
