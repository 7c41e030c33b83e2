package io.netcr.bridge.discovery;

import io.netcr.bridge.lifetime.HolderSet;
import io.netcr.bridge.lifetime.MountTable;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Holder;
import io.netcr.model.Phase;
import io.netcr.model.SubjectPath;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Finds every network namespace this process can see, each once by nsfs inode, with all its names:
 * its own, /run/netns, Docker's /run/docker/netns, other nsfs bind mounts (from mountinfo) and those
 * held only by processes (/proc/PID/ns/net). Unreadable entries become warnings. Reads files only.
 */
public final class NamespaceFinder {

    static final String RUN_NETNS = "/run/netns";
    static final String DOCKER_NETNS = "/run/docker/netns";

    private final Path proc;
    /** Where `ip netns` keeps its namespaces (entries named by their file name). */
    private final String runNetns;
    /** Where Docker keeps its containers' namespaces (entries named by their full path, as Docker has no names). */
    private final String dockerNetns;

    public NamespaceFinder(Path proc) {
        this(proc, RUN_NETNS, DOCKER_NETNS);
    }

    /** With other folders in place of /run/netns and /run/docker/netns: for tests that must not touch those. */
    NamespaceFinder(Path proc, String runNetns, String dockerNetns) {
        this.proc = proc;
        this.runNetns = runNetns;
        this.dockerNetns = dockerNetns;
    }

    /** The folders it lists, which the namespace registry watches before each scan. */
    public List<Path> folders() {
        return List.of(Path.of(runNetns), Path.of(dockerNetns));
    }

    public record Result(List<FoundNamespace> namespaces, List<Diagnostic> diagnostics) {
    }

    /** Per inode, what is known so far. */
    private static final class Entry {
        final TreeSet<String> names = new TreeSet<>();
        final List<Holder> holders = new ArrayList<>();
        final List<String> paths = new ArrayList<>();
        final List<Integer> holderPids = new ArrayList<>();
    }

    public Result find() throws IOException {
        List<Diagnostic> diags = new ArrayList<>();
        Path self = proc.resolve("self/ns/net");
        long own = MountTable.inodeOfLink(Files.readSymbolicLink(self).toString());
        Object nsfsDev = Files.getAttribute(self, "unix:dev");
        Map<Long, Entry> found = new LinkedHashMap<>();
        found.computeIfAbsent(own, k -> new Entry()).paths.add(self.toString());

        Map<String, Long> mounts = nsfsMounts(diags);
        scanDirectory(Path.of(runNetns), true, mounts, nsfsDev, found, diags);
        scanDirectory(Path.of(dockerNetns), false, mounts, nsfsDev, found, diags);
        for (Map.Entry<String, Long> m : mounts.entrySet()) {
            String point = m.getKey();
            if (!point.startsWith(runNetns + "/") && !point.startsWith(dockerNetns + "/")) {
                Entry e = found.computeIfAbsent(m.getValue(), k -> new Entry());
                if (e.names.add(point)) {
                    e.paths.add(point);
                }
            }
        }
        scanProcesses(own, found, diags);

        List<FoundNamespace> out = new ArrayList<>();
        for (Map.Entry<Long, Entry> e : found.entrySet()) {
            Entry v = e.getValue();
            List<String> paths = new ArrayList<>(v.paths);
            for (int pid : v.holderPids) {
                paths.add(proc.resolve(pid + "/ns/net").toString());
            }
            boolean init = e.getKey() == own;
            HolderSet seen = init ? HolderSet.NONE : new HolderSet(Set.copyOf(v.paths), v.holderPids.isEmpty() ? Set.of() : new LinkedHashSet<>(v.holderPids));
            out.add(new FoundNamespace(e.getKey(), init, List.copyOf(v.names), List.copyOf(v.holders), paths, seen));
        }
        return new Result(out, diags);
    }

    /**
     * Lists a netns folder. The inode of each entry comes from mountinfo (one read for all); only an
     * entry mountinfo does not know is stat'ed, which also tells a stale file from a mounted namespace.
     */
    private void scanDirectory(Path dir, boolean bareNames, Map<String, Long> mounts, Object nsfsDev,
                               Map<Long, Entry> found, List<Diagnostic> diags) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                Long mounted = mounts.get(p.toString());
                if (mounted != null) {
                    Entry e = found.computeIfAbsent(mounted, k -> new Entry());
                    e.names.add(bareNames ? p.getFileName().toString() : p.toString());
                    e.paths.add(p.toString());
                    continue;
                }
                try {
                    Map<String, Object> st = Files.readAttributes(p, "unix:ino,dev");
                    if (!nsfsDev.equals(st.get("dev"))) {
                        diags.add(Diagnostic.warning(Errno.EINVAL, SubjectPath.of(SubjectPath.FILE, p.toString()),
                                Phase.SNAPSHOT, p + " is not a mounted namespace (left over from a deleted one?)"));
                        continue;
                    }
                    Entry e = found.computeIfAbsent((Long) st.get("ino"), k -> new Entry());
                    e.names.add(bareNames ? p.getFileName().toString() : p.toString());
                    e.paths.add(p.toString());
                } catch (NoSuchFileException gone) {
                    // deleted between listing and stat: it is not there any more
                } catch (IOException ex) {
                    diags.add(unreadable(p.toString(), ex));
                }
            }
        } catch (IOException ex) {
            diags.add(unreadable(dir.toString(), ex));
        }
    }

    /** Mount point -> inode of every network-namespace nsfs mount (the last mount on a point wins). */
    private Map<String, Long> nsfsMounts(List<Diagnostic> diags) {
        Path mountinfo = proc.resolve("self/mountinfo");
        try {
            return MountTable.netnsMounts(mountinfo);
        } catch (IOException ex) {
            diags.add(unreadable(mountinfo.toString(), ex));
            return new LinkedHashMap<>();
        }
    }

    private void scanProcesses(long own, Map<Long, Entry> found, List<Diagnostic> diags) throws IOException {
        Map<Integer, String> denied = new TreeMap<>();
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, p -> isNumber(p.getFileName().toString()))) {
            for (Path p : pids) {
                int pid = Integer.parseInt(p.getFileName().toString());
                try {
                    long ino = MountTable.inodeOfLink(Files.readSymbolicLink(p.resolve("ns/net")).toString());
                    if (ino == own) {
                        continue; // every ordinary process: not worth listing
                    }
                    Entry e = found.computeIfAbsent(ino, k -> new Entry());
                    e.holders.add(new Holder(pid, Files.readString(p.resolve("comm")).strip()));
                    e.holderPids.add(pid);
                } catch (NoSuchFileException gone) {
                    // the process ended meanwhile
                } catch (AccessDeniedException ex) {
                    denied.put(pid, ex.getMessage());
                } catch (IOException ex) {
                    diags.add(unreadable(p.resolve("ns/net").toString(), ex));
                }
            }
        }
        if (!denied.isEmpty()) {
            List<Integer> some = new ArrayList<>(denied.keySet()).subList(0, Math.min(10, denied.size()));
            diags.add(Diagnostic.warning(Errno.EACCES, SubjectPath.of(SubjectPath.FILE, proc.toString()),
                    Phase.SNAPSHOT, "cannot read the network namespace of " + denied.size() + " process(es) (pids "
                            + some + (denied.size() > some.size() ? ", ..." : "")
                            + "); namespaces held only by them are missing"
                            + (HostInfo.isRoot() ? "" : " (reading other users' processes needs root)")));
        }
    }

    private static Diagnostic unreadable(String path, IOException ex) {
        Errno code = ex instanceof AccessDeniedException ? Errno.EACCES
                : ex instanceof NoSuchFileException ? Errno.ENOENT : Errno.EIO;
        return Diagnostic.warning(code, SubjectPath.of(SubjectPath.FILE, path), Phase.SNAPSHOT,
                "cannot read " + path + ": " + ex.getMessage());
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
