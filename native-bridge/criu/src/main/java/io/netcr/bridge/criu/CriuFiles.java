package io.netcr.bridge.criu;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.Severity;
import io.netcr.model.SourceFiles;
import io.netcr.model.SubjectPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The network images of one CRIU image directory, held in memory by file name: only the files netcr
 * reads (see {@link #isNetworkImage}), each at most {@link #MAX_FILE_BYTES}. Made from a directory or
 * from a checkpoint archive, so that one reader serves both.
 *
 * @param origin where they came from, for messages and {@code Source.path} (a directory, or
 *               {@code archive.tar.gz!checkpoint})
 * @param files  file name to content, sorted by name
 */
public record CriuFiles(String origin, Map<String, byte[]> files) {

    /** A network image of CRIU is small (kilobytes); anything above this is refused as damaged. */
    public static final int MAX_FILE_BYTES = 16 << 20;

    /** The network images, per namespace id N (see docs/criu.md). */
    static final Pattern NETWORK_IMAGE =
            Pattern.compile("(netns|netdev|ifaddr|route|route6|rule|iptables|ip6tables|nftables)-(\\d{1,9})\\.img");

    public CriuFiles {
        files = Collections.unmodifiableMap(new TreeMap<>(files));
    }

    public static boolean isNetworkImage(String fileName) {
        return NETWORK_IMAGE.matcher(fileName).matches();
    }

    /** True when the name is a file that marks a CRIU dump with network namespaces (netns-N / netdev-N). */
    public static boolean isNamespaceImage(String fileName) {
        Matcher m = NETWORK_IMAGE.matcher(fileName);
        return m.matches() && (m.group(1).equals("netns") || m.group(1).equals("netdev"));
    }

    public byte[] get(String name) {
        return files.get(name);
    }

    /**
     * The bytes of an image the reader needs, or null with an ENOENT diagnostic on the file: {@code missing}
     * says what its absence costs ("netdev-9.img is missing: the namespace's devices are unknown").
     */
    byte[] needed(String name, Severity severity, String missing, List<Diagnostic> problems) {
        byte[] bytes = files.get(name);
        if (bytes == null) {
            problems.add(new Diagnostic(Errno.ENOENT, severity, SubjectPath.of(SubjectPath.FILE, name), Phase.READ,
                    missing, null));
        }
        return bytes;
    }

    /**
     * Reads the network images of a directory. Problems (unreadable or oversized files) are added to
     * {@code problems}; the files that could be read are returned.
     */
    public static CriuFiles fromDirectory(Path dir, List<Diagnostic> problems) {
        Map<String, byte[]> files = new TreeMap<>();
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> isNetworkImage(p.getFileName().toString())).forEach(candidates::add);
        } catch (IOException e) {
            problems.add(Diagnostic.error(Errno.EIO, SubjectPath.of(SubjectPath.FILE, dir.toString()), Phase.READ,
                    dir + " cannot be listed: " + e.getMessage()));
            return new CriuFiles(dir.toString(), files);
        }
        for (Path p : candidates) {
            String name = p.getFileName().toString();
            SubjectPath where = SubjectPath.of(SubjectPath.FILE, name);
            try {
                long size = Files.size(p);
                if (size > MAX_FILE_BYTES) {
                    problems.add(Diagnostic.error(Errno.EFBIG, where, Phase.READ, name + " is " + size
                            + " bytes; a CRIU network image is at most " + MAX_FILE_BYTES + " bytes, so it is not read"));
                    continue;
                }
            } catch (IOException e) {
                problems.add(Diagnostic.error(Errno.EIO, where, Phase.READ, name + " cannot be read: " + e.getMessage()));
                continue;
            }
            SourceFiles.Bytes read = SourceFiles.readBounded(p, Phase.READ);
            if (read.bytes() != null) {
                files.put(name, read.bytes());
            } else {
                problems.addAll(read.problems());
            }
        }
        return new CriuFiles(dir.toString(), files);
    }
}
