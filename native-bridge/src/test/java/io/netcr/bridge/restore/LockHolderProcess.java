package io.netcr.bridge.restore;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Another process that takes the restore lock, as a second `netcr restore` would: it says "held" and keeps
 * the lock until its standard input closes, or says "busy: MESSAGE" when the lock is taken already.
 */
final class LockHolderProcess implements AutoCloseable {

    final Process process;
    /** Its first line: "held" or "busy: ...". */
    final String said;

    private LockHolderProcess(Process process, String said) {
        this.process = process;
        this.said = said;
    }

    /** Starts it on {@code file} as {@code holder} and waits for its first line. */
    static LockHolderProcess start(Path file, String holder) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(List.of(java, "-cp", cp, LockHolderProcess.class.getName(), file.toString(),
                holder)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        return new LockHolderProcess(p, line == null ? "(no answer)" : line);
    }

    /** Closes its standard input (it releases the lock and exits) and waits for it. */
    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    public static void main(String[] args) throws Exception {
        try (RestoreLock lock = RestoreLock.acquire(Path.of(args[0]), false, args[1])) {
            System.out.println("held");
            System.out.flush();
            while (System.in.read() >= 0) {
                // holds the lock until the test closes our input
            }
        } catch (RestoreLock.BusyException e) {
            System.out.println("busy: " + e.getMessage());
        }
    }
}
