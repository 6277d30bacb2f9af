/**
 * Provider batch APIs (OpenAI's {@code /v1/files} and {@code /v1/batches}): the request and result
 * lines of a batch file, the batch object, the client that uploads, submits, polls and downloads, and
 * a round of batches whose ids are kept in a folder before they are polled, so a run that died resumes
 * by polling them instead of submitting again.
 *
 * <p>Depends on: io.judgeforge.config, io.judgeforge.json, io.judgeforge.teacher, io.judgeforge.teacher.call, io.judgeforge.teacher.http.
 */
package io.judgeforge.teacher.batch;
