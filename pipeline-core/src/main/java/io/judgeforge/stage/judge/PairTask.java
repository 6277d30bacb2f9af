package io.judgeforge.stage.judge;

import io.judgeforge.stage.respond.Response;

/** Two responses to one instruction, compared with {@code first} shown as Response A in the original order. */
public record PairTask(String id, Response first, Response second) {
    public String scenario() {
        return first.scenario();
    }
}
