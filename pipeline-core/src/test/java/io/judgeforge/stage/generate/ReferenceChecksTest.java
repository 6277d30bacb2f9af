package io.judgeforge.stage.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.judgeforge.stage.RejectReason;
import io.judgeforge.stage.generate.ReferenceChecks.Input;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceChecksTest {
    static final Rejection UNUSABLE_ID = new Rejection(RejectReason.MISSING_ID, "an inputs.references row is unusable");
    static final Rejection DUPLICATE =
            new Rejection(RejectReason.DUPLICATE_ID, "another inputs.references row has this id");

    static List<Rejection> check(Input... rows) {
        return ReferenceChecks.check(Arrays.asList(rows)).stream()
                .map(r -> r.orElse(null))
                .toList();
    }

    @Test
    void unusableRowsAreRejectedWithTheirReason() {
        List<Rejection> rejections = check(
                new Input(true, null, null),
                new Input(false, null, "text"),
                new Input(false, "  ", "text"),
                new Input(false, "r1", null),
                new Input(false, "r2", "   "),
                new Input(false, "r3", "A passage."));
        assertEquals(
                Arrays.asList(
                        new Rejection(RejectReason.MALFORMED_JSON, "an inputs.references row is unusable"),
                        UNUSABLE_ID,
                        UNUSABLE_ID,
                        new Rejection(RejectReason.MISSING_TEXT, "an inputs.references row is unusable"),
                        new Rejection(RejectReason.MISSING_TEXT, "an inputs.references row is unusable"),
                        null),
                rejections);
    }

    /** Before, a number or an array passed as its JSON text: the row is quarantined, its detail naming field and type. */
    @Test
    void aFieldOfTheWrongTypeIsQuarantinedWithWhatWasFound() {
        String detail = "field 'text' is a number, expected a string";
        Input row = new Input(false, detail, "r1", "42");
        assertEquals(false, ReferenceChecks.usableAlone(row));
        assertEquals(
                Arrays.asList(new Rejection(RejectReason.WRONG_TYPE, detail), null),
                check(row, new Input(false, "r1", "A passage.")),
                "and it does not hold the id against a usable row");
    }

    /** Only spaces make a value blank: a text of tabs and line breaks is a passage, as it was when Spark's trim judged it. */
    @Test
    void aRowUnusableOnItsOwnNeedsNoOtherRowToBeJudged() {
        List<Input> rows =
                List.of(new Input(true, "r1", "text"), new Input(false, null, "text"), new Input(false, "r2", " "));
        for (Input row : rows) {
            assertEquals(false, ReferenceChecks.usableAlone(row), row.toString());
            // Checked alone or with the others, such a row gets the same rejection.
            assertEquals(check(row), List.of(check(rows.toArray(Input[]::new)).get(rows.indexOf(row))));
        }
        assertEquals(true, ReferenceChecks.usableAlone(new Input(false, "r3", "text")));
    }

    @Test
    void onlySpacesMakeAValueBlank() {
        assertEquals(Arrays.asList(null, null), check(new Input(false, "r1", "\t\n"), new Input(false, "\t", "text")));
    }

    @Test
    void ofRowsSharingAnIdTheFirstByTextIsKeptWhateverTheirOrder() {
        assertEquals(
                Arrays.asList(DUPLICATE, null, DUPLICATE, null),
                check(
                        new Input(false, "r1", "Zebras."),
                        new Input(false, "r1", "Apples."),
                        new Input(false, "r1", "Bees."),
                        new Input(false, "r2", "Zebras.")));
    }

    @Test
    void anUnusableRowDoesNotDisplaceAUsableOneWithItsId() {
        assertEquals(
                Arrays.asList(new Rejection(RejectReason.MISSING_TEXT, "an inputs.references row is unusable"), null),
                check(new Input(false, "r1", " "), new Input(false, "r1", "Zebras.")));
        assertEquals(
                Arrays.asList(null, new Rejection(RejectReason.MALFORMED_JSON, "an inputs.references row is unusable")),
                check(new Input(false, "r1", "Zebras."), new Input(true, "r1", "Apples.")));
    }
}
