/**
 * Record and replay: a run's exchanges written to a cassette and served back by a local replay server.
 *
 * <p>Depends on {@code teacher.call} and the JDK's HTTP server.
 */
package io.judgeforge.teacher.cassette;
