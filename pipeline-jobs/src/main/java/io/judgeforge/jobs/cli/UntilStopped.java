package io.judgeforge.jobs.cli;

import java.util.concurrent.CountDownLatch;

/** Keeps a server command running until the JVM is asked to stop (Ctrl-C, SIGTERM), then closes the server. */
final class UntilStopped {
    private UntilStopped() {}

    static int serve(AutoCloseable server) throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                // Stopping anyway: nothing is left to do with a server that failed to close.
            }
            stop.countDown();
        }));
        stop.await();
        return 0;
    }
}
