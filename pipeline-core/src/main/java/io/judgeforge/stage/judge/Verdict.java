package io.judgeforge.stage.judge;

import java.util.Locale;

/**
 * A pairwise judge's decision: the first response is better ({@code [[A]]}), the second ({@code [[B]]}), or a tie
 * ({@code [[C]]}).
 */
public enum Verdict {
    A,
    B,
    TIE;

    /** The verdict a bracket token names ({@code A}, {@code B}, {@code C}, any case), or {@code null}. */
    static Verdict ofToken(String token) {
        switch (token.strip().toUpperCase(Locale.ROOT)) {
            case "A":
                return A;
            case "B":
                return B;
            case "C":
                return TIE;
            default:
                return null;
        }
    }

    /** The token as the judge writes it. */
    String token() {
        return this == TIE ? "[[C]]" : "[[" + name() + "]]";
    }
}
