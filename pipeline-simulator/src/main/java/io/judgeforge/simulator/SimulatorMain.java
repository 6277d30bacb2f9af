package io.judgeforge.simulator;

import io.judgeforge.teacher.spi.LocalEndpointServer;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Serves the simulator until the JVM is stopped (Ctrl-C, SIGTERM):
 * {@code java -cp pipeline-simulator.jar:... io.judgeforge.simulator.SimulatorMain --port 8089}.
 * {@code run-scripts/judgeforge sim-server} takes the same flags. Exit code 2 for an unusable flag,
 * reported in one line.
 */
public final class SimulatorMain {
    static final String NAME = "judgeforge-simulator";

    private SimulatorMain() {}

    public static void main(String[] args) throws InterruptedException {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        LocalEndpointServer server;
        try {
            SimulatorCommandLine flags = SimulatorCommandLine.parse(List.of(args));
            if (flags.helpRequested() || flags.versionRequested()) {
                out.print(flags.helpRequested() ? SimulatorCommandLine.usage(NAME) : NAME + " 0.1.0\n");
                out.flush();
                return;
            }
            server = SimulatorProvider.serve(flags);
        } catch (IllegalArgumentException e) {
            err.println(NAME + ": " + e.getMessage() + " (see '" + NAME + " --help')");
            System.exit(2);
            return;
        }
        out.println("simulator: serving on " + server.baseUrl());
        out.println("simulator: " + server.description());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        stopped.await();
    }
}
