package io.netcr.app;

import io.netcr.app.cli.NetcrCommand;
import io.netcr.app.gui.GuiLauncher;
import io.netcr.bridge.sys.Sys;
import java.util.Set;

/**
 * The entry point. With no arguments it opens the workbench on the live host (or on the bundled sample
 * when the host cannot be read), with a single existing file on that file; anything else is the command
 * line. A separate class from the JavaFX Application, so that it can be the main class on the class path.
 */
public final class Main {

    /** Commands that will talk to the kernel (snapshot always; the others usually). */
    private static final Set<String> READS_THE_KERNEL = Set.of("snapshot", "checkpoint", "restore", "recover");

    private Main() {
    }

    public static void main(String[] args) {
        if (GuiLauncher.wantsWorkbench(args, NetcrCommand.subcommandNames())) {
            System.exit(GuiLauncher.launch(args, System.err));
        }
        if (args.length > 0 && READS_THE_KERNEL.contains(args[0])) {
            Sys.preloadInBackground(); // overlaps the command line's parsing
        }
        System.exit(NetcrCommand.run(args, System.out, System.err));
    }
}
