/**
 * Stage export: the mapping from the run's records to the three fine-tuning sets (judge, scenario classifier,
 * questioner), the split assignment, and the manifest that accounts for every record and shard.
 *
 * <p>Depends on {@code stage}, the upstream stages' record types, {@code prompt}, {@code scenario} and {@code hash}.
 */
package io.judgeforge.stage.export;
