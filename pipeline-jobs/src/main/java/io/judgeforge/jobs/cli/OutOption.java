package io.judgeforge.jobs.cli;

import picocli.CommandLine.Option;

/** The output root of the commands that run the pipeline: runs, datasets and the response store under it. */
final class OutOption {
    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "judgeforge-out",
            description = "Output root: runs under DIR/runs, datasets under DIR/datasets (default: ${DEFAULT-VALUE}).")
    String out;
}
