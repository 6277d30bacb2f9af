package io.judgeforge.teacher.limit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdaptiveConcurrencyTest {
    long now = 0;

    @Test
    void halvesOnA429OncePerCooldownAndCreepsBack() throws Exception {
        AdaptiveConcurrency c = new AdaptiveConcurrency(16, 1_000, () -> now);
        c.acquire();
        c.release(true);
        assertEquals(8, c.limit());
        c.acquire();
        c.release(true);
        assertEquals(8, c.limit(), "a second 429 in the same burst does not halve again");
        now = 2_000;
        c.acquire();
        c.release(true);
        assertEquals(4, c.limit());
        for (int i = 0; i < 4; i++) {
            c.acquire();
            c.release(false);
        }
        assertTrue(c.limit() > 4.9 && c.limit() < 5.1, "about one more per round of successes: " + c.limit());
        for (int i = 0; i < 1_000; i++) {
            c.acquire();
            c.release(false);
        }
        assertEquals(16, c.limit(), "never above the configured maximum");
    }

    @Test
    void neverBelowOneAndBlocksAtTheLimit() throws Exception {
        AdaptiveConcurrency c = new AdaptiveConcurrency(2, 0, () -> now);
        for (int i = 0; i < 5; i++) {
            now += 10;
            c.acquire();
            c.release(true);
        }
        assertEquals(1, c.limit());
        c.acquire();
        Thread waiter = new Thread(() -> {
            try {
                c.acquire();
                c.release(false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        waiter.join(200);
        assertTrue(waiter.isAlive(), "a second caller waits while the one slot is taken");
        c.release(false);
        waiter.join(5_000);
        assertTrue(!waiter.isAlive());
    }
}
