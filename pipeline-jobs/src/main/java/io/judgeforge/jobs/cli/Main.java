package io.judgeforge.jobs.cli;

import io.judgeforge.config.ConfigException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code judgeforge} command line. Exit codes: 0 done, 1 the run failed (one line on the terminal, the stack
 * trace in the log unless {@code --verbose}), 2 a usage or configuration error (reported in one line that names the
 * flag, key or value).
 */
@Command(
        name = "judgeforge",
        mixinStandardHelpOptions = true,
        version = "judgeforge 0.1.0",
        description = "Builds fine-tuning data for LLM-as-a-judge models on Apache Spark (the Themis pipeline).")
public final class Main implements Callable<Integer> {
    public static final int USAGE = 2;
    /** The system property the launcher sets to the log file that the failure logger writes to. */
    static final String LOG_FILE = "judgeforge.log";

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Main.class);

    // Inherited, so it goes before or after any subcommand; read from the parse result, which holds it wherever given.
    @CommandLine.Option(
            names = "--verbose",
            scope = CommandLine.ScopeType.INHERIT,
            description = "On a failure, print the stack trace here as well as to the log.")
    boolean verbose;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return USAGE;
    }

    public static void main(String[] args) {
        int code = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        System.exit(code);
    }

    /** Runs a command line; returns the exit code (tests call this instead of main). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine();
        // sim-server hands its flags, unparsed, to the simulator module that owns them.
        cli.getSubcommands().get("sim-server").setUnmatchedOptionsArePositionalParams(true);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, arguments) -> {
            String command = ex.getCommandLine().getCommandName();
            // An unknown flag is the more useful news than a missing one it may have been meant to be.
            List<String> unmatched = ex.getCommandLine().getParseResult() == null
                    ? List.of()
                    : ex.getCommandLine().getParseResult().unmatched();
            String message = !unmatched.isEmpty() && !(ex instanceof CommandLine.UnmatchedArgumentException)
                    ? "Unknown option: '" + unmatched.get(0) + "'"
                    : ex.getMessage();
            err.println(command + ": " + message + " (see '" + qualified(ex.getCommandLine()) + " --help')");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable root = ex;
            while (!(root instanceof ConfigException) && root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (root instanceof ConfigException) {
                err.println(commandLine.getCommandName() + ": " + root.getMessage());
                return USAGE;
            }
            // The one line says what failed; the trace is for a bug report, so it goes to the log.
            LOG.error(commandLine.getCommandName() + " failed", ex);
            if (verbose(parseResult)) {
                err.println(commandLine.getCommandName() + ": failed: " + ex);
                ex.printStackTrace(err);
            } else {
                String log = System.getProperty(LOG_FILE);
                err.println(commandLine.getCommandName() + ": failed: " + ex + " (stack trace in "
                        + (log == null ? "the log" : log) + "; --verbose prints it here)");
            }
            return 1;
        });
        return cli.execute(args);
    }

    /**
     * The command line with its subcommands in the order help lists them: the pipeline, each stage, then the tools.
     * The settings made on it afterwards reach only the subcommands added by then.
     */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        StageCommands.addTo(cli);
        cli.addSubcommand(new RefreshCommand());
        for (Class<?> tool : List.of(
                SimServerCommand.class,
                ValidateConfCommand.class,
                MetaEvalCommand.class,
                CassetteCommand.class,
                ReplayServerCommand.class,
                BenchCommand.class)) {
            cli.addSubcommand(tool);
        }
        return cli;
    }

    private static boolean verbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    private static String qualified(CommandLine cl) {
        return cl.getParent() == null ? cl.getCommandName() : qualified(cl.getParent()) + " " + cl.getCommandName();
    }
}
