package io.netcr.bridge.criu;

import io.netcr.bridge.criu.proto.NetdevProto.net_device_entry;
import io.netcr.bridge.criu.proto.NetdevProto.netns_entry;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Namespace;
import io.netcr.model.Phase;
import io.netcr.model.ReadMode;
import io.netcr.model.ReadResult;
import io.netcr.model.Severity;
import io.netcr.model.Snapshot;
import io.netcr.model.Source;
import io.netcr.model.SubjectPath;
import io.netcr.model.validate.Limits;
import io.netcr.model.validate.SnapshotValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Stream;

/**
 * Reads the network namespaces of a CRIU image directory (or of the images taken from a checkpoint
 * archive, {@link CriuArchive}) into a snapshot with source kind "criu": one namespace per netns-N.img /
 * netdev-N.img, with id {@code criu:netns-N}. Read-only; never throws. In strict mode any error refuses
 * the dump with every diagnostic; in salvage mode all that could be read comes back. See docs/criu.md.
 */
public final class CriuDumpReader {

    /** The namespace id given to a veth peer that CRIU says is outside the dump. */
    public static final String OUTSIDE_ID = "criu:outside";
    public static final String TOOL = "criu";
    /** A CRIU dump holds the namespaces of one container tree: one, or a few. More is damage or a trick. */
    public static final int MAX_NAMESPACES = 1024;

    private CriuDumpReader() {
    }

    /** The namespace id of CRIU's namespace N. */
    public static String namespaceId(int criuId) {
        return "criu:netns-" + criuId;
    }

    /** True when the directory holds at least one netns-N.img or netdev-N.img. */
    public static boolean looksLikeDump(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.anyMatch(p -> CriuFiles.isNamespaceImage(p.getFileName().toString()));
        } catch (IOException e) {
            return false;
        }
    }

    public static ReadResult read(Path dir, ReadMode mode) {
        List<Diagnostic> problems = new ArrayList<>();
        CriuFiles files = CriuFiles.fromDirectory(dir, problems);
        return read(files, mode, problems);
    }

    public static ReadResult read(CriuFiles files, ReadMode mode) {
        return read(files, mode, new ArrayList<>());
    }

    static ReadResult read(CriuFiles files, ReadMode mode, List<Diagnostic> problems) {
        TreeSet<Integer> ids = new TreeSet<>();
        for (String name : files.files().keySet()) {
            Matcher m = CriuFiles.NETWORK_IMAGE.matcher(name);
            if (m.matches() && (m.group(1).equals("netns") || m.group(1).equals("netdev"))) {
                ids.add(Integer.parseInt(m.group(2)));
                if (ids.size() > MAX_NAMESPACES) {
                    break; // refused below; the rest of the names are not worth looking at
                }
            }
        }
        if (ids.isEmpty()) {
            problems.add(Diagnostic.error(Errno.ENOENT, SubjectPath.of(SubjectPath.FILE, files.origin()), Phase.READ,
                    files.origin() + " holds no CRIU network images (netns-N.img, netdev-N.img): it is not a CRIU "
                            + "image directory, or the dump was made without the network namespace"));
            return ReadResult.failed(problems);
        }
        if (ids.size() > MAX_NAMESPACES) {
            // Refused from the file names alone: each namespace would cost its images' reading and a few diagnostics.
            problems.add(Diagnostic.error(Errno.E2BIG, SubjectPath.of(SubjectPath.FILE, files.origin()), Phase.READ,
                    files.origin() + " holds images of more than " + MAX_NAMESPACES + " network namespaces; a CRIU"
                            + " dump has one or a few, and netcr reads at most " + MAX_NAMESPACES));
            return ReadResult.failed(problems);
        }
        // First every namespace's links, so that veth peers can be named across namespaces.
        Map<Integer, List<ProtobufImage.Entry<net_device_entry>>> links = new LinkedHashMap<>();
        Map<Integer, netns_entry> nsEntries = new LinkedHashMap<>();
        for (int id : ids) {
            links.put(id, readLinks(files, id, problems));
            netns_entry e = readNetns(files, id, problems);
            if (e != null) {
                nsEntries.put(id, e);
            }
        }
        List<Namespace> namespaces = new ArrayList<>();
        for (int id : ids) {
            namespaces.add(new CriuNamespaceReader(files, id, links, nsEntries.get(id), problems).read());
        }
        Snapshot snapshot = new Snapshot(new Source(Source.CRIU, null, null, null, files.origin(), TOOL), namespaces,
                List.of());
        problems.addAll(SnapshotValidator.validate(snapshot, Phase.READ, Limits.defaults()));
        boolean errors = problems.stream().anyMatch(Diagnostic::isError);
        if (errors && mode == ReadMode.STRICT) {
            return ReadResult.failed(problems);
        }
        return new ReadResult(problems.isEmpty() ? snapshot : snapshot.withDiagnostics(problems), problems);
    }

    private static List<ProtobufImage.Entry<net_device_entry>> readLinks(CriuFiles files, int id,
                                                                       List<Diagnostic> problems) {
        String name = "netdev-" + id + ".img";
        byte[] bytes = files.needed(name, Severity.ERROR, "netns-" + id + ".img is there but " + name
                + " is missing: the namespace's devices are unknown", problems);
        if (bytes == null) {
            return List.of();
        }
        return ProtobufImage.read(name, bytes, ProtobufImage.NETDEV_MAGIC, "netdev", net_device_entry::parseFrom,
                problems);
    }

    private static netns_entry readNetns(CriuFiles files, int id, List<Diagnostic> problems) {
        String name = "netns-" + id + ".img";
        byte[] bytes = files.needed(name, Severity.WARNING, name + " is missing: the namespace's sysctls are unknown",
                problems);
        if (bytes == null) {
            return null;
        }
        List<ProtobufImage.Entry<netns_entry>> entries = ProtobufImage.read(name, bytes, ProtobufImage.NETNS_MAGIC,
                "netns", netns_entry::parseFrom, problems);
        if (entries.size() > 1) {
            problems.add(Diagnostic.warning(Errno.EINVAL, ProtobufImage.record(name, 2), Phase.READ, name + " holds "
                    + entries.size() + " entries where CRIU writes one; only the first is used"));
        }
        return entries.isEmpty() ? null : entries.get(0).message();
    }
}
