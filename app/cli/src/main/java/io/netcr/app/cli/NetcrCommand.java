package io.netcr.app.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level {@code netcr} command: its subcommands are the command line's verbs. They are added in
 * code rather than listed in the annotation, so that a run of one verb builds the picocli model of that
 * verb only: picocli's classes are Java 5 bytecode, which class-data sharing cannot archive, and its
 * model of all eight verbs costs ~0.15 s in a cold JVM, a quarter of a whole {@code netcr snapshot}.
 */
@Command(name = "netcr", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Graph, checkpoint, restore and compare Linux network namespaces.",
            "Without a command, opens the workbench."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:all well", "1:the source holds errors (or differs, for diff)",
            "2:wrong usage, or a file or host that cannot be read"})
public final class NetcrCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        // No subcommand: the workbench will open here; until then, show what can be done.
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The verbs, in the order {@code netcr --help} lists them. */
    private static final List<Class<?>> VERBS = List.of(InspectCommand.class, SnapshotCommand.class, DiffCommand.class,
            ExportCommand.class, ConvertCommand.class, CheckpointCommand.class, RestoreCommand.class,
            RecoverCommand.class, MonitorCommand.class, AgentCommand.class);

    /** The subcommands' names, read from the annotations alone (no picocli model is built). */
    public static Set<String> subcommandNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Class<?> c : VERBS) {
            names.add(nameOf(c));
        }
        return names;
    }

    private static String nameOf(Class<?> verb) {
        return verb.getAnnotation(Command.class).name();
    }

    /**
     * The command line for these arguments: with only the named verb when the first argument names one,
     * else with all of them (for --help, and for the "did you mean" of a mistyped verb).
     */
    static CommandLine commandLineFor(String[] args) {
        CommandLine cli = new CommandLine(new NetcrCommand());
        String first = args.length > 0 ? args[0] : "";
        boolean oneVerb = subcommandNames().contains(first);
        for (Class<?> verb : VERBS) {
            if (!oneVerb || nameOf(verb).equals(first)) {
                cli.addSubcommand(verb);
            }
        }
        return cli;
    }

    /** Runs the command line and returns its exit status; never lets a stack trace reach the user. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = commandLineFor(args); // verbs first: the settings below reach those present only
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExitCodeExceptionMapper(t -> ExitCodes.FAILED);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("netcr: " + commandLine.getCommandName() + ": unexpected error: "
                    + ex + " (please report this; run with NETCR_DEBUG=1 for details)");
            if (System.getenv("NETCR_DEBUG") != null) {
                ex.printStackTrace(commandLine.getErr());
            }
            return ExitCodes.FAILED;
        });
        return cli.execute(args);
    }
}
