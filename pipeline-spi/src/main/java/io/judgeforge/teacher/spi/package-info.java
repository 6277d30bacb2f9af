/**
 * Service interfaces with no dependencies: a local OpenAI-compatible server (the simulator) that the pipeline
 * can start without depending on the module that provides it.
 *
 * <p>Depends on the JDK only.
 */
package io.judgeforge.teacher.spi;
