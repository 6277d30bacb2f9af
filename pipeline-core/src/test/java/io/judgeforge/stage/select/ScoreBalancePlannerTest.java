package io.judgeforge.stage.select;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreBalancePlannerTest {
  @Test
  void capsTheDominantScoreToTheShare() {
    // 56% at score 4, as in the paper's early data: 4 is cut until it holds at most 40%.
    Map<Integer, Long> kept = ScoreBalancePlanner.kept(Map.of(1, 5L, 2, 10L, 3, 20L, 4, 56L, 5, 9L), 0.4);
    long total = kept.values().stream().mapToLong(Long::longValue).sum();
    assertEquals(Map.of(1, 5L, 2, 10L, 3, 20L, 4, 29L, 5, 9L), kept);
    assertEquals(73, total);
    assertEquals(true, kept.get(4) <= 0.4 * total);
  }

  @Test
  void keepsEverythingWhenNoScoreExceedsTheShare() {
    Map<Integer, Long> h = Map.of(1, 10L, 2, 10L, 3, 10L);
    assertEquals(h, ScoreBalancePlanner.kept(h, 0.4));
  }

  @Test
  void fallsBackToEvenWhenTheShareIsUnreachable() {
    assertEquals(Map.of(3, 4L, 4, 4L), ScoreBalancePlanner.kept(Map.of(3, 4L, 4, 30L), 0.4));
  }
}
