package io.judgeforge.simulator;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * OpenAI's prompt caching as {@code usage.prompt_tokens_details.cached_tokens} reports it: prompts of
 * {@value #MIN_TOKENS} tokens or more are cached in steps of {@value #STEP} tokens, and a later
 * request whose prompt starts with a cached prefix (same model) reports the longest such prefix.
 * Only hashes of the prefixes at each step are kept, at most {@value #MAX_ENTRIES} (then it starts
 * afresh, as a real cache evicts).
 */
final class PromptCache {
    static final int MIN_TOKENS = 1024;
    static final int STEP = 128;
    static final int MAX_ENTRIES = 1 << 20;

    private final Set<Long> prefixes = ConcurrentHashMap.newKeySet();

    /**
     * The cached tokens of a prompt, then remembers its prefixes for the requests after it.
     *
     * @param tokens the prompt's tokens in order, each with its message's role mixed in
     */
    int cachedTokens(String model, List<String> tokens) {
        if (tokens.size() < MIN_TOKENS) {
            return 0;
        }
        if (prefixes.size() > MAX_ENTRIES) {
            prefixes.clear();
        }
        long hash = StableHash.of(model);
        int cached = 0;
        for (int i = 0; i < tokens.size(); i++) {
            hash = StableHash.mix(hash ^ StableHash.of(tokens.get(i)));
            int length = i + 1;
            if (length % STEP == 0 && length >= MIN_TOKENS) {
                if (!prefixes.add(hash)) {
                    cached = length;
                }
            }
        }
        return cached;
    }
}
