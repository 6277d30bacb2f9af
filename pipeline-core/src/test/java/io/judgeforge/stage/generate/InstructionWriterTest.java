package io.judgeforge.stage.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.judgeforge.scenario.GenerationMethod;
import io.judgeforge.stage.ItemOutcome;
import io.judgeforge.stage.ItemStatus;
import io.judgeforge.teacher.ModelCall;
import io.judgeforge.testing.Fixtures;
import io.judgeforge.testing.Outcomes;
import io.judgeforge.testing.ScriptedEndpoint;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InstructionWriterTest {
    static final List<SeedInstruction> SEEDS =
            List.of(new SeedInstruction("s1", "close_qa", "When did the Berlin Wall fall?"));
    final ScriptedEndpoint teacher = new ScriptedEndpoint();
    final InstructionWriter writer = new InstructionWriter(
            Fixtures.catalog(), Fixtures.prompts(), SEEDS, new ModelCall("e", "teacher-x", 0.7, 512));

    @AfterEach
    void stop() {
        teacher.close();
    }

    static GenerationTask referenceTask(int count) {
        return new GenerationTask(
                "gen-close_qa-0000",
                "close_qa",
                GenerationMethod.REFERENCE,
                count,
                0L,
                "ref-9",
                "The Danube flows through ten countries.",
                null,
                null,
                null,
                null,
                null,
                List.of("s1"));
    }

    @Test
    void referencePromptCarriesScenarioSeedsReferenceAndCount() {
        String prompt = writer.render(referenceTask(3));
        assertTrue(prompt.contains("Scenario: [Close QA]"));
        assertTrue(prompt.contains("1. When did the Berlin Wall fall?"));
        assertTrue(prompt.contains("[Reference Begin]\nThe Danube flows through ten countries.\n[Reference End]"));
        assertTrue(prompt.contains("Write exactly 3 new instructions"));
    }

    @Test
    void instructionsKeepTheirLineage() {
        teacher.chat(
                "Here you go:\n1. How many countries does the Danube cross?\n2. Which sea does the Danube reach?\n3. Extra one?");
        ItemOutcome<Instruction> r = writer.write(referenceTask(2), teacher.client());
        assertEquals(ItemStatus.OUT, r.status());
        assertEquals(3, r.records().size(), "an extra instruction is kept, not dropped unseen");
        Instruction first = r.records().get(0);
        assertEquals("gen-close_qa-0000-0", first.id());
        assertEquals("How many countries does the Danube cross?", first.text());
        assertEquals("ref-9", first.referenceId());
        assertEquals(List.of("s1"), first.seedExampleIds());
        assertEquals("teacher-x", first.teacherModel());
        assertTrue(first.templateVersion().startsWith("generate-reference@"));
        assertEquals(r.records().get(1).requestHash(), first.requestHash(), "one call, one request hash");
    }

    @Test
    void readingComprehensionQuizzesCarryTheirMaterial() {
        GenerationTask quiz = new GenerationTask(
                "gen-reading_comprehension-0000",
                "reading_comprehension",
                GenerationMethod.QUIZ,
                1,
                0L,
                "ref-3",
                "Bees dance to share where flowers are.",
                "easy",
                "kids",
                "biology",
                "bees",
                "extract facts",
                List.of());
        assertTrue(writer.render(quiz)
                .contains("[Material Begin]\nBees dance to share where flowers are.\n[Material End]"));
        teacher.chat("1. What do bees share by dancing?");
        Instruction i = writer.write(quiz, teacher.client()).records().get(0);
        assertEquals("What do bees share by dancing?\n\nMaterial:\nBees dance to share where flowers are.", i.text());
    }

    @Test
    void anAnswerWithoutAListIsQuarantined() {
        teacher.chat("I'd rather not.");
        ItemOutcome<Instruction> r = writer.write(referenceTask(2), teacher.client());
        assertEquals(ItemStatus.QUARANTINED, r.status());
        assertEquals("parse_failed", Outcomes.reason(r));
    }
}
