package io.judgeforge.stage.augment;

import io.judgeforge.hash.Sha256;
import io.judgeforge.scenario.Criterion;
import io.judgeforge.scenario.GradingTier;
import io.judgeforge.scenario.ScenarioCatalog;
import io.judgeforge.stage.RejectReason;
import io.judgeforge.stage.judge.JudgeMode;
import io.judgeforge.stage.judge.JudgePromptRenderer;
import io.judgeforge.stage.judge.Judgment;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Custom-prompt augmentation (paper section 8.2): new judge records from a pointwise judgment with
 * no teacher call. Each operation rewrites the prompt and the target together, so they keep
 * agreeing: paraphrased criteria, a down-sampled criteria list with the overall score re-predicted
 * from the remaining point scores, or another rating scale. The criteria and tiers a prompt shows
 * come from the scenario catalog it was rendered from; only the teacher's answer is read as text.
 * A derived record takes the IFD of its source, given with it.
 */
public final class JudgmentAugmenter implements Serializable {
    private static final Pattern OVERALL =
            Pattern.compile("(overall rating of this response is\\s*)\\[\\[\\s*(\\d+)\\s*]]", Pattern.CASE_INSENSITIVE);
    private static final Pattern POINT = Pattern.compile(
            "^(\\s*)(\\d+)([.)]\\s+)([^:\\n]+)(:[^\\n]*?)\\[\\[\\s*(\\d+)\\s*]](\\.?\\s*)$", Pattern.MULTILINE);
    private static final Pattern HEADER =
            Pattern.compile("^\\s*(strengths|shortcomings) of the current response", Pattern.CASE_INSENSITIVE);
    private static final Pattern BRACKET_SCORE = Pattern.compile("\\[\\[\\s*([1-5])\\s*]]");

    /** The overall score from the point scores kept: intercept + mean, min and max weighted. */
    public record Regression(double intercept, double mean, double min, double max) implements Serializable {
        public double predict(List<Integer> points) {
            IntSummary s = IntSummary.of(points);
            return intercept + mean * s.mean() + min * s.min() + max * s.max();
        }
    }

    /** Mean, min and max of point scores: the regression's features. */
    public record IntSummary(double mean, double min, double max) {
        public static IntSummary of(List<Integer> points) {
            return new IntSummary(
                    points.stream().mapToInt(Integer::intValue).average().orElse(0),
                    points.stream().mapToInt(Integer::intValue).min().orElse(0),
                    points.stream().mapToInt(Integer::intValue).max().orElse(0));
        }
    }

    /** A paraphrase of a criterion: another name and description with the same meaning. */
    public record Paraphrase(String name, String description) implements Serializable {}

    /** A derived record, or why none could be made. */
    public sealed interface Result permits Made, Skipped {}

    public record Made(Judgment judgment) implements Result {}

    public record Skipped(RejectReason reason, String detail) implements Result {}

    private final ScenarioCatalog catalog;
    private final long seed;
    private final int minScore;
    private final int maxScore;

    public JudgmentAugmenter(ScenarioCatalog catalog, long seed, int minScore, int maxScore) {
        this.catalog = catalog;
        this.seed = seed;
        this.minScore = minScore;
        this.maxScore = maxScore;
    }

    /** Criteria replaced by paraphrases (scenario's criterion name, lower case, to its paraphrases), in the prompt and the points. */
    public Result paraphrased(Judgment j, double ifd, Map<String, List<Paraphrase>> paraphrases) {
        List<Criterion> criteria = catalog.get(j.scenario()).criteria();
        List<Criterion> replaced = new ArrayList<>();
        Map<String, String> renamed = new java.util.HashMap<>();
        for (Criterion c : criteria) {
            List<Paraphrase> options = paraphrases.getOrDefault(c.name().toLowerCase(Locale.ROOT), List.of());
            if (options.isEmpty()) {
                replaced.add(c);
                continue;
            }
            Paraphrase p = options.get(
                    Math.floorMod(hash(j.id(), "paraphrase", c.name()).hashCode(), options.size()));
            replaced.add(new Criterion(p.name(), p.description()));
            renamed.put(c.name().toLowerCase(Locale.ROOT), p.name());
        }
        if (renamed.isEmpty()) {
            return new Skipped(RejectReason.NO_PARAPHRASE, "no criterion of the prompt has a paraphrase");
        }
        Matcher m = POINT.matcher(j.target());
        StringBuilder target = new StringBuilder();
        while (m.find()) {
            String name = renamed.getOrDefault(m.group(4).strip().toLowerCase(Locale.ROOT), m.group(4));
            m.appendReplacement(
                    target,
                    Matcher.quoteReplacement(m.group(1) + m.group(2) + m.group(3) + name + m.group(5) + "[["
                            + m.group(6) + "]]" + m.group(7)));
        }
        m.appendTail(target);
        return new Made(j.augmented(
                "paraphrase",
                ifd,
                JudgePromptParts.withCriteria(j.prompt(), criteria, replaced),
                target.toString(),
                j.score(),
                j.pointScores()));
    }

    /**
     * Down-samples the criteria present in the evaluation (paper section 8.2): of the prompt's
     * criteria that the points talk about, about half (at least one) are kept by a seeded hash; the
     * others leave the prompt's list together with their points, the rest are renumbered, and the
     * overall score is the regression's prediction from the points left, rounded onto the scale.
     */
    public Result downsampled(Judgment j, double ifd, Regression regression) {
        List<Criterion> criteria = catalog.get(j.scenario()).criteria();
        Set<String> listed = new HashSet<>();
        criteria.forEach(c -> listed.add(c.name().toLowerCase(Locale.ROOT)));
        List<String> evaluated = new ArrayList<>();
        Matcher all = POINT.matcher(j.target());
        while (all.find()) {
            String name = all.group(4).strip().toLowerCase(Locale.ROOT);
            if (listed.contains(name) && !evaluated.contains(name)) {
                evaluated.add(name);
            }
        }
        if (evaluated.size() < 2) {
            return new Skipped(
                    RejectReason.TOO_FEW_CRITERIA,
                    "the points talk about " + evaluated.size() + " of the listed criteria");
        }
        Set<String> dropped = new HashSet<>(evaluated);
        evaluated.stream()
                .sorted(Comparator.comparing(name -> hash(j.id(), "downsample", name)))
                .limit(Math.max(1, evaluated.size() / 2))
                .forEach(dropped::remove);
        List<Criterion> remaining = criteria.stream()
                .filter(c -> !dropped.contains(c.name().toLowerCase(Locale.ROOT)))
                .toList();
        List<Integer> points = new ArrayList<>();
        StringBuilder target = new StringBuilder();
        int number = 0;
        for (String line : j.target().split("\n", -1)) {
            if (HEADER.matcher(line).find()) {
                number = 0;
            }
            Matcher m = POINT.matcher(line);
            if (m.matches()) {
                if (dropped.contains(m.group(4).strip().toLowerCase(Locale.ROOT))) {
                    continue;
                }
                points.add(Integer.parseInt(m.group(6)));
                line = m.group(1) + (++number) + m.group(3) + m.group(4) + m.group(5) + "[[" + m.group(6) + "]]"
                        + m.group(7);
            }
            target.append(line).append('\n');
        }
        int overall = (int) Math.max(minScore, Math.min(maxScore, Math.round(regression.predict(points))));
        String text = OVERALL.matcher(target.substring(0, target.length() - 1)).replaceFirst("$1[[" + overall + "]]");
        return new Made(j.augmented(
                "downsample",
                ifd,
                JudgePromptParts.withCriteria(j.prompt(), criteria, remaining),
                text,
                overall,
                points));
    }

    /** The same judgment on another scale: tiers merged in the prompt, every 1-5 score in the target mapped. */
    public Result rescaled(Judgment j, double ifd, RatingScale scale) {
        List<GradingTier> tiers = catalog.tiers();
        if (tiers.size() != 5 || j.score() == null) {
            return new Skipped(RejectReason.NOT_FIVE_TIERS, "rescaling needs a 1-5 pointwise judgment");
        }
        boolean withReference = JudgeMode.REFERENCE.code().equals(j.mode());
        List<String> texts = tiers.stream()
                .map(t -> JudgePromptRenderer.tierText(t, withReference))
                .toList();
        List<GradingTier> merged = new ArrayList<>();
        for (int p = 1; p <= scale.max(); p++) {
            String text;
            if (scale.max() == 10) {
                // 1-10 has a point for every 2s; the odd points lie between two tiers.
                text = p % 2 == 0 ? texts.get(p / 2 - 1) : "between the tiers above and below";
            } else {
                List<Integer> from = scale.tiersOf(p);
                text = from.isEmpty()
                        ? merged.isEmpty() ? texts.get(0) : "between the tiers around it"
                        : String.join(
                                " / ", from.stream().map(s -> texts.get(s - 1)).toList());
            }
            merged.add(new GradingTier(p, text, null));
        }
        String prompt = JudgePromptParts.withTiers(
                        j.prompt(),
                        JudgePromptRenderer.tiersBlock(tiers, withReference),
                        JudgePromptRenderer.tiersBlock(merged, false))
                .replace("1 to 5", "1 to " + scale.max())
                .replace("five tiers", scale.max() + " tiers");
        Matcher m = BRACKET_SCORE.matcher(j.target());
        StringBuilder target = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(target, "[[" + scale.map(Integer.parseInt(m.group(1))) + "]]");
        }
        m.appendTail(target);
        return new Made(j.augmented(
                "rescale-" + scale.name(),
                ifd,
                prompt,
                target.toString(),
                scale.map(j.score()),
                j.pointScores().stream().map(scale::map).toList()));
    }

    private String hash(String id, String purpose, String name) {
        return Sha256.hex(seed + ":" + purpose + ":" + id + ":" + name.toLowerCase(Locale.ROOT));
    }
}
