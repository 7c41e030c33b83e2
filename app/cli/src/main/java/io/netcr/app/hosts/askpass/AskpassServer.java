package io.netcr.app.hosts.askpass;

import io.netcr.app.hosts.ThisProgram;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The window's end of ssh's password prompts: ssh runs {@link #program()} (as SSH_ASKPASS, forced) with its
 * prompt — a passphrase, a password, an unknown host key's question — and that program ({@code netcr askpass})
 * hands the prompt over a Unix socket to this server, whose {@link Prompter} asks the person (the workbench: a
 * dialog) and sends the answer back. Nothing is put on a command line or in an environment variable but the
 * socket's path.
 *
 * <p>Only this user reaches the socket: it lives in a folder of mode 0700 made for this server alone (under
 * XDG_RUNTIME_DIR, else the temporary folder), and a peer of another user (SO_PEERCRED) is refused. Closing the
 * server removes the folder.
 */
public final class AskpassServer implements AutoCloseable {

    /** Asks the person; empty when they cancel. Called on a thread of the server's, and may block until answered. */
    public interface Prompter {
        Optional<String> ask(String prompt);
    }

    /** The environment variable that tells {@code netcr askpass} where the socket is. */
    public static final String SOCKET_VARIABLE = "NETCR_ASKPASS_SOCKET";
    /** A prompt or an answer is at most this many bytes. */
    static final int MAX_BYTES = 4096;
    static final String OK = "OK ";
    static final String CANCEL = "CANCEL";

    private final Path dir;
    private final Path socket;
    private final Path program;
    private final ServerSocketChannel server;
    private final Prompter prompter;

    private AskpassServer(Path dir, Path socket, Path program, ServerSocketChannel server, Prompter prompter) {
        this.dir = dir;
        this.socket = socket;
        this.program = program;
        this.server = server;
        this.prompter = prompter;
        Thread t = new Thread(this::serve, "netcr-askpass");
        t.setDaemon(true);
        t.start();
    }

    /** A server for {@code prompter}, whose program runs this netcr ({@link ThisProgram}) as {@code netcr askpass}. */
    public static AskpassServer start(Prompter prompter) throws IOException {
        return start(prompter, ThisProgram.command(), System.getenv("XDG_RUNTIME_DIR"));
    }

    static AskpassServer start(Prompter prompter, List<String> netcr, String runtimeDir) throws IOException {
        Path parent = runtimeDir != null && !runtimeDir.isEmpty() && Files.isDirectory(Path.of(runtimeDir))
                ? Path.of(runtimeDir) : Path.of(System.getProperty("java.io.tmpdir"));
        Path dir = Files.createTempDirectory(parent, "netcr-askpass-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path socket = dir.resolve("socket");
        Path program = dir.resolve("askpass");
        List<String> words = new ArrayList<>(netcr);
        words.add("askpass");
        Files.writeString(program, "#!/bin/sh\n# ssh's askpass for the netcr workbench: the prompt goes to its window\n"
                + ThisProgram.exports(Map.of(SOCKET_VARIABLE, socket.toString())) + "exec "
                + String.join(" ", words.stream().map(ThisProgram::shellQuote).toList()) + " \"$@\"\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        return new AskpassServer(dir, socket, program, server, prompter);
    }

    /** The program to give ssh as SSH_ASKPASS. */
    public Path program() {
        return program;
    }

    Path socket() {
        return socket;
    }

    private void serve() {
        while (true) {
            SocketChannel c;
            try {
                c = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                return; // the server is gone; ssh's askpass then fails and ssh says it cannot ask
            }
            Thread t = new Thread(() -> answer(c), "netcr-askpass-prompt");
            t.setDaemon(true);
            t.start();
        }
    }

    private void answer(SocketChannel c) {
        try (c) {
            if (!sameUser(c)) {
                return;
            }
            String prompt = readAll(c);
            if (prompt == null) {
                return;
            }
            Optional<String> answer = prompter.ask(prompt);
            String reply = answer.map(a -> OK + a).orElse(CANCEL);
            byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > MAX_BYTES + OK.length()) {
                bytes = CANCEL.getBytes(StandardCharsets.UTF_8);
            }
            ByteBuffer out = ByteBuffer.wrap(bytes);
            while (out.hasRemaining()) {
                c.write(out);
            }
        } catch (IOException | RuntimeException e) {
            // the program went away (ssh gave up): nothing to answer
        }
    }

    /** The peer runs as this user (the folder's owner); anyone else is refused without a word. */
    private boolean sameUser(SocketChannel c) throws IOException {
        try {
            String peer = c.getOption(jdk.net.ExtendedSocketOptions.SO_PEERCRED).user().getName();
            return peer.equals(Files.getOwner(dir).getName());
        } catch (UnsupportedOperationException e) {
            return true; // the folder's mode alone keeps others out
        }
    }

    /** The whole message up to the peer's end of output, or null when it is longer than a prompt may be. */
    static String readAll(SocketChannel c) throws IOException {
        ByteBuffer in = ByteBuffer.allocate(MAX_BYTES + OK.length() + 1);
        while (in.hasRemaining() && c.read(in) >= 0) {
            // reads until the peer shuts its output
        }
        if (!in.hasRemaining()) {
            return null;
        }
        return new String(in.array(), 0, in.position(), StandardCharsets.UTF_8);
    }

    /** Stops answering and removes the folder, its program and its socket. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closed already
        }
        for (Path p : List.of(socket, program, dir)) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // a leftover in a private temporary folder harms nobody
            }
        }
    }
}
