package io.judgeforge.simulator;

import java.util.Optional;

/**
 * The failures the simulator can inject into a model call, in the order they take precedence when
 * several are drawn for the same request (a request gets at most one of them, besides SLOW). The
 * kinds after SLOW came later; they are last so that adding them changed no earlier draw.
 */
public enum FaultKind {
    /** 429 in OpenAI's shape with {@code Retry-After: 1}, as if another client had used the quota. */
    HTTP_429("http429"),
    /** 503, as when the API is overloaded. */
    HTTP_503("http503"),
    /** 500 with an OpenAI error body. */
    HTTP_500("http500"),
    /** 200 whose body is cut in the middle, so it is not JSON: a dropped connection behind a proxy. */
    MALFORMED_JSON("malformed_json"),
    /** 200 with a valid chat completion whose content is cut and {@code finish_reason: "length"}. */
    TRUNCATED("truncated"),
    /** An extra delay, meant to outlast a client's timeout; the reply after it is the normal one. */
    SLOW("slow"),
    /** 403 {@code unsupported_country_region_territory}, OpenAI's answer to a request from a blocked region. */
    HTTP_403("http403"),
    /** 502 with the HTML page of a gateway in front of the API, not JSON. */
    HTTP_502("http502"),
    /** 429 {@code insufficient_quota}: the account has no credit left; no retry header, as retrying cannot help. */
    INSUFFICIENT_QUOTA("insufficient_quota"),
    /** 200 whose body is an HTML page (a proxy's or captive portal's), with {@code Content-Type: text/html}. */
    HTML_BODY("html_body"),
    /** 200 with a completion's JSON that has no {@code choices}. */
    NO_CHOICES("no_choices");

    /** Models named this, then a kind's key, get that kind on every call when fault triggers are on. */
    public static final String TRIGGER_PREFIX = "sim-fault-";

    private final String key;

    FaultKind(String key) {
        this.key = key;
    }

    /** The key in the {@code faults} object of {@code /sim/stats}. */
    public String key() {
        return key;
    }

    /** The model that triggers this fault, e.g. {@code sim-fault-http503}. */
    public String triggerModel() {
        return TRIGGER_PREFIX + key;
    }

    /** True for the six kinds the simulator had first, which {@code /sim/stats} always lists. */
    boolean listedAlways() {
        return ordinal() <= SLOW.ordinal();
    }

    /** The kind {@code model} triggers, if it is a trigger model. */
    static Optional<FaultKind> triggeredBy(String model) {
        if (model == null || !model.startsWith(TRIGGER_PREFIX)) {
            return Optional.empty();
        }
        for (FaultKind kind : values()) {
            if (kind.triggerModel().equals(model)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
