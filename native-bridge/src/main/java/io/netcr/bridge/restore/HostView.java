package io.netcr.bridge.restore;

import io.netcr.bridge.discovery.LiveDiscovery;
import io.netcr.bridge.netns.NamedNamespaces;
import io.netcr.model.Namespace;
import io.netcr.model.Snapshot;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a restore plan needs of the host, and no more: the restorer's own namespace in full (its device
 * names and ifindexes, where outside halves go) and the name of every namespace under /run/netns (the
 * names a restore must not take). Reading only that keeps planning fast on a host with a thousand
 * namespaces, and away from namespaces that come and go meanwhile.
 */
public final class HostView {

    private HostView() {
    }

    public static Snapshot forPlanning(LiveDiscovery discovery) throws IOException {
        String self = Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net")).toString(); // net:[INODE]
        String initId = "nsfs:" + self.substring(self.indexOf('[') + 1, self.indexOf(']'));
        Snapshot s = discovery.snapshot(Set.of(initId));
        List<Namespace> namespaces = new ArrayList<>(s.namespaces());
        for (String name : namedNamespaces(Path.of(NamedNamespaces.RUN_DIR))) {
            namespaces.add(new Namespace("file:" + NamedNamespaces.RUN_DIR + "/" + name, List.of(name), false, List.of()));
        }
        return s.withNamespaces(namespaces);
    }

    static List<String> namedNamespaces(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            entries.forEach(p -> names.add(p.getFileName().toString()));
        } catch (NoSuchFileException e) {
            return List.of();
        }
        names.sort(null);
        return names;
    }
}
