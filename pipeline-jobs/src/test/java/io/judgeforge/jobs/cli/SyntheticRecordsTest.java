package io.judgeforge.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.jobs.schema.JsonSchemas;
import io.judgeforge.json.Json;
import io.judgeforge.stage.augment.JudgmentAugmenter;
import io.judgeforge.stage.augment.RatingScale;
import io.judgeforge.stage.export.JudgeExamples;
import io.judgeforge.stage.export.SplitAssigner;
import io.judgeforge.stage.judge.Judgment;
import io.judgeforge.stage.judge.JudgmentParser;
import io.judgeforge.stage.judge.PairwiseJudge;
import io.judgeforge.stage.judge.VerdictParser;
import io.judgeforge.stage.score.IfdScore;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The bench's synthetic records are what the judge, score and classify stages would write: checked on a few, without Spark. */
class SyntheticRecordsTest {
    private static final int N = 40;

    @Test
    void recordsAreSchemaValidParseAsTheTeachersAndAugmentAndExportTakeThem() {
        try (Launch launch = Launch.check("../conf/local.yaml", List.of())) {
            SyntheticRecords gen = new SyntheticRecords(launch.config, launch.catalog, launch.prompts, N);
            JudgmentParser parser = new JudgmentParser(1, 5);
            JudgmentAugmenter augmenter = new JudgmentAugmenter(launch.catalog, 1, 1, 5);
            JudgeExamples examples = new JudgeExamples(new SplitAssigner(1, 0.1));
            Set<String> modes = new HashSet<>();
            Set<String> ids = new HashSet<>();
            for (long r = 0; r < N; r++) {
                Judgment j = gen.judgment(r);
                IfdScore s = gen.score(r);
                assertEquals(List.of(), JsonSchemas.validate("judgment", Json.write(j)), j.id());
                assertEquals(List.of(), JsonSchemas.validate("ifd-score", Json.write(s)), j.id());
                assertEquals(j.id(), s.judgmentId());
                assertEquals(j.label(), s.label());
                assertTrue(ids.add(j.id()), "duplicate id " + j.id());
                assertEquals(j, gen.judgment(r), "a record is a function of its index");
                modes.add(j.mode());
                JsonSchemas.validate("judge-example", Json.write(examples.example(j, s.ifd())))
                        .forEach(v -> {
                            throw new AssertionError(j.id() + ": " + v);
                        });
                if (j.pairId() == null) {
                    var parsed = assertInstanceOf(JudgmentParser.Parsed.class, parser.parse(j.target()));
                    assertEquals(j.score().doubleValue(), parsed.judgment().score());
                    assertEquals(j.pointScores(), parsed.judgment().pointScores());
                    assertEquals(j.strengths(), parsed.judgment().strengths());
                    // The prompt is the catalog's rendering: augment rewrites its blocks (it throws otherwise).
                    augmenter.rescaled(j, s.ifd(), RatingScale.of("1-10"));
                    if (j.pointScores().size() >= 2) {
                        assertInstanceOf(
                                JudgmentAugmenter.Made.class,
                                augmenter.downsampled(j, s.ifd(), new JudgmentAugmenter.Regression(0, 1, 0, 0)));
                    }
                } else {
                    var parsed = assertInstanceOf(VerdictParser.Parsed.class, new VerdictParser().parse(j.target()));
                    assertEquals(
                            j.verdict(), PairwiseJudge.letter(parsed.verdict().verdict()));
                }
            }
            assertEquals(Set.of("single", "reference", "pairwise"), modes);
            Set<String> passages = new HashSet<>();
            for (long k = 0; k < gen.passageSlots(); k++) {
                gen.passage(k).ifPresent(p -> {
                    passages.add(p.id());
                    assertEquals(List.of(), JsonSchemas.validate("reference-passage", Json.write(p)));
                });
            }
            assertFalse(passages.isEmpty(), "reference-based scenarios have passages");
            for (long i = 0; i < gen.instructions(); i++) {
                var instruction = gen.instruction(i, true);
                assertEquals(List.of(), JsonSchemas.validate("instruction", Json.write(instruction)));
                assertEquals(gen.scenarioOfInstruction(i), instruction.scenario());
                assertTrue(
                        instruction.referenceId() == null || passages.contains(instruction.referenceId()),
                        instruction.referenceId());
            }
        }
    }
}
