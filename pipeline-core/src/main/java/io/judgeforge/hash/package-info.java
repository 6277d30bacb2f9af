/**
 * The one SHA-256 of the project (commons-codec): request keys, fingerprints, seeded choices, shard checksums.
 *
 * <p>Depends on commons-codec only.
 */
package io.judgeforge.hash;
