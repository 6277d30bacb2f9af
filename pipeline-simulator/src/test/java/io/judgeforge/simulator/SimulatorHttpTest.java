package io.judgeforge.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Base of the tests that talk to one simulator with default settings over real HTTP, per test class. */
abstract class SimulatorHttpTest {
    static SimulatorServer server;
    static SimulatorClient client;

    @BeforeAll
    static void startSimulator() {
        server = SimulatorServer.start(SimulatorSettings.defaults(), 0);
        client = new SimulatorClient(server);
    }

    @AfterAll
    static void stopSimulator() {
        if (server != null) {
            server.close();
        }
    }
}
