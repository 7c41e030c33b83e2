package io.netcr.bridge.discovery;

import io.netcr.bridge.rtnl.RtnlSocket;
import io.netcr.bridge.sys.NativeException;
import io.netcr.bridge.sys.Sys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens sockets inside each of several namespaces. setns() moves only the calling thread, so this runs
 * on fresh platform threads that enter each namespace in turn, open what is asked there and go back home
 * in {@code finally}; the threads end afterwards, so none is ever reused in a foreign namespace. Discovery
 * opens one netlink socket per namespace; the live monitor a listening one and a requesting one.
 */
public final class SocketOpener {

    /** Per namespace fd: what was opened, or the error that prevented it. */
    public record Outcome<T>(T socket, NativeException error) {
    }

    /** What to open inside a namespace (called on a thread that has entered it). */
    @FunctionalInterface
    public interface Opener<T> {
        T open() throws NativeException;
    }

    private SocketOpener() {
    }

    static Map<Integer, Outcome<RtnlSocket>> open(List<Integer> nsFds, int threads) throws InterruptedException {
        return open(nsFds, threads, RtnlSocket::open);
    }

    /** Runs {@code opener} inside each namespace open as one of {@code nsFds}, on up to {@code threads} threads. */
    public static <T> Map<Integer, Outcome<T>> open(List<Integer> nsFds, int threads, Opener<T> opener)
            throws InterruptedException {
        Map<Integer, Outcome<T>> out = new ConcurrentHashMap<>();
        int n = Math.max(1, Math.min(threads, nsFds.size()));
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            List<Integer> share = new ArrayList<>();
            for (int i = t; i < nsFds.size(); i += n) {
                share.add(nsFds.get(i));
            }
            Thread w = new Thread(() -> openAll(share, out, opener), "netcr-setns-" + t);
            w.setDaemon(true);
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        return out;
    }

    private static <T> void openAll(List<Integer> nsFds, Map<Integer, Outcome<T>> out, Opener<T> opener) {
        int home;
        try {
            home = Sys.open("/proc/thread-self/ns/net", Sys.O_RDONLY | Sys.O_CLOEXEC);
        } catch (NativeException e) {
            nsFds.forEach(fd -> out.put(fd, new Outcome<>(null, e)));
            return;
        }
        boolean moved = false;
        try {
            for (int fd : nsFds) {
                try {
                    Sys.setns(fd, Sys.CLONE_NEWNET);
                    moved = true;
                    out.put(fd, new Outcome<>(opener.open(), null));
                } catch (NativeException e) {
                    out.put(fd, new Outcome<>(null, e));
                }
            }
        } finally {
            try {
                if (moved) {
                    Sys.setns(home, Sys.CLONE_NEWNET);
                }
            } catch (NativeException e) {
                // The thread ends right after; nothing else runs on it in the foreign namespace.
            }
            Sys.closeQuietly(home);
        }
    }
}
