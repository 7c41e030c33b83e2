package io.netcr.app.cli;

/**
 * SIGINT and SIGTERM as a request to stop, for a command that runs until told (netcr monitor): the command
 * then ends its work and returns its exit status itself, instead of the JVM dying with 130 or 143 in the
 * middle of a line.
 */
final class StopSignals {

    private StopSignals() {
    }

    /** Runs {@code stop} on SIGINT or SIGTERM; where the JVM does not allow handlers, a shutdown hook does. */
    static void onIntOrTerm(Runnable stop) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), s -> stop.run());
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), s -> stop.run());
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            Runtime.getRuntime().addShutdownHook(new Thread(stop, "netcr-stop"));
        }
    }
}
