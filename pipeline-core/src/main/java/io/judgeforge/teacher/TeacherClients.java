package io.judgeforge.teacher;

import io.judgeforge.config.PipelineConfig.Endpoint;
import java.io.Serializable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The run's endpoints by name, each client built on first use on the executor that needs it. */
public final class TeacherClients implements Serializable {
  private final Map<String, Endpoint> endpoints;
  private transient Map<String, TeacherClient> clients;

  public TeacherClients(Map<String, Endpoint> endpoints) {
    this.endpoints = Map.copyOf(endpoints);
  }

  public synchronized TeacherClient get(String name) {
    if (clients == null) {
      clients = new ConcurrentHashMap<>();
    }
    Endpoint endpoint = endpoints.get(name);
    if (endpoint == null) {
      throw new IllegalArgumentException("Unknown endpoint '" + name + "' (configured: " + endpoints.keySet() + ")");
    }
    return clients.computeIfAbsent(name, n -> TeacherClient.forEndpoint(endpoint));
  }
}
