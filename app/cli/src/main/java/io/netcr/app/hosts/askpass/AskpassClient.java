package io.netcr.app.hosts.askpass;

import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code netcr askpass PROMPT}: the program ssh runs as SSH_ASKPASS for the workbench. It hands the prompt to the
 * window's {@link AskpassServer} (the socket NETCR_ASKPASS_SOCKET names) and prints the answer on standard output,
 * as ssh expects; it exits 1, printing nothing there, when the person cancels or the window cannot be reached (ssh
 * then takes it as a refusal).
 */
public final class AskpassClient {

    private AskpassClient() {
    }

    /** Runs the program; returns its exit status. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String socket = env.get(AskpassServer.SOCKET_VARIABLE);
        if (socket == null || socket.isEmpty()) {
            err.println("netcr askpass: this is the program the netcr workbench gives ssh to ask for passwords; "
                    + AskpassServer.SOCKET_VARIABLE + " is not set, so there is no window to ask");
            return 1;
        }
        String prompt = args.length > 0 ? String.join(" ", args) : "Password:";
        byte[] bytes = prompt.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > AskpassServer.MAX_BYTES) {
            err.println("netcr askpass: a prompt of " + bytes.length + " bytes is too long to show");
            return 1;
        }
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.connect(UnixDomainSocketAddress.of(Path.of(socket)));
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                c.write(buf);
            }
            c.shutdownOutput();
            String reply = AskpassServer.readAll(c);
            if (reply == null || !reply.startsWith(AskpassServer.OK)) {
                return 1;
            }
            out.println(reply.substring(AskpassServer.OK.length()));
            out.flush();
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("netcr askpass: cannot reach the workbench's window (" + socket + "): " + e.getMessage());
            return 1;
        }
    }
}
