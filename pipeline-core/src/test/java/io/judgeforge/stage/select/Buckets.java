package io.judgeforge.stage.select;

import io.judgeforge.stage.select.CapStep.BucketSupply;

/** Buckets for the cap step tests: a pair holds two records, any other unit one. */
final class Buckets {
    private Buckets() {}

    static BucketKey key(String scenario, String mode, String bucket) {
        return new BucketKey(scenario, mode, bucket);
    }

    static BucketSupply units(String scenario, String mode, String bucket, long units) {
        return new BucketSupply(key(scenario, mode, bucket), units, SelectionUnit.paired(mode) ? 2 * units : units);
    }

    static BucketSupply records(String scenario, String mode, String bucket, long records) {
        return new BucketSupply(
                key(scenario, mode, bucket), SelectionUnit.paired(mode) ? records / 2 : records, records);
    }
}
