package io.judgeforge.stage.augment;

import io.judgeforge.config.PipelineConfig.Augment;
import io.judgeforge.hash.Sha256;
import io.judgeforge.stage.augment.JudgmentAugmenter.Paraphrase;
import io.judgeforge.stage.augment.JudgmentAugmenter.Regression;
import io.judgeforge.stage.augment.JudgmentAugmenter.Result;
import io.judgeforge.stage.judge.Judgment;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The augment stage's work on one selected pointwise record: which operations take it and what each
 * makes of it. Every choice is drawn from the record's id and the run seed, never from the order or
 * partitioning of the data, so a rerun or another cluster derives the same records.
 */
public final class Augmentations implements Serializable {
    /** The operations, in the order their steps run; each names its step and its derived records' ids. */
    public enum Operation {
        PARAPHRASE,
        DOWNSAMPLE,
        RESCALE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final String HELD_OUT = "heldout";

    private final Augment settings;
    private final long seed;
    private final JudgmentAugmenter augmenter;
    private final Map<String, List<Paraphrase>> paraphrases;
    private final Regression regression;

    /** {@code paraphrases} as {@link ParaphraseFile} reads them; {@code regression} as fitted on the selected records. */
    public Augmentations(
            Augment settings,
            long seed,
            JudgmentAugmenter augmenter,
            Map<String, List<Paraphrase>> paraphrases,
            Regression regression) {
        this.settings = settings;
        this.seed = seed;
        this.augmenter = augmenter;
        this.paraphrases = Map.copyOf(paraphrases);
        this.regression = regression;
    }

    /** Whether the regression holds the record out (to measure its MAE) rather than fitting on it. */
    public static boolean heldOut(Augment settings, long seed, String judgmentId) {
        return unit(seed, HELD_OUT, judgmentId) < settings.heldoutFraction();
    }

    /** Whether {@code operation} takes the record: each takes its configured share, drawn independently. */
    public boolean takes(Operation operation, String judgmentId) {
        return unit(seed, operation.code(), judgmentId) < share(operation);
    }

    /** The record {@code operation} derives from the selected judgment {@code source}, whose IFD is {@code ifd}. */
    public Result apply(Operation operation, Judgment source, double ifd) {
        return switch (operation) {
            case PARAPHRASE -> augmenter.paraphrased(source, ifd, paraphrases);
            case DOWNSAMPLE -> augmenter.downsampled(source, ifd, regression);
            case RESCALE -> augmenter.rescaled(source, ifd, scaleOf(source.id()));
        };
    }

    private double share(Operation operation) {
        return switch (operation) {
            case PARAPHRASE -> settings.paraphrase();
            case DOWNSAMPLE -> settings.downsample();
            case RESCALE -> settings.rescale();
        };
    }

    /** The scale a rescaled copy is put on, one of {@code augment.scales}. */
    private RatingScale scaleOf(String judgmentId) {
        List<String> scales = settings.scales();
        return RatingScale.of(scales.get(Math.floorMod(judgmentId.hashCode(), scales.size())));
    }

    /** A number in [0, 1) per record and purpose: the first 48 bits of the SHA-256 of the seed, purpose and id. */
    static double unit(long seed, String purpose, String id) {
        return Long.parseLong(Sha256.hex(seed + ":" + purpose + ":" + id).substring(0, 12), 16) / Math.pow(16, 12);
    }
}
