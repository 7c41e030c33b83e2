package io.netcr.app;

import io.netcr.app.cli.NetcrCommand;
import io.netcr.app.gui.GuiLauncher;
import picocli.CommandLine;

/**
 * The entry point. With no arguments, or a single existing file, it opens the workbench (on the
 * bundled sample, until live discovery lands); anything else is the command line. A separate class
 * from the JavaFX Application, so that it can be the main class on the class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (GuiLauncher.wantsWorkbench(args, new CommandLine(new NetcrCommand()).getSubcommands().keySet())) {
            System.exit(GuiLauncher.launch(args, System.err));
        }
        System.exit(NetcrCommand.run(args, System.out, System.err));
    }
}
