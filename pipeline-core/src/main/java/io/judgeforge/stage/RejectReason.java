package io.judgeforge.stage;

import java.util.Locale;

/**
 * Why a stage filtered or quarantined an item, when a rule of the pipeline decided it. With
 * {@link io.judgeforge.teacher.CallOutcome} (why a teacher call gave no usable answer) this is the
 * closed set of reasons a rejected record can carry: the {@code reason} column of every
 * {@code filtered/} and {@code quarantine/} table and of the manifest's tallies is one of their codes.
 * data-schemas/rejected-record.schema.json lists the same codes, checked by a test.
 */
public enum RejectReason implements Reason {
    // Input rows (references, imported instructions, meta-eval tables)
    /** An input line that is not JSON (Spark's corrupt-record column was set). */
    MALFORMED_JSON("an input line is not a JSON object"),
    MISSING_ID("an input row has no id"),
    MISSING_TEXT("an input row has no text"),
    DUPLICATE_ID("another input row has the same id; the first is kept"),
    UNKNOWN_SCENARIO("an imported instruction names a scenario the catalog does not have"),
    /** Read as text, a number or an array would pass as a string: the row says which field and which type. */
    WRONG_TYPE("an input row's id, text or other text field is a number, array, object or boolean, not a string"),
    TOO_MANY_CHUNKS("a passage of a reference document beyond its first inputs.max-chunks-per-document"),

    // generate: instruction validation
    TOO_SHORT("fewer words than generate.min-words"),
    /** Also score's: the prompt and answer exceed the scoring model's context. */
    TOO_LONG("more words than generate.max-words, or over the scoring model's context"),
    REFUSAL("the teacher declined to write the instruction"),
    DUPLICATE("the same text as another instruction after normalisation; the earliest origin is kept"),
    NEAR_DUPLICATE("MinHash Jaccard similarity to another instruction at least generate.near-duplicate-jaccard"),
    COPIES_REFERENCE("shares more than generate.max-reference-overlap of its 8-word sequences with its passage"),

    // classify
    SCENARIO_MISMATCH("classified as another scenario than it was written for, under classify.on-mismatch: drop"),

    // respond
    EMPTY_ANSWER("the answer model returned no text"),

    // judge
    MODE_OFF("no reference to grade against, and single-answer grading is off"),
    INCONSISTENT_SAMPLES("the sampled judgments spread more than judge.max-spread, or no verdict has a majority"),
    ORDER_INCONSISTENT("the two orders of a pair disagree, under judge.pairwise.inconsistent: drop"),
    MIRROR_FAILED("the verdict text could not be mirrored for the other order"),

    // score
    IFD_UNALIGNED("the log-probabilities could not be aligned with the answer's tokens"),
    IFD_UNDEFINED("no answer tokens with log-probabilities, or a direct answer loss of 0"),

    // select
    IFD_OUTLIER("an IFD outlier (z-score within scenario and mode, or IFD > 1), or the other order of its pair is"),
    BALANCE("over its score bucket's cap (select.max-score-share, select.score-shares, ties)"),
    COMPOSITION("over its scenario's quota (select.composition, select.total)"),

    // augment
    NO_PARAPHRASE("no criterion of the prompt has a paraphrase"),
    TOO_FEW_CRITERIA("the points talk about fewer than two of the listed criteria, too few to drop one"),
    NOT_FIVE_TIERS("rescaling needs a 1-5 pointwise judgment"),

    // export
    LABEL_DISAGREEMENT("written for one scenario, classified as another (export.classifier-labels)"),
    MISSING_REFERENCE("the passage a questioner example was written from is missing"),
    MISSING_JUDGMENT("a selected record has no judge record"),
    INPUT_REMOVED("a record of the parent version whose source input (reference document, imported instruction)"
            + " was removed or changed since: a refresh does not carry it into the new version"),

    // any teacher step with batch.stages
    BATCH_UNANSWERED(
            "a request a provider batch left unanswered after batch.max-resubmits, with batch.on-unanswered: quarantine"),

    // any step
    /** Quarantined, not thrown: one item's bad data must not sink the other items of its partition. */
    ERROR("an exception while processing the item (a defect in its data, or in the code)");

    private final String meaning;

    RejectReason(String meaning) {
        this.meaning = meaning;
    }

    @Override
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** One line for the docs and for a reader of a rejects table. */
    public String meaning() {
        return meaning;
    }
}
