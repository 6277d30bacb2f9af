package io.judgeforge.stage.generate;

import io.judgeforge.stage.RejectReason;
import java.io.Serializable;

/** Why a check of the generate stage removes a row: the reason it is counted under, and a detail (or null). */
public record Rejection(RejectReason reason, String detail) implements Serializable {}
