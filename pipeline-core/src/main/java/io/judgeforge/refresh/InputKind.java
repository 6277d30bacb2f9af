package io.judgeforge.refresh;

/**
 * The inputs a refresh compares with the published version's. References and imported instructions
 * are the sources records are made from: their removal removes those records. Seeds are only the
 * examples shown in new generation prompts, so a changed seed shapes the next calls but makes no
 * record stale and is no new work by itself.
 */
public enum InputKind {
    REFERENCE("reference"),
    INSTRUCTION("instruction"),
    SEED("seed");

    private final String code;

    InputKind(String code) {
        this.code = code;
    }

    /** The name in the inventory table and in changes.json. */
    public String code() {
        return code;
    }
}
