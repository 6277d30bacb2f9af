package io.judgeforge.stage.augment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.config.PipelineConfig.Augment;
import io.judgeforge.stage.augment.Augmentations.Operation;
import io.judgeforge.stage.augment.JudgmentAugmenter.Made;
import io.judgeforge.stage.augment.JudgmentAugmenter.Paraphrase;
import io.judgeforge.stage.augment.JudgmentAugmenter.Regression;
import io.judgeforge.stage.judge.Judgment;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AugmentationsTest {
    static final List<String> IDS =
            IntStream.range(0, 4000).mapToObj(i -> "jdg-gen-x-0000-" + i + "~m").toList();

    static Augmentations augmentations(double paraphrase, double downsample, double rescale, List<String> scales) {
        Augment settings = new Augment(paraphrase, "p.yaml", downsample, rescale, scales, 0.2);
        JudgmentAugmenter augmenter = new JudgmentAugmenter(JudgmentAugmenterTest.CATALOG, 7, 1, 5);
        Map<String, List<Paraphrase>> paraphrases = Map.of(
                JudgmentAugmenterTest.CRITERIA.get(0).name().toLowerCase(),
                List.of(new Paraphrase("Getting the facts right", "States only what is true.")));
        return new Augmentations(settings, 7, augmenter, paraphrases, new Regression(0, 1, 0, 0));
    }

    static Set<String> taken(Predicate<String> takes) {
        return IDS.stream().filter(takes).collect(Collectors.toSet());
    }

    @Test
    void eachOperationTakesItsShareOfTheRecordsDrawnIndependently() {
        Augmentations a = augmentations(0.1, 0.5, 0, List.of("1-3"));
        Set<String> paraphrased = taken(id -> a.takes(Operation.PARAPHRASE, id));
        Set<String> downsampled = taken(id -> a.takes(Operation.DOWNSAMPLE, id));
        assertEquals(0.1, paraphrased.size() / (double) IDS.size(), 0.02);
        assertEquals(0.5, downsampled.size() / (double) IDS.size(), 0.03);
        long both = paraphrased.stream().filter(downsampled::contains).count();
        assertEquals(0.05, both / (double) IDS.size(), 0.015, "the two draws are independent");
        assertEquals(Set.of(), taken(id -> a.takes(Operation.RESCALE, id)), "a share of 0 takes nothing");
        assertEquals(
                Set.copyOf(IDS), taken(id -> augmentations(1, 0, 0, List.of()).takes(Operation.PARAPHRASE, id)));
    }

    @Test
    void theChoicesFollowTheSeedAndTheIdAlone() {
        Augmentations a = augmentations(0.3, 0.3, 0.3, List.of("1-3"));
        Augmentations again = augmentations(0.3, 0.3, 0.3, List.of("1-3"));
        for (Operation operation : Operation.values()) {
            assertEquals(taken(id -> a.takes(operation, id)), taken(id -> again.takes(operation, id)));
        }
        Augment settings = new Augment(0, "", 0, 0, List.of(), 0.2);
        Set<String> heldOut = taken(id -> Augmentations.heldOut(settings, 7, id));
        assertEquals(0.2, heldOut.size() / (double) IDS.size(), 0.02);
        assertNotEquals(heldOut, taken(id -> Augmentations.heldOut(settings, 8, id)), "another seed, another share");
    }

    /** The number is the first 48 bits of the SHA-256, over 16^12: in [0, 1), and the same the Spark job used to compute. */
    @Test
    void theSeededNumberIsTheHashPrefixOverItsRange() {
        // SHA-256("7:paraphrase:jdg-a") begins a4c95f7487d9 (by sha256sum).
        assertEquals(0xa4c95f7487d9L / Math.pow(16, 12), Augmentations.unit(7, "paraphrase", "jdg-a"));
        assertTrue(
                IDS.stream().mapToDouble(id -> Augmentations.unit(7, "x", id)).allMatch(u -> u >= 0 && u < 1));
    }

    @Test
    void eachOperationMakesItsOwnKindOfRecord() {
        Augmentations a = augmentations(1, 1, 1, List.of("1-2", "1-3", "1-10"));
        Judgment source = JudgmentAugmenterTest.judgment();
        for (Operation operation : Operation.values()) {
            Judgment made = ((Made) a.apply(operation, source, 0.4)).judgment();
            assertTrue(made.augmentation().startsWith(operation.code()), made.augmentation());
            assertEquals(source.id() + "~" + made.augmentation(), made.id());
            assertEquals(0.4, made.sourceIfd());
        }
        Set<String> scales = IDS.stream()
                .limit(60)
                .map(id -> ((Made) a.apply(
                                Operation.RESCALE, source.toBuilder().id(id).build(), 0.4))
                        .judgment()
                        .augmentation())
                .collect(Collectors.toSet());
        assertEquals(Set.of("rescale-1-2", "rescale-1-3", "rescale-1-10"), scales, "every configured scale is drawn");
    }
}
