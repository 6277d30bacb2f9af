package io.judgeforge.teacher.store;

import java.io.Serializable;
import java.util.Optional;

/**
 * Raw teacher responses by request key, kept across runs. A response is put before anything uses
 * it, so a crash, a Spark task retry, a rerun or a nightly refresh that makes the same request
 * finds it here instead of paying for it again. Raw bodies are kept apart from parsed results: a
 * parser fix re-parses what is stored without calling.
 *
 * <p>Implementations are safe for concurrent use by many tasks and JVMs: the first put of a key
 * wins and later puts of the same key are no-ops.
 */
public interface ResponseStore {
    Optional<StoredResponse> get(String key);

    /** Stores {@code response} under its key unless one is there already. */
    void put(StoredResponse response);

    /** What a claim came to. */
    enum Claim {
        /** The key was free: the caller holds it now. */
        FREE,
        /**
         * The key's last claim ran out without being released: its holder died (a killed JVM), maybe
         * with the request on the wire. The caller holds the key now, and may look for that answer.
         */
        LAPSED,
        /** Another attempt holds a live claim on the key. */
        HELD;

        public boolean won() {
            return this != HELD;
        }
    }

    /**
     * Claims the right to make the call for {@code key} for {@code leaseMs}, so that two attempts of
     * one Spark task (a retry racing a straggler, speculative execution) do not both pay for it.
     */
    Claim claim(String key, long leaseMs);

    /** How long a claim in this store lasts unless renewed. */
    default long claimLeaseMs() {
        return DEFAULT_CLAIM_LEASE_MS;
    }

    long DEFAULT_CLAIM_LEASE_MS = 30_000;

    /** Extends a claim this caller holds by {@code leaseMs} from now: a running call keeps its claim alive. */
    void renew(String key, long leaseMs);

    /** Releases a claim, whether or not a response was stored. */
    void release(String key);

    /**
     * Gives up a claim whose call may have reached the provider without its answer coming back (the
     * caller's thread was interrupted): the key is left lapsed rather than free, so its next claimant
     * looks for that answer ({@link ResponseStore.Claim#LAPSED}) before paying again.
     */
    default void abandon(String key) {
        release(key);
    }

    /** A store that keeps nothing: every request is made. */
    ResponseStore NONE = new ResponseStore() {
        @Override
        public Optional<StoredResponse> get(String key) {
            return Optional.empty();
        }

        @Override
        public void put(StoredResponse response) {}

        @Override
        public Claim claim(String key, long leaseMs) {
            return Claim.FREE;
        }

        @Override
        public void renew(String key, long leaseMs) {}

        @Override
        public void release(String key) {}
    };

    /** Builds the store on the JVM that uses it: executors open their own handle from this. */
    @FunctionalInterface
    interface Factory extends Serializable {
        ResponseStore open();

        Factory NONE = () -> ResponseStore.NONE;
    }
}
