package io.judgeforge.stage.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class JudgmentTest {
    static Judgment pairwise() {
        return Judgment.builder()
                .id("jdg-i1~a~vs~b-original")
                .responseId("i1~a")
                .instructionId("i1")
                .scenario("close_qa")
                .mode("pairwise")
                .answerModel("a")
                .responseIdB("i1~b")
                .answerModelB("b")
                .pairId("i1~a~vs~b")
                .order("original")
                .prompt("p")
                .output("o")
                .target("t")
                .verdict("A")
                .samples(List.of("A", "B", "A"))
                .templateVersion("v")
                .teacherModel("m")
                .requestHash("h")
                .build();
    }

    @Test
    void whatABuilderLeavesUnsetIsEmptyOrNull() {
        Judgment j = pairwise();
        assertEquals(List.of(), j.pointScores());
        assertEquals(List.of(), j.strengths());
        assertEquals(List.of(), j.shortcomings());
        assertNull(j.score());
        assertNull(j.referenceSource());
        assertNull(j.augmentation());
        assertNull(j.sourceId());
        assertNull(j.sourceIfd());
        assertEquals("A", j.label());
    }

    @Test
    void toBuilderCopiesEveryComponent() {
        Judgment j = pairwise().augmented("paraphrase", 0.3, "p2", "t2", null, List.of());
        assertEquals(j, j.toBuilder().build());
        assertEquals(j.toString(), j.toBuilder().build().toString());
    }

    @Test
    void anAugmentedRecordNamesItsSourceAndOperation() {
        Judgment j = pairwise().augmented("paraphrase", 0.3, "p2", "t2", 4, List.of(4));
        assertEquals("jdg-i1~a~vs~b-original~paraphrase", j.id());
        assertEquals("jdg-i1~a~vs~b-original", j.sourceId());
        assertEquals(0.3, j.sourceIfd());
        assertEquals("paraphrase", j.augmentation());
        assertEquals("p2", j.prompt());
        assertEquals("t2", j.target());
        assertEquals("o", j.output(), "the teacher's own text is kept");
        assertEquals(List.of("A", "B", "A"), j.samples());
    }
}
