package io.netcr.bridge.restore;

import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netns.NamedNamespaces;
import io.netcr.bridge.rtnl.AckPipeline;
import io.netcr.bridge.rtnl.NetlinkErrorException;
import io.netcr.bridge.rtnl.RtnlSocket;
import io.netcr.bridge.sys.NativeException;
import io.netcr.bridge.sys.Sys;
import io.netcr.model.Errno;
import io.netcr.model.plan.LinkEnd;
import io.netcr.model.plan.PlanStep;
import io.netcr.model.plan.TargetNs;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where one restore's requests go: a socket (and pipeline) in the restorer's namespace and in each
 * namespace made, their descriptors, and the ifindexes learned so far, known from creation or asked of
 * the kernel by name. Asking needs the pipeline's outstanding ACKs read first, which the run does
 * ({@link Drain}), since it journals them.
 */
final class RunSockets implements RestoreMessages.Targets, AutoCloseable {

    /** Reads a pipeline's outstanding ACKs for the run (and stops it when one is a refusal). */
    interface Drain {
        void drain(AckPipeline p) throws IOException;
    }

    private static final String RESTORER = "";

    private final int window;
    private final Drain drain;
    private final int restorerFd;
    private final RtnlSocket restorerSocket;
    private final Map<String, NamedNamespaces.Created> created = new LinkedHashMap<>();
    private final Map<String, AckPipeline> pipelines = new LinkedHashMap<>();
    private final Map<String, Map<String, Integer>> ifindexes = new HashMap<>();

    private RunSockets(int window, Drain drain, int restorerFd, RtnlSocket restorerSocket) {
        this.window = window;
        this.drain = drain;
        this.restorerFd = restorerFd;
        this.restorerSocket = restorerSocket;
    }

    /** Opens the restorer's side: the calling thread's namespace. */
    static RunSockets open(int window, Drain drain) throws NativeException {
        int fd = Sys.open("/proc/thread-self/ns/net", Sys.O_RDONLY | Sys.O_CLOEXEC);
        try {
            return new RunSockets(window, drain, fd, RtnlSocket.open());
        } catch (NativeException e) {
            Sys.closeQuietly(fd);
            throw e;
        }
    }

    /** A namespace made (or opened again): its socket carries the requests inside it from now on. */
    void add(NamedNamespaces.Created c) {
        created.put(c.name(), c);
    }

    boolean has(String namespace) {
        return created.containsKey(namespace);
    }

    RtnlSocket restorer() {
        return restorerSocket;
    }

    AckPipeline pipeline(TargetNs ns) {
        return pipelines.computeIfAbsent(key(ns), k -> new AckPipeline(socketOf(ns), window));
    }

    Collection<AckPipeline> pipelines() {
        return pipelines.values();
    }

    /** The ifindexes a creation step gave its devices (a veth's two ends): later steps need not ask for them. */
    void learnCreated(PlanStep step) {
        if (step instanceof PlanStep.CreateVeth v) {
            learn(v.end());
            learn(v.peer());
        } else if (step instanceof PlanStep.CreateBridge b) {
            learn(b.bridge());
        } else if (step instanceof PlanStep.CreateLink l) {
            learn(l.link());
        } else if (step instanceof PlanStep.CreateTun t) {
            learn(t.tun());
        }
    }

    /** An ifindex given at creation: later steps need not ask for it. */
    void learn(LinkEnd e) {
        if (e.ifindex() > 0) {
            ifindexes.computeIfAbsent(key(e.ns()), k -> new HashMap<>()).put(e.name(), e.ifindex());
        }
    }

    @Override
    public int nsFd(TargetNs ns) {
        return ns.isRestorer() ? restorerFd : created(ns).fd();
    }

    /** The ifindex of a device by name: known from its creation, else asked of the kernel (after a drain). */
    @Override
    public int ifindex(TargetNs ns, String name) throws IOException {
        if (!ns.isRestorer() && name.equals("lo")) {
            return 1; // every new namespace's loopback
        }
        Integer index = ifindexes.computeIfAbsent(key(ns), k -> new HashMap<>()).get(name);
        if (index != null) {
            return index;
        }
        int asked = ask(ns, name);
        if (asked == 0) {
            throw new NativeException("ip link show " + name + ": no such device", Errno.ENODEV.number());
        }
        return asked;
    }

    /** The ifindex of a device asked of the kernel (after a drain), learned; 0 when there is none. */
    int ask(TargetNs ns, String name) throws IOException {
        AckPipeline p = pipeline(ns);
        drain.drain(p);
        RestoreMessages.Request get = RestoreMessages.getLink(name);
        try {
            for (NetlinkMessage m : p.socket().request(get.type(), get.flags(), get.body(), get.attributes())) {
                if (m instanceof NetlinkMessage.Link l) {
                    ifindexes.computeIfAbsent(key(ns), k -> new HashMap<>()).put(name, l.info().index());
                    return l.info().index();
                }
            }
        } catch (NetlinkErrorException e) {
            if (e.errnoNumber() != Errno.ENODEV.number()) {
                throw e;
            }
        }
        return 0;
    }

    private RtnlSocket socketOf(TargetNs ns) {
        return ns.isRestorer() ? restorerSocket : created(ns).socket();
    }

    private NamedNamespaces.Created created(TargetNs ns) {
        NamedNamespaces.Created c = created.get(ns.name());
        if (c == null) {
            throw new IllegalStateException("namespace " + ns.name() + " is used before it is created");
        }
        return c;
    }

    private static String key(TargetNs ns) {
        return ns.isRestorer() ? RESTORER : ns.name();
    }

    /** Closes the namespaces' sockets and descriptors, so that removing a namespace destroys it. */
    void closeNamespaces() {
        created.values().forEach(NamedNamespaces.Created::close);
        created.clear();
        pipelines.keySet().removeIf(k -> !k.equals(RESTORER));
    }

    @Override
    public void close() {
        closeNamespaces();
        restorerSocket.close();
        Sys.closeQuietly(restorerFd);
    }
}
