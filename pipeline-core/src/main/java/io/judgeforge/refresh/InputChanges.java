package io.judgeforge.refresh;

/**
 * How one kind of input (references, imported instructions, seeds) differs from the published
 * version's, by id and content hash: a changed input is one whose id is kept with other content.
 */
public record InputChanges(long added, long changed, long removed, long unchanged) {
    public static final InputChanges NONE = new InputChanges(0, 0, 0, 0);

    /** Inputs that make new work: new ones and changed ones. */
    public long fresh() {
        return added + changed;
    }

    public boolean any() {
        return added + changed + removed > 0;
    }
}
