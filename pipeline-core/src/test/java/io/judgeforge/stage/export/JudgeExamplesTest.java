package io.judgeforge.stage.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.judgeforge.stage.judge.Judgment;
import io.judgeforge.teacher.ChatMessage;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class JudgeExamplesTest {
    static final String TARGET =
            "I believe the better response is [[A]], and the reasons are as follows.\nIt is right.";

    // Every text field distinct, so a field copied into the wrong place shows.
    static Judgment pairwise(String id, String instructionId) {
        return Judgment.builder()
                .id(id)
                .responseId("resp-a")
                .instructionId(instructionId)
                .scenario("close_qa")
                .mode("pairwise")
                .answerModel("model-a")
                .responseIdB("resp-b")
                .answerModelB("model-b")
                .pairId("pair-1")
                .order("swapped")
                .prompt("the prompt")
                .output("the output")
                .target(TARGET)
                .verdict("A")
                .samples(List.of("A"))
                .referenceSource("model:teacher-ref")
                .templateVersion("judge-pairwise@0123456789ab")
                .teacherModel("teacher-1")
                .requestHash("hash-1")
                .build();
    }

    @Test
    void theExampleCarriesEachFieldOfItsJudgmentUnderTheSameName() {
        JudgeExample e = JudgeExample.of(pairwise("jdg-p1", "instr-1"), 1.25, SplitAssigner.VALIDATION);
        assertEquals(List.of(ChatMessage.user("the prompt"), ChatMessage.assistant(TARGET)), e.messages());
        assertEquals(TargetSpans.of(TARGET), e.spans());
        assertEquals(
                List.of("jdg-p1", "validation", "close_qa", "pairwise", "A", "instr-1"),
                List.of(e.id(), e.split(), e.scenario(), e.mode(), e.verdict(), e.instructionId()));
        assertEquals(
                List.of("resp-a", "model-a", "resp-b", "model-b", "pair-1", "swapped"),
                List.of(e.responseId(), e.answerModel(), e.responseIdB(), e.answerModelB(), e.pairId(), e.order()));
        assertEquals(
                List.of("model:teacher-ref", "judge-pairwise@0123456789ab", "teacher-1"),
                List.of(e.referenceSource(), e.templateVersion(), e.teacherModel()));
        assertNull(e.score());
        assertNull(e.augmentation());
        assertEquals(1.25, e.ifd());
    }

    @Test
    void anAugmentedJudgmentKeepsItsNewTargetScoreAndName() {
        Judgment single = Judgment.builder()
                .id("jdg-1")
                .responseId("resp-1")
                .instructionId("instr-1")
                .scenario("math_qa")
                .mode("single")
                .answerModel("model-a")
                .prompt("prompt 1-10")
                .output("output")
                .target("rated [[8]]")
                .score(8)
                .pointScores(List.of(8))
                .templateVersion("judge-single@0123456789ab")
                .teacherModel("teacher-1")
                .requestHash("hash-1")
                .build();
        JudgeExample e = JudgeExample.of(
                single.augmented("rescale-1-5", 0.5, "prompt 1-5", "rated [[4]]", 4, List.of(4)),
                0.5,
                SplitAssigner.TRAIN);
        assertEquals("jdg-1~rescale-1-5", e.id());
        assertEquals("rescale-1-5", e.augmentation());
        assertEquals(4, e.score());
        assertEquals(List.of(ChatMessage.user("prompt 1-5"), ChatMessage.assistant("rated [[4]]")), e.messages());
    }

    /** A judgment's pair partner, its augmented copies and every other judgment of its instruction share its split. */
    @Test
    void theSplitFollowsTheInstruction() {
        JudgeExamples examples = new JudgeExamples(new SplitAssigner(7, 0.5));
        for (int i = 0; i < 20; i++) {
            String instruction = "instr-" + i;
            Set<String> splits = IntStream.range(0, 5)
                    .mapToObj(k -> examples.example(pairwise("jdg-" + instruction + "-" + k, instruction), 1.0)
                            .split())
                    .collect(Collectors.toSet());
            assertEquals(Set.of(SplitAssigner.split(instruction, 7, 0.5)), splits, instruction);
        }
    }
}
