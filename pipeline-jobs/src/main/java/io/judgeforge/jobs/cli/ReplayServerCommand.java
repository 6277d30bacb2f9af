package io.judgeforge.jobs.cli;

import io.judgeforge.jobs.spark.HadoopFiles;
import io.judgeforge.teacher.cassette.Cassette;
import io.judgeforge.teacher.cassette.ReplayServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Serves a cassette as an OpenAI-compatible endpoint on loopback until stopped. */
@Command(
        name = "replay-server",
        mixinStandardHelpOptions = true,
        description = "Replay: answer recorded requests from a cassette; any other request is a clear 404 error.")
final class ReplayServerCommand implements Callable<Integer> {
    @Option(
            names = "--cassette",
            required = true,
            paramLabel = "FILE",
            description = "A cassette written by 'cassette'.")
    String cassette;

    @Option(
            names = "--port",
            defaultValue = "8090",
            paramLabel = "N",
            description = "Port (0 = any free; default ${DEFAULT-VALUE}).")
    int port;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        HadoopFiles files = HadoopFiles.beforeSession();
        String uri = Launch.localToUri(cassette);
        if (!files.exists(uri)) {
            throw new io.judgeforge.config.ConfigException("No cassette at " + cassette);
        }
        Cassette recorded = Cassette.parse(files.readText(uri).lines().toList(), cassette);
        ReplayServer server = ReplayServer.start(recorded, port);
        spec.commandLine()
                .getOut()
                .println("replay: serving " + recorded.size() + " recorded exchanges on " + server.baseUrl());
        spec.commandLine().getOut().flush();
        return UntilStopped.serve(server);
    }
}
