package io.netcr.app.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code netcr} command: its subcommands are the command line's verbs. */
@Command(name = "netcr", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Graph, checkpoint, restore and compare Linux network namespaces.",
            "Without a command, opens the workbench."},
        subcommands = {InspectCommand.class, SnapshotCommand.class, DiffCommand.class, ExportCommand.class, ConvertCommand.class,
            CheckpointCommand.class, RestoreCommand.class},
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

    /**
     * The subcommands' names, read from the annotations alone: building the picocli model costs ~0.1 s
     * in a cold JVM, too much to spend only to learn whether an argument is a command or a file.
     */
    public static Set<String> subcommandNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Class<?> c : NetcrCommand.class.getAnnotation(Command.class).subcommands()) {
            names.add(c.getAnnotation(Command.class).name());
        }
        return names;
    }

    /** Runs the command line and returns its exit status; never lets a stack trace reach the user. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine cli = new CommandLine(new NetcrCommand());
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
