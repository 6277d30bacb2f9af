/**
 * The one Jackson {@code ObjectMapper} setup for records: snake_case names, the same bytes on every run.
 *
 * <p>Depends on Jackson only.
 */
package io.judgeforge.json;
