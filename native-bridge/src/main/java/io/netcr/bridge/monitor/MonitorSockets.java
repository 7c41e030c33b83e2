package io.netcr.bridge.monitor;

import io.netcr.bridge.discovery.FoundNamespace;
import io.netcr.bridge.discovery.SocketOpener;
import io.netcr.bridge.lifetime.NamespaceRegistry;
import io.netcr.bridge.lifetime.Pin;
import io.netcr.bridge.rtnl.RtnlEventSocket;
import io.netcr.bridge.rtnl.RtnlSocket;
import io.netcr.bridge.sys.Events;
import io.netcr.bridge.sys.NativeException;
import io.netcr.bridge.sys.Sys;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.SubjectPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * Opens what the monitor keeps per namespace, in this order so that nothing is missed: a descriptor of the
 * namespace, pinned in the registry (with a callback for when it goes); the listening socket, subscribed
 * before anything is read; the request socket; and the listening socket's place in the monitor's epoll set.
 * A namespace other than our own is entered by setns on short-lived threads (discovery's {@link SocketOpener}).
 */
final class MonitorSockets implements Follower.Sockets {

    private static final int SETNS_THREADS = 2;

    private final int epfd;
    private final int receiveBuffer;
    private final LongConsumer onGone;
    private long nextToken = 16;

    /** The two sockets of one namespace. */
    private record Pair(RtnlEventSocket events, RtnlSocket requests) {
    }

    MonitorSockets(int epfd, int receiveBuffer, LongConsumer onGone) {
        this.epfd = epfd;
        this.receiveBuffer = receiveBuffer;
        this.onGone = onGone;
    }

    @Override
    public List<WatchedNamespace> open(List<FoundNamespace> found, NamespaceRegistry registry, long mark,
                                       List<Diagnostic> diags) {
        List<FoundNamespace> opened = new ArrayList<>();
        List<Integer> fds = new ArrayList<>();
        List<Pin> pins = new ArrayList<>();
        for (FoundNamespace f : found) {
            int fd = f.open(diags);
            if (fd < 0) {
                continue;
            }
            long inode = f.inode();
            Pin pin = registry.pin(inode, f.seen(), mark, () -> onGone.accept(inode));
            pin.hold(() -> Sys.closeQuietly(fd)); // within the pin's first use: always taken
            opened.add(f);
            fds.add(fd);
            pins.add(pin);
        }
        Map<Integer, SocketOpener.Outcome<Pair>> sockets = sockets(opened, fds, diags);
        List<WatchedNamespace> out = new ArrayList<>();
        for (int i = 0; i < opened.size(); i++) {
            FoundNamespace f = opened.get(i);
            Pin pin = pins.get(i);
            SocketOpener.Outcome<Pair> o = sockets.get(fds.get(i));
            try {
                if (o == null || o.socket() == null) {
                    NativeException e = o == null ? new NativeException("setns", 5) : o.error();
                    diags.add(Diagnostic.warning(e.errno(), SubjectPath.of(SubjectPath.NETNS, f.label()), Phase.SNAPSHOT,
                            "cannot follow this namespace (" + e.getMessage() + ")"
                                    + (e.errno() == Errno.EPERM ? "; following it needs root" : "")));
                    pin.close();
                    continue;
                }
                Pair p = o.socket();
                pin.hold(p.events());
                pin.hold(p.requests());
                long token = nextToken++;
                Events.epollAdd(epfd, p.events().fd(), Events.EPOLLIN, token);
                out.add(new WatchedNamespace(f, token, pin, fds.get(i), p.events(), p.requests()));
            } catch (NativeException e) {
                diags.add(Diagnostic.warning(e.errno(), SubjectPath.of(SubjectPath.NETNS, f.label()), Phase.SNAPSHOT,
                        "cannot wait for this namespace's events (" + e.getMessage() + ")"));
                pin.close();
            } finally {
                pin.exit();
            }
        }
        out.removeIf(w -> w.pin.isGone()); // went while it was opened: closed already
        return out;
    }

    /** Our own namespace on this thread; the others on setns threads. */
    private Map<Integer, SocketOpener.Outcome<Pair>> sockets(List<FoundNamespace> opened, List<Integer> fds,
                                                             List<Diagnostic> diags) {
        Map<Integer, SocketOpener.Outcome<Pair>> out = new HashMap<>();
        List<Integer> foreign = new ArrayList<>();
        for (int i = 0; i < opened.size(); i++) {
            if (opened.get(i).init()) {
                try {
                    out.put(fds.get(i), new SocketOpener.Outcome<>(pair(), null));
                } catch (NativeException e) {
                    out.put(fds.get(i), new SocketOpener.Outcome<>(null, e));
                }
            } else {
                foreign.add(fds.get(i));
            }
        }
        if (!foreign.isEmpty()) {
            try {
                out.putAll(SocketOpener.open(foreign, SETNS_THREADS, this::pair));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return out;
    }

    /** Opened in the calling thread's namespace: the listener first, so nothing after the dump is missed. */
    private Pair pair() throws NativeException {
        RtnlEventSocket events = RtnlEventSocket.open(RtnlEventSocket.MONITOR_GROUPS, receiveBuffer);
        try {
            return new Pair(events, RtnlSocket.open());
        } catch (NativeException e) {
            events.close();
            throw e;
        }
    }
}
