package io.netcr.bridge.discovery;

import io.netcr.bridge.rtnl.RtnlSocket;
import io.netcr.bridge.sys.NativeException;
import io.netcr.bridge.sys.Sys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens one netlink socket inside each of several namespaces. setns() moves only the calling thread,
 * so this runs on fresh platform threads that enter each namespace in turn, open a socket there and go
 * back home in {@code finally}; the threads end afterwards, so none is ever reused in a foreign namespace.
 */
final class SocketOpener {

    /** Per namespace fd: the socket, or the error that prevented it. */
    record Outcome(RtnlSocket socket, NativeException error) {
    }

    private SocketOpener() {
    }

    static Map<Integer, Outcome> open(List<Integer> nsFds, int threads) throws InterruptedException {
        Map<Integer, Outcome> out = new ConcurrentHashMap<>();
        int n = Math.max(1, Math.min(threads, nsFds.size()));
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            List<Integer> share = new ArrayList<>();
            for (int i = t; i < nsFds.size(); i += n) {
                share.add(nsFds.get(i));
            }
            Thread w = new Thread(() -> openAll(share, out), "netcr-setns-" + t);
            w.setDaemon(true);
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        return out;
    }

    private static void openAll(List<Integer> nsFds, Map<Integer, Outcome> out) {
        int home;
        try {
            home = Sys.open("/proc/thread-self/ns/net", Sys.O_RDONLY | Sys.O_CLOEXEC);
        } catch (NativeException e) {
            nsFds.forEach(fd -> out.put(fd, new Outcome(null, e)));
            return;
        }
        boolean moved = false;
        try {
            for (int fd : nsFds) {
                try {
                    Sys.setns(fd, Sys.CLONE_NEWNET);
                    moved = true;
                    out.put(fd, new Outcome(RtnlSocket.open(), null));
                } catch (NativeException e) {
                    out.put(fd, new Outcome(null, e));
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
