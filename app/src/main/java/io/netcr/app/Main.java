package io.netcr.app;

import io.netcr.app.cli.NetcrCommand;

/**
 * The entry point. With a subcommand it is the command line; with no arguments it opens the workbench
 * (until the workbench lands, it prints the usage). A separate class from any JavaFX Application, so
 * that it can be the main class on the class path.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(NetcrCommand.run(args, System.out, System.err));
    }
}
