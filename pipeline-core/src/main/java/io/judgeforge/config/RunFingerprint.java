package io.judgeforge.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.judgeforge.hash.Sha256;
import io.judgeforge.json.Json;

/**
 * What a run was made with, as one hash: the merged config and the text of every file it names (catalog, templates,
 * seeds, paraphrases). A run records it when it starts, and resuming that run with another config is refused.
 */
public final class RunFingerprint {
    private final StringBuilder text;

    /**
     * Starts from the merged config tree ({@link ConfigLoader#tree}) before its {@code ${...}} references are replaced,
     * so that the simulator's port, new on every run, leaves an unchanged config's hash unchanged. Keys are sorted:
     * the order a file gives them in does not matter. The {@code progress} section is left out: how the live line is
     * drawn changes no output, and a run started on a terminal may be resumed from cron.
     */
    public RunFingerprint(ObjectNode tree) {
        ObjectNode made = tree.deepCopy();
        made.remove("progress");
        text = new StringBuilder(canonical(made));
    }

    /** Adds one more part (a file's text, a template's version); the order of the parts counts. */
    public RunFingerprint add(String part) {
        text.append('\n').append(part);
        return this;
    }

    public String sha256() {
        return Sha256.hex(text.toString());
    }

    private static String canonical(ObjectNode tree) {
        try {
            Object plain = Json.mapper().convertValue(tree, Object.class);
            return Json.mapper()
                    .copy()
                    .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .writeValueAsString(plain);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
