package io.judgeforge.stage;

/** Where one work item of a stage ended: every item ends in exactly one of these. */
public enum ItemStatus {
    /** Produced its output records. */
    OUT,
    /** Removed on purpose by a rule (too short, duplicate, outlier, balance cap), with the rule as reason. */
    FILTERED,
    /** Could not be processed (a failed call, an unparseable answer), with the failure as reason. */
    QUARANTINED;

    public String code() {
        return name().toLowerCase();
    }
}
