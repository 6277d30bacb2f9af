package io.judgeforge.teacher.store;

/**
 * One stored exchange: the request key, the endpoint and path it went to, the canonical request
 * body (for audit and replay), and the raw response body exactly as the server sent it.
 */
public record StoredResponse(
        String key, String endpoint, String path, String request, String response, String storedAt) {}
