package io.netcr.bridge.monitor;

import io.netcr.bridge.discovery.DeviceAssembler;
import io.netcr.bridge.discovery.FoundNamespace;
import io.netcr.bridge.discovery.HostInfo;
import io.netcr.bridge.discovery.NamespaceDump;
import io.netcr.bridge.discovery.NamespaceFinder;
import io.netcr.bridge.lifetime.HolderSet;
import io.netcr.bridge.lifetime.NamespaceRegistry;
import io.netcr.bridge.lifetime.Pin;
import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.Nl;
import io.netcr.bridge.rtnl.RtnlQueries;
import io.netcr.bridge.sys.NativeException;
import io.netcr.model.Diagnostic;
import io.netcr.model.DeviceRef;
import io.netcr.model.Device;
import io.netcr.model.Errno;
import io.netcr.model.Namespace;
import io.netcr.model.Phase;
import io.netcr.model.Snapshot;
import io.netcr.model.SubjectPath;
import io.netcr.model.PolicyRule;
import io.netcr.model.diff.ChangeKind;
import io.netcr.model.live.Delta;
import io.netcr.model.live.LiveOrder;
import io.netcr.model.live.LiveUpdate;
import io.netcr.model.live.NamespaceDeltas;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The monitor's state and its one round of work: the namespaces followed, the notifications read into
 * them, and {@link #publish}, which makes the model of every namespace that changed, with the same
 * assembly (and so the same rtnetlink mapping) as a snapshot, and says what changed as {@link Delta}s.
 * A namespace is read whole when it is new or its socket overflowed; otherwise only what the kernel
 * changes silently (routes flushed with a link) is read again. Used on the monitor's thread only.
 */
final class Follower {

    private final String tool;
    /** Names or ids of the namespaces to follow; all when empty. */
    private final Set<String> only;
    private final NamespaceRegistry registry;
    private final NamespaceFinder finder;
    private final Sockets sockets;
    private final Map<Long, WatchedNamespace> watched = new HashMap<>();
    private final Map<Long, WatchedNamespace> byToken = new HashMap<>();
    private final Map<Long, NamespaceDump> dumps = new HashMap<>();
    private final Set<WatchedNamespace> dirty = new LinkedHashSet<>();
    private final List<WatchedNamespace> gone = new ArrayList<>();
    private final List<NetlinkMessage> messages = new ArrayList<>();
    private List<Diagnostic> scanDiagnostics = List.of();
    private Set<Integer> holderPids = Set.of();
    private Snapshot snapshot;
    private boolean resynced;
    private long resyncs;

    /** Opens what a namespace needs; the monitor's, or a test's. */
    interface Sockets {
        /** Opens the sockets of these namespaces (new ones); failures become diagnostics. */
        List<WatchedNamespace> open(List<FoundNamespace> found, NamespaceRegistry registry, long mark,
                                    List<Diagnostic> diags);
    }

    Follower(String tool, Set<String> only, NamespaceRegistry registry, NamespaceFinder finder, Sockets sockets) {
        this.tool = tool;
        this.only = only;
        this.registry = registry;
        this.finder = finder;
        this.sockets = sockets;
    }

    Snapshot snapshot() {
        return snapshot;
    }

    long resyncs() {
        return resyncs;
    }

    WatchedNamespace byToken(long token) {
        return byToken.get(token);
    }

    Set<Integer> holderPids() {
        return holderPids;
    }

    boolean follows(long inode) {
        return watched.containsKey(inode);
    }

    /** Rules per namespace id. */
    Map<String, List<PolicyRule>> rules() {
        Map<String, List<PolicyRule>> out = new HashMap<>();
        watched.values().forEach(w -> out.put(w.id(), w.rules));
        return out;
    }

    /** Reads what the namespace's socket holds; an overflow (or a damaged datagram) asks for a whole dump. */
    void read(WatchedNamespace w, ByteBuffer buf) {
        if (!w.pin.enter()) {
            namespaceGone(w.inode);
            return;
        }
        try {
            messages.clear();
            boolean whole = w.events.drain(buf, messages);
            for (NetlinkMessage m : messages) {
                if (m instanceof NetlinkMessage.NsId n && n.header().type() == Nl.RTM_DELNSID) {
                    w.nsidToInode.remove(n.nsid());
                } else {
                    w.raw.apply(m);
                }
            }
            if (!whole) {
                w.needsDump = true;
                resyncs++;
            }
        } catch (NativeException e) {
            w.needsDump = true;
        } finally {
            w.pin.exit();
        }
        dirty.add(w);
    }

    /** The registry says the namespace's last holder went: its sockets are closed already. */
    void namespaceGone(long inode) {
        WatchedNamespace w = watched.remove(inode);
        if (w != null) {
            byToken.remove(w.token);
            dumps.remove(inode);
            dirty.remove(w);
            gone.add(w);
        }
    }

    /** Scans for namespaces (discovery's finder): new ones are opened and read, vanished ones let go. */
    void rescan() throws IOException {
        long mark = registry.mark();
        NamespaceFinder.Result result = finder.find();
        List<Diagnostic> diags = new ArrayList<>(result.diagnostics());
        Map<Long, FoundNamespace> found = new HashMap<>();
        result.namespaces().stream().filter(this::wanted).forEach(f -> found.put(f.inode(), f));
        Map<Pin, HolderSet> seen = new HashMap<>();
        for (WatchedNamespace w : new ArrayList<>(watched.values())) {
            FoundNamespace f = found.remove(w.inode);
            if (f == null) {
                w.pin.close(); // nothing netcr sees holds it any more
                namespaceGone(w.inode);
            } else {
                if (!f.names().equals(w.found.names()) || !f.holders().equals(w.found.holders())) {
                    dirty.add(w);
                }
                w.found = f;
                seen.put(w.pin, f.seen());
            }
        }
        registry.seenAll(seen, mark);
        List<FoundNamespace> fresh = new ArrayList<>();
        result.namespaces().stream().filter(f -> found.containsKey(f.inode())).forEach(fresh::add);
        for (WatchedNamespace w : sockets.open(fresh, registry, mark, diags)) {
            watched.put(w.inode, w);
            byToken.put(w.token, w);
            dirty.add(w);
        }
        Set<Integer> pids = new HashSet<>();
        watched.values().forEach(w -> w.found.holders().forEach(h -> pids.add(h.pid())));
        holderPids = pids;
        scanDiagnostics = diags;
    }

    private boolean wanted(FoundNamespace f) {
        return only.isEmpty() || only.contains(f.id()) || f.names().stream().anyMatch(only::contains);
    }

    /** True when something waits to be published. */
    boolean pending() {
        return !dirty.isEmpty() || !gone.isEmpty();
    }

    /**
     * Makes the model of every namespace that changed (and of those whose peers' names it shows), and
     * returns what changed; null when nothing did.
     */
    LiveUpdate publish() {
        List<WatchedNamespace> changed = new ArrayList<>(dirty);
        dirty.clear();
        boolean added = false;
        for (WatchedNamespace w : changed) {
            added |= w.model == null;
            refresh(w);
        }
        NsidAsker asker = new NsidAsker(watched);
        for (WatchedNamespace w : changed) {
            if (asker.hasUnknown(w) && w.pin.enter()) {
                try {
                    asker.resolve(w);
                } catch (IOException e) {
                    // left unresolved: the assembly says so on the device
                } finally {
                    w.pin.exit();
                }
            }
        }
        Set<WatchedNamespace> assemble = new LinkedHashSet<>(changed);
        assemble.addAll(referrers(changed, added));
        assemble.removeIf(w -> !watched.containsKey(w.inode));
        Map<String, Namespace> models = new HashMap<>();
        watched.values().forEach(w -> {
            if (w.model != null) {
                models.put(w.id(), w.model);
            }
        });
        DeviceAssembler assembler = new DeviceAssembler(dumps);
        List<Namespace> out = new ArrayList<>();
        Map<WatchedNamespace, Namespace> before = new HashMap<>();
        for (WatchedNamespace w : assemble) {
            DeviceAssembler.Assembled a = assembler.assemble(w.found, w.nsidToInode);
            before.put(w, w.model);
            w.model = a.namespace();
            w.diagnostics = a.diagnostics();
            models.put(w.id(), w.model);
            track(w);
            out.add(w.model);
        }
        List<Delta> deltas = new ArrayList<>();
        for (WatchedNamespace w : assemble) {
            deltas.addAll(NamespaceDeltas.between(before.get(w), w.model, id -> label(models, id)));
            rules(w, deltas);
        }
        List<String> removed = new ArrayList<>();
        for (WatchedNamespace w : gone) {
            if (w.model != null) {
                deltas.addAll(NamespaceDeltas.between(w.model, null, id -> label(models, id)));
                removed.add(w.id());
            }
        }
        gone.clear();
        LiveUpdate update = new LiveUpdate(out, removed, deltas, resynced);
        resynced = false;
        snapshot = build();
        return update.deltas().isEmpty() && removed.isEmpty() ? null : update;
    }

    /** Reads again what the notifications cannot be trusted for. */
    private void refresh(WatchedNamespace w) {
        if (!(w.needsDump || w.raw.routesStale || !w.raw.unsure.isEmpty()) || !w.pin.enter()) {
            dumps.put(w.inode, w.raw.dump());
            return;
        }
        try {
            if (w.needsDump) {
                List<NetlinkMessage.Rule> rules = RtnlQueries.rules(w.requests);
                w.raw.reset(NamespaceDump.read(w.requests), rules);
                w.nsidToInode.clear();
                w.needsDump = false;
                resynced = true;
            } else {
                for (int index : List.copyOf(w.raw.unsure)) {
                    w.raw.relink(index, RtnlQueries.link(w.requests, index).orElse(null));
                }
                w.raw.unsure.clear();
                if (w.raw.routesStale) {
                    w.raw.resetRoutes(RtnlQueries.mainRoutes(w.requests));
                }
            }
        } catch (IOException e) {
            w.diagnostics = List.of(Diagnostic.warning(e instanceof NativeException n ? n.errno() : Errno.EIO,
                    SubjectPath.of(SubjectPath.NETNS, w.found.label()), Phase.SNAPSHOT,
                    "cannot read the namespace again: " + e.getMessage()));
        } finally {
            w.pin.exit();
        }
        dumps.put(w.inode, w.raw.dump());
    }

    /** Namespaces not changed themselves whose devices name devices of one that changed (or may now resolve). */
    private List<WatchedNamespace> referrers(List<WatchedNamespace> changed, boolean added) {
        Set<Long> renamed = new HashSet<>();
        for (WatchedNamespace w : changed) {
            if (w.raw.namesChanged) {
                renamed.add(w.inode);
                w.raw.namesChanged = false;
            }
        }
        gone.forEach(w -> renamed.add(w.inode));
        List<WatchedNamespace> out = new ArrayList<>();
        if (renamed.isEmpty() && !added) {
            return out;
        }
        for (WatchedNamespace w : watched.values()) {
            if (added && w.unresolved || w.refersTo.stream().anyMatch(renamed::contains)) {
                out.add(w);
            }
        }
        return out;
    }

    /** Remembers which namespaces the model's peers and parents are in. */
    private void track(WatchedNamespace w) {
        Set<Long> refs = new HashSet<>();
        boolean unresolved = false;
        for (Device d : w.model.devices()) {
            for (DeviceRef r : new DeviceRef[] {d.peer(), d.parent()}) {
                if (r == null) {
                    continue;
                }
                long inode = r.namespace() == null ? -1 : FoundNamespace.inodeOf(r.namespace());
                if (inode < 0 || !watched.containsKey(inode)) {
                    unresolved = true;
                } else {
                    refs.add(inode);
                }
            }
        }
        w.refersTo = refs;
        w.unresolved = unresolved;
    }

    private void rules(WatchedNamespace w, List<Delta> deltas) {
        List<PolicyRule> now = w.raw.rules();
        if (now.equals(w.rules)) {
            return;
        }
        Set<PolicyRule> old = new LinkedHashSet<>(w.rules);
        Set<PolicyRule> fresh = new LinkedHashSet<>(now);
        String label = w.model.label();
        for (PolicyRule r : w.rules) {
            if (!fresh.contains(r)) {
                deltas.add(new Delta(Delta.Kind.RULE, ChangeKind.REMOVED, w.id(), label, null, ruleText(r), List.of()));
            }
        }
        for (PolicyRule r : now) {
            if (!old.contains(r)) {
                deltas.add(new Delta(Delta.Kind.RULE, ChangeKind.ADDED, w.id(), label, null, ruleText(r), List.of()));
            }
        }
        w.rules = now;
        w.raw.rulesChanged = false;
    }

    private static String ruleText(PolicyRule r) {
        return r.family() + " " + r.priority() + ": " + r.selectorText() + " " + r.actionText();
    }

    private static String label(Map<String, Namespace> models, String id) {
        Namespace n = models.get(id);
        return n == null ? null : n.label();
    }

    private Snapshot build() {
        List<Namespace> all = new ArrayList<>(watched.size());
        List<Diagnostic> diags = new ArrayList<>(scanDiagnostics);
        for (WatchedNamespace w : watched.values()) {
            if (w.model != null) {
                all.add(w.model);
                diags.addAll(w.diagnostics);
            }
        }
        all.sort(LiveOrder.NAMESPACES);
        return new Snapshot(HostInfo.liveSource(tool), all, diags);
    }

    /** Lets go of every namespace (closes every socket). */
    void close() {
        watched.values().forEach(w -> w.pin.close());
        watched.clear();
        byToken.clear();
    }
}
