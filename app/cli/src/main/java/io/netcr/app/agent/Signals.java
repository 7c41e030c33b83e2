package io.netcr.app.agent;

/**
 * Keeps a restore from being cut short by the end of a session: SIGHUP (which a closing terminal or session may
 * send) is ignored, and on SIGTERM or SIGINT the JVM's exit waits, in a shutdown hook, for the work under way.
 */
final class Signals {

    private Signals() {
    }

    /** Ignores SIGHUP from now on; when the JVM does not allow it, the exit hook still waits for the work. */
    static void ignoreHangup() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), sun.misc.SignalHandler.SIG_IGN);
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            // -Xrs, or a runtime without jdk.unsupported: the exit hook below still protects a restore
        }
    }

    /** A shutdown hook that lets the JVM exit only once the session's restore, if one runs, has ended. */
    static Thread waitOnExit(Session session) {
        Thread hook = new Thread(session::awaitRestores, "netcr-agent-exit");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** Removes the hook: the session ended by itself, its work done. */
    static void release(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already; the hook returns at once, nothing runs
        }
    }
}
