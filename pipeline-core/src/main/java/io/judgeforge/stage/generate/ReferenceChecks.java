package io.judgeforge.stage.generate;

import io.judgeforge.stage.RejectReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks of the rows of {@code inputs.references}, each quarantined with its reason: a row the
 * reader could not parse ({@code malformed_json}), one whose id or text is not a string ({@code wrong_type}: a
 * number or an array would otherwise pass as its JSON text), one without an id ({@code missing_id}) or without
 * text ({@code missing_text}); and of the usable rows that share an id, all but the first by text
 * ({@code duplicate_id}), since a repeated id would make a passage ambiguous for every instruction
 * that names it.
 */
public final class ReferenceChecks {
    public static final RejectReason MALFORMED = RejectReason.MALFORMED_JSON;
    public static final RejectReason WRONG_TYPE = RejectReason.WRONG_TYPE;
    public static final RejectReason MISSING_ID = RejectReason.MISSING_ID;
    public static final RejectReason MISSING_TEXT = RejectReason.MISSING_TEXT;
    public static final RejectReason DUPLICATE_ID = RejectReason.DUPLICATE_ID;
    private static final String UNUSABLE_DETAIL = "an inputs.references row is unusable";
    private static final String DUPLICATE_DETAIL = "another inputs.references row has this id";

    private ReferenceChecks() {}

    /**
     * A row as read: whether the reader could parse it, which field has the wrong type (as
     * {@link io.judgeforge.table.StringFields#wrongType} says it; null when none), and its id and text (either may be
     * null).
     */
    public record Input(boolean malformed, String wrongType, String id, String text) {
        public Input(boolean malformed, String id, String text) {
            this(malformed, null, id, text);
        }
    }

    /**
     * Whether a row passes the checks that need no other row. Those that do not are rejected whatever else is read,
     * so a reader at scale checks them one by one and groups only the usable rows by id.
     */
    public static boolean usableAlone(Input row) {
        return unusable(row).isEmpty();
    }

    /** The rejection of each row, in their order (empty for those kept). */
    public static List<Optional<Rejection>> check(List<Input> rows) {
        List<Optional<Rejection>> rejections = new ArrayList<>();
        Map<String, Input> keptById = new HashMap<>();
        for (Input row : rows) {
            Optional<RejectReason> reason = unusable(row);
            rejections.add(reason.map(r -> new Rejection(r, r == WRONG_TYPE ? row.wrongType() : UNUSABLE_DETAIL)));
            if (reason.isEmpty()) {
                keptById.merge(
                        row.id(), row, (a, b) -> CodePointOrder.INSTANCE.compare(a.text(), b.text()) <= 0 ? a : b);
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            if (rejections.get(i).isEmpty() && keptById.get(rows.get(i).id()) != rows.get(i)) {
                rejections.set(i, Optional.of(new Rejection(DUPLICATE_ID, DUPLICATE_DETAIL)));
            }
        }
        return rejections;
    }

    private static Optional<RejectReason> unusable(Input row) {
        if (row.malformed()) {
            return Optional.of(MALFORMED);
        }
        if (row.wrongType() != null) {
            return Optional.of(WRONG_TYPE);
        }
        if (blank(row.id())) {
            return Optional.of(MISSING_ID);
        }
        return blank(row.text()) ? Optional.of(MISSING_TEXT) : Optional.empty();
    }

    // Only spaces make a value blank, as Spark's trim judged these rows before this check moved here: a
    // text of tabs or line breaks stays a passage, so that the same rows are kept.
    private static boolean blank(String value) {
        return value == null || value.chars().allMatch(c -> c == ' ');
    }
}
