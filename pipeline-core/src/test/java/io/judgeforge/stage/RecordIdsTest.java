package io.judgeforge.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.judgeforge.stage.RecordIds.GenerationCall;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RecordIdsTest {
    /** The forms as they stand in the records and shards of earlier runs: they must not change. */
    @Test
    void everyIdHasTheFormEarlierRunsWrote() {
        String task = RecordIds.generationTask("close_qa", 3);
        String instruction = RecordIds.instruction(task, 12);
        String response = RecordIds.response(instruction, "sim-6b");
        String pair = RecordIds.pair(instruction, "sim-72b", "sim-6b");
        assertEquals("ref-007#2", RecordIds.passage("ref-007", 2));
        assertEquals("gen-close_qa-0003", task);
        assertEquals("gen-close_qa-12345", RecordIds.generationTask("close_qa", 12345));
        assertEquals("gen-close_qa-0003-12", instruction);
        assertEquals("gen-close_qa-0003-12~sim-6b", response);
        assertEquals("gen-close_qa-0003-12~sim-72b~vs~sim-6b", pair);
        assertEquals("jdg-gen-close_qa-0003-12~sim-6b", RecordIds.pointwiseJudgment(response));
        assertEquals("jdg-gen-close_qa-0003-12~sim-72b~vs~sim-6b-swapped", RecordIds.pairwiseJudgment(pair, "swapped"));
        assertEquals(
                "jdg-gen-close_qa-0003-12~sim-6b~rescale-1-3",
                RecordIds.augmentedJudgment(RecordIds.pointwiseJudgment(response), "rescale-1-3"));
    }

    @Test
    void aGenerationTaskIdReadsBackAsItsScenarioAndCall() {
        assertEquals(
                Optional.of(new GenerationCall("close_qa", 3)),
                RecordIds.generationCall(RecordIds.generationTask("close_qa", 3)));
        assertEquals(
                Optional.of(new GenerationCall("a-b", 17)),
                RecordIds.generationCall("gen-a-b-0017"),
                "the scenario may hold dashes");
        assertEquals(Optional.of(new GenerationCall("x", 10000)), RecordIds.generationCall("gen-x-10000"));
    }

    @Test
    void otherIdsAreNoGenerationCall() {
        for (String id : new String[] {
            "imp-q1",
            "gen-x",
            "gen--0001",
            "gen-x-",
            "gen-x-12a",
            "gen-x-0001-2~m",
            "seed-x-0001",
            "gen-x-\u0661\u0662",
            "gen-x-12345678901"
        }) {
            assertEquals(Optional.empty(), RecordIds.generationCall(id), id);
        }
    }

    @Test
    void aGeneratedInstructionsPositionIsReadFromItsId() {
        assertEquals(
                OptionalLong.of(12), RecordIds.instructionPosition(RecordIds.instruction("gen-close_qa-0003", 12)));
        assertEquals(OptionalLong.empty(), RecordIds.instructionPosition("imp-q1"));
        assertEquals(OptionalLong.empty(), RecordIds.instructionPosition("plain"));
        assertEquals(OptionalLong.empty(), RecordIds.instructionPosition("gen-x-0001-"));
    }

    @Test
    void aPassageBelongsToTheDocumentBeforeItsLastChunkNumber() {
        assertEquals("ref-007", RecordIds.documentOf(RecordIds.passage("ref-007", 2)));
        assertEquals("a#b", RecordIds.documentOf("a#b#0"));
        assertEquals("plain", RecordIds.documentOf("plain"));
    }
}
