package io.judgeforge.stage.generate;

import static io.judgeforge.stage.generate.InstructionOrigin.CARRIED;
import static io.judgeforge.stage.generate.InstructionOrigin.IMPORTED;
import static io.judgeforge.stage.generate.InstructionOrigin.NEW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.judgeforge.stage.RejectReason;
import io.judgeforge.stage.generate.InstructionChecks.Candidate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InstructionChecksTest {
    static final String PASSAGE =
            "The Amazon rainforest covers much of the Amazon basin of South America, an area of seven"
                    + " million square kilometres.";
    static final String QUESTION = "What are three practical ways to reduce food waste at home?";
    static final InstructionChecks CHECKS =
            new InstructionChecks(new InstructionValidator(4, 40), new ReferenceCopyCheck(0.5, List.of("translation")));

    static Candidate candidate(InstructionOrigin origin, String id, String text) {
        return new Candidate(new InstructionKey(origin, id), text, "open_qa", null, null);
    }

    static List<Rejection> check(Candidate... candidates) {
        return CHECKS.check(Arrays.asList(candidates)).stream()
                .map(r -> r.orElse(null))
                .toList();
    }

    @Test
    void ofExactDuplicatesTheEarliestOriginIsKeptThenTheLowestId() {
        List<Rejection> rejections = check(
                candidate(NEW, "gen-a-0000-0", QUESTION),
                candidate(IMPORTED, "imp-u5", "what are three practical  ways to reduce FOOD waste at home"),
                candidate(IMPORTED, "imp-u1", QUESTION + "!"),
                candidate(CARRIED, "gen-z-0009-9", "What are three practical ways to reduce food waste, at home?"));
        Rejection duplicate = new Rejection(InstructionChecks.DUPLICATE, "duplicate of gen-z-0009-9");
        assertEquals(Arrays.asList(duplicate, duplicate, duplicate, null), rejections);
        assertEquals(
                Arrays.asList(null, new Rejection(RejectReason.DUPLICATE, "duplicate of imp-u1")),
                check(candidate(IMPORTED, "imp-u1", QUESTION), candidate(IMPORTED, "imp-u5", QUESTION)));
    }

    @Test
    void eachInstructionIsCheckedAgainstItsOwnDuplicatesOnly() {
        List<Rejection> rejections = check(
                candidate(NEW, "b", QUESTION),
                candidate(NEW, "x", "Why do zebras have stripes at all?"),
                candidate(NEW, "a", QUESTION),
                candidate(NEW, "y", "Why do zebras have stripes at all?"));
        assertEquals(
                Arrays.asList(
                        new Rejection(RejectReason.DUPLICATE, "duplicate of a"),
                        null,
                        null,
                        new Rejection(RejectReason.DUPLICATE, "duplicate of x")),
                rejections);
    }

    @Test
    void anInstructionRemovedByItsOwnCheckKeepsNoDuplicateOut() {
        String copied = "The Amazon rainforest covers much of the Amazon basin of South America?";
        Candidate copying = new Candidate(
                new InstructionKey(CARRIED, "gen-close_qa-0000-9"), copied, "close_qa", "ref-1#0", PASSAGE);
        Candidate unreferenced = candidate(NEW, "gen-open_qa-0003-1", copied);
        assertEquals(
                Arrays.asList(
                        new Rejection(
                                RejectReason.COPIES_REFERENCE, "shares 1.00 of its 8-word sequences with ref-1#0"),
                        null),
                check(copying, unreferenced));
    }

    @Test
    void lengthAndRefusalRejectionsComeWithoutDetailAndBeforeTheCopyCheck() {
        Candidate tooShort = new Candidate(new InstructionKey(NEW, "s"), "Amazon?", "close_qa", "ref-1#0", PASSAGE);
        Candidate refusal = candidate(NEW, "r", "I'm sorry, but I cannot write questions about this passage.");
        assertEquals(
                Arrays.asList(new Rejection(RejectReason.TOO_SHORT, null), new Rejection(RejectReason.REFUSAL, null)),
                check(tooShort, refusal));
    }

    @Test
    void theDuplicateKeyIsTheNormalisedText() {
        assertEquals(
                InstructionChecks.duplicateKey(QUESTION),
                InstructionChecks.duplicateKey("  WHAT are three practical ways" + " to reduce food waste at home"));
        List<Optional<Rejection>> none = CHECKS.check(new ArrayList<>());
        assertEquals(List.of(), none);
    }
}
