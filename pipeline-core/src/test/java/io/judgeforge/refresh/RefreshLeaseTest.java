package io.judgeforge.refresh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RefreshLeaseTest {
    @Test
    void aLockIsStaleOnlyAfterAWholeLeaseWithoutRenewal() {
        RefreshLease lease = new RefreshLease(120_000);
        assertEquals(40_000, lease.renewEveryMs());
        assertFalse(lease.stale(1_000_000, 1_000_000 + 120_000));
        assertTrue(lease.stale(1_000_000, 1_000_000 + 120_001));
        // Two missed renewals are not enough to take a live refresh's lock.
        assertFalse(lease.stale(1_000_000, 1_000_000 + 2 * lease.renewEveryMs()));
    }

    @Test
    void aLeaseTooShortToRenewIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new RefreshLease(2));
    }
}
