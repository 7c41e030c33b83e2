package io.netcr.app.cli;

/** Exit statuses of every command, like diff(1): 0 all well, 1 a problem in the data, 2 cannot do it. */
public final class ExitCodes {
    /** The source was read and holds no error. */
    public static final int OK = 0;
    /** The source was read but has errors (or, for diff, the two differ). */
    public static final int PROBLEMS = 1;
    /** Wrong usage, or a file that cannot be opened, or the operation could not run. */
    public static final int FAILED = 2;

    private ExitCodes() {
    }
}
