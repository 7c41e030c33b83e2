package io.netcr.app;

import io.netcr.app.agent.Agent;
import io.netcr.app.cli.EarlySnapshot;
import io.netcr.app.cli.ExitCodes;
import io.netcr.app.cli.NetcrCommand;
import io.netcr.app.hosts.askpass.AskpassClient;
import io.netcr.bridge.sys.Sys;
import java.util.Arrays;
import java.util.Set;

/**
 * The entry point. With no arguments it opens the workbench on the live host (or on the bundled sample
 * when the host cannot be read), with a single existing file on that file; anything else is the command
 * line. It loads no JavaFX class itself (the command line's module has none): {@link WorkbenchEntry} reaches
 * the workbench by name, so the same entry serves the headless package and the desktop one.
 */
public final class Main {

    /** Commands that will talk to the kernel (snapshot always; the others usually). */
    private static final Set<String> READS_THE_KERNEL = Set.of("snapshot", "checkpoint", "restore", "recover");

    private Main() {
    }

    public static void main(String[] args) {
        StartupTrace.mark("main");
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // What picocli would print, without building its model: a version check (a script's, or the
            // workbench's over SSH) pays for the JVM alone.
            for (String line : Version.lines()) {
                System.out.println(line);
            }
            System.exit(ExitCodes.OK);
        }
        if (args.length == 1 && "agent".equals(args[0])) {
            // Every connection starts an agent: without picocli's model (~170 classes) it greets sooner.
            Sys.preloadInBackground(() -> StartupTrace.mark("libc"));
            System.exit(Agent.run());
        }
        if (args.length >= 1 && "askpass".equals(args[0])) {
            // ssh's SSH_ASKPASS for the workbench: the prompt goes to the window that started ssh
            System.exit(AskpassClient.run(Arrays.copyOfRange(args, 1, args.length), System.getenv(), System.out,
                    System.err));
        }
        // A plain snapshot reads the host while the command line is parsed; other commands that talk to the
        // kernel bind libc meanwhile (with --host the agent reads the kernel, not this process).
        boolean early = EarlySnapshot.startIfPlain(args);
        if (EarlySnapshot.isBare(args)) {
            System.exit(EarlySnapshot.runBare(args, System.out, System.err)); // no parser needed
        }
        if (!early && WorkbenchEntry.wantsWorkbench(args, NetcrCommand::subcommandNames)) {
            System.exit(WorkbenchEntry.launch(args, System.err));
        }
        if (!early && args.length > 0 && READS_THE_KERNEL.contains(args[0])
                && !Arrays.asList(args).contains("--host")) {
            Sys.preloadInBackground(() -> StartupTrace.mark("libc"));
        }
        System.exit(NetcrCommand.run(args, System.out, System.err));
    }
}
