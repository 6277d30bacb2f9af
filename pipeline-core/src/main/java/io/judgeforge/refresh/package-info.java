/**
 * The nightly refresh, as rules over plain values: what changed in the inputs since the published
 * version ({@link InputChanges}), how much new work that makes ({@link DeltaQuotas}), what the new
 * version adds and removes ({@link VersionChanges}, written as {@code changes.json} and {@code
 * CHANGELOG.md} by {@link Changelog}), which old versions to prune ({@link VersionRetention}) and
 * when a lock left by a crashed refresh may be taken over ({@link RefreshLease}).
 *
 * <p>Depends on io.judgeforge.config, io.judgeforge.scenario and io.judgeforge.stage.generate.
 */
package io.judgeforge.refresh;
