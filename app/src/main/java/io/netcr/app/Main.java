package io.netcr.app;

import io.netcr.app.cli.NetcrCommand;
import io.netcr.app.gui.GuiLauncher;
import picocli.CommandLine;

/**
 * The entry point. With no arguments it opens the workbench on the live host (or on the bundled sample
 * when the host cannot be read), with a single existing file on that file; anything else is the command
 * line. A separate class from the JavaFX Application, so that it can be the main class on the class path.
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
