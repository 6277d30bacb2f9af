package io.judgeforge.jobs.cli;

import io.judgeforge.jobs.spark.HadoopFiles;
import io.judgeforge.teacher.cassette.Cassette;
import io.judgeforge.teacher.store.StoredResponse;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.FileStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Writes a response store out as a cassette: one recorded exchange per JSONL line. */
@Command(
        name = "cassette",
        mixinStandardHelpOptions = true,
        description = "Record: write every response in a response store to a cassette file (JSONL), for replay-server.")
final class CassetteCommand implements Callable<Integer> {
    @Option(
            names = "--store",
            required = true,
            paramLabel = "DIR",
            description = "The response store (store.path; by default OUT/store).")
    String store;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The cassette file to write.")
    String out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        HadoopFiles files = HadoopFiles.beforeSession();
        String root = Launch.localToUri(store);
        if (!files.exists(root)) {
            throw new io.judgeforge.config.ConfigException("No response store at " + store);
        }
        StringBuilder lines = new StringBuilder();
        int n = 0;
        for (FileStatus prefix : files.list(root)) {
            if (!prefix.isDirectory()) {
                continue;
            }
            for (FileStatus f : files.list(prefix.getPath().toString())) {
                if (f.getPath().getName().endsWith(".json")
                        && !f.getPath().getName().startsWith(".")) {
                    StoredResponse r = io.judgeforge.json.Json.read(
                            files.readText(f.getPath().toString()), StoredResponse.class);
                    lines.append(Cassette.line(r)).append('\n');
                    n++;
                }
            }
        }
        files.replaceText(Launch.localToUri(out), lines.toString());
        spec.commandLine().getOut().println("cassette: " + n + " recorded exchanges -> " + out);
        return 0;
    }
}
