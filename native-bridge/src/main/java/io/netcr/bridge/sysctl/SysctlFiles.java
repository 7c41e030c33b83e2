package io.netcr.bridge.sysctl;

import io.netcr.bridge.sys.NativeException;
import io.netcr.bridge.sys.Sys;
import io.netcr.model.Errno;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A namespace's sysctls as files below /proc/sys/net, read and written by the calling thread, which must be
 * inside that namespace (/proc/sys/net is the namespace of the thread that opens a file in it; see
 * {@link io.netcr.bridge.netns.NamespaceThreads}). Keys are paths below /proc/sys/net ({@code ipv4/ip_forward});
 * a device's keys are kept without the device ({@code ipv4/conf/forwarding}). Equivalent to
 * {@code sysctl -a} for net.ipv4, net.ipv6 and net.unix, and to {@code sysctl -w}, without running it.
 */
public final class SysctlFiles {

    static final String ROOT = "/proc/sys/net/";
    /** The folders read: CRIU's set is within them (and net.unix.max_dgram_qlen). */
    static final List<String> FAMILIES = List.of("ipv4", "ipv6", "unix");
    private static final Set<String> PER_DEVICE = Set.of("conf", "neigh");
    private static final Set<String> NAMESPACE_WIDE = Set.of("all", "default");
    /** {@link #openFolder}: the folder is not there. */
    private static final int ABSENT = -2;
    /** {@link #openFolder}'s "relative to nothing": the path is absolute. */
    private static final int AT_ROOT = -3;
    /** The longest value a key holds (ip_local_reserved_ports can be a long list). */
    private static final int BUFFER = 64 * 1024;

    /**
     * Which files a namespace has: its own writable keys, and a device's (the same for every device; read from
     * {@code lo}, which every namespace has). The kernel's, so the same in every namespace of a host.
     */
    public record Layout(List<String> namespaceKeys, List<String> deviceKeys) {
        public Layout {
            namespaceKeys = List.copyOf(namespaceKeys);
            deviceKeys = List.copyOf(deviceKeys);
        }
    }

    /** A namespace's values: its own keys, and each device's; keys that could not be read, with why. */
    public record Values(Map<String, String> namespace, Map<String, Map<String, String>> devices,
                         Map<String, String> unreadable) {
    }

    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);

    /**
     * Walks /proc/sys/net of the calling thread's namespace: every file that root may read and write. Each entry
     * is looked at relative to its open folder (a {@link SecureDirectoryStream}), not by its path from the root,
     * for the reason {@link #readAll} gives.
     */
    public static Layout layout() throws IOException {
        List<String> own = new ArrayList<>();
        List<String> device = new ArrayList<>();
        for (String family : FAMILIES) {
            Path dir = Path.of(ROOT + family);
            if (Files.isDirectory(dir)) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                    walk(entries, family, own);
                }
            }
            for (String per : PER_DEVICE) {
                Path lo = Path.of(ROOT + family + "/" + per + "/lo");
                if (Files.isDirectory(lo)) {
                    try (DirectoryStream<Path> entries = Files.newDirectoryStream(lo)) {
                        for (Path p : entries) {
                            PosixFileAttributes a = attributes(entries, p);
                            if (!a.isDirectory() && readWrite(a)) {
                                device.add(family + "/" + per + "/" + p.getFileName());
                            }
                        }
                    }
                }
            }
        }
        own.sort(null);
        device.sort(null);
        return new Layout(own, device);
    }

    private static void walk(DirectoryStream<Path> dir, String key, List<String> out) throws IOException {
        for (Path p : dir) {
            String name = p.getFileName().toString();
            String child = key + "/" + name;
            String[] parts = child.split("/");
            PosixFileAttributes a = attributes(dir, p);
            if (a.isDirectory()) {
                boolean deviceDir = parts.length == 3 && PER_DEVICE.contains(parts[1]) && !NAMESPACE_WIDE.contains(name);
                if (!deviceDir) {
                    try (DirectoryStream<Path> sub = dir instanceof SecureDirectoryStream<Path> s
                            ? s.newDirectoryStream(p.getFileName(), LinkOption.NOFOLLOW_LINKS) : Files.newDirectoryStream(p)) {
                        walk(sub, child, out);
                    }
                }
            } else if (readWrite(a)) {
                out.add(child);
            }
        }
    }

    /** An entry's attributes, not following a link: relative to its folder where the platform can (Linux can). */
    private static PosixFileAttributes attributes(DirectoryStream<Path> dir, Path p) throws IOException {
        if (dir instanceof SecureDirectoryStream<Path> s) {
            return s.getFileAttributeView(p.getFileName(), PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .readAttributes();
        }
        return Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    /** A sysctl's mode is its table's: root reads and writes by the owner's bits, with no override. */
    private static boolean readWrite(PosixFileAttributes a) {
        Set<PosixFilePermission> perms = a.permissions();
        return perms.contains(PosixFilePermission.OWNER_READ) && perms.contains(PosixFilePermission.OWNER_WRITE);
    }

    /**
     * Reads every key of the layout in the calling thread's namespace: its own keys, and each device's. A key
     * that is not there (a device without IPv6, a module not loaded) or has no value (an unset stable_secret,
     * EIO) is left out; any other failure is in {@code unreadable}.
     *
     * <p>Files are opened relative to folders opened once per namespace: {@code net/FAMILY} for its keys and
     * {@code FAMILY/conf/DEV} or {@code FAMILY/neigh/DEV} for a device's, never by their path from the root.
     * Every namespace has its own /proc/sys/net, and the kernel keeps the folders of all of them under the one
     * /proc/sys: a lookup of {@code net} or of {@code net/ipv4} passes the cached entry of that name of every
     * namespace read before, each compared under the kernel's one sysctl lock (fs/proc/proc_sysctl.c,
     * proc_sys_compare). A full path cost 47 us instead of 4 us on a host of 200 namespaces read once (and
     * grows with them): most of a checkpoint's time at N=1000 (docs/performance.md, "Restore"). Here that is
     * paid once per family and namespace.
     */
    public Values readAll(Layout layout, Collection<String> devices) {
        Map<String, String> own = new LinkedHashMap<>();
        Map<String, String> unreadable = new LinkedHashMap<>();
        Map<String, Map<String, String>> perDevice = new LinkedHashMap<>();
        try (Folders families = new Folders(openFolder(AT_ROOT, ROOT.substring(0, ROOT.length() - 1)))) {
            for (String key : layout.namespaceKeys()) {
                int slash = key.indexOf('/');
                int fd = slash < 0 ? -1 : families.open(key.substring(0, slash));
                if (fd != ABSENT) { // a family that is not there has none of its keys (ENOENT: left out)
                    read(fd, key.substring(slash + 1), key, own, key, unreadable);
                }
            }
            for (String dev : devices) {
                Map<String, String> values = new LinkedHashMap<>();
                try (Folders folders = new Folders(-1)) {
                    for (String rel : layout.deviceKeys()) {
                        String[] p = rel.split("/");
                        String key = p[0] + "/" + p[1] + "/" + dev + "/" + p[2];
                        int family = families.open(p[0]);
                        int fd = family < 0 ? family : folders.openBelow(family, p[0] + "/" + p[1] + "/" + dev,
                                p[1] + "/" + dev);
                        if (fd != ABSENT) { // the folder is not there, so neither is any key in it
                            read(fd, p[2], key, values, rel, unreadable);
                        }
                    }
                }
                if (!values.isEmpty()) {
                    perDevice.put(dev, values);
                }
            }
        }
        return new Values(own, perDevice, unreadable);
    }

    /**
     * Folders open for one reading, by their path below /proc/sys/net, each opened once: {@link #ABSENT} for one
     * that is not there, -1 for one that would not open (its keys are then read by their full paths, so their
     * errors are the files' own). Closes them all.
     */
    private static final class Folders implements AutoCloseable {
        private final int parent;
        private final Map<String, Integer> open = new HashMap<>();

        /** Folders below the folder open as {@code parent} (closed with them; -1 or ABSENT: none). */
        Folders(int parent) {
            this.parent = parent;
        }

        /** The folder {@code name} below the parent. */
        int open(String name) {
            return parent == ABSENT ? ABSENT : openBelow(parent, name, name);
        }

        /** The folder {@code path} below the folder open as {@code dirFd}, known as {@code key}. */
        int openBelow(int dirFd, String key, String path) {
            return open.computeIfAbsent(key, k -> openFolder(dirFd, path));
        }

        @Override
        public void close() {
            open.values().forEach(fd -> {
                if (fd >= 0) {
                    Sys.closeQuietly(fd);
                }
            });
            if (parent >= 0) {
                Sys.closeQuietly(parent);
            }
        }
    }

    /**
     * A folder's descriptor: {@code path} below {@code dirFd} ({@link #AT_ROOT}: an absolute path);
     * {@link #ABSENT} when it is not there, -1 when it would not open or {@code dirFd} is not open.
     */
    private static int openFolder(int dirFd, String path) {
        if (dirFd < 0 && dirFd != AT_ROOT) {
            return dirFd == ABSENT ? ABSENT : -1;
        }
        try {
            return Sys.openAt(dirFd == AT_ROOT ? Sys.AT_FDCWD : dirFd, path,
                    Sys.O_RDONLY | Sys.O_DIRECTORY | Sys.O_CLOEXEC, path);
        } catch (NativeException e) {
            return e.errnoNumber() == Errno.ENOENT.number() ? ABSENT : -1;
        }
    }

    /**
     * Reads {@code path} relative to {@code dirFd} (the full key from the root when that is -1) into {@code into}
     * as {@code as}; {@code key} is the key's path below /proc/sys/net, as errors name it.
     */
    private void read(int dirFd, String path, String key, Map<String, String> into, String as,
                      Map<String, String> unreadable) {
        try {
            String v = dirFd >= 0 ? valueAt(dirFd, path, key) : value(key);
            if (v != null) {
                into.put(as, v);
            }
        } catch (NativeException e) {
            unreadable.put(key, e.getMessage());
        }
    }

    /** {@link #value} of the file {@code path} relative to {@code dirFd}; {@code key} as in {@link #value}. */
    private String valueAt(int dirFd, String path, String key) throws NativeException {
        try {
            Sys.readFileAt(dirFd, path, ROOT + key, buffer);
        } catch (NativeException e) {
            if (e.errnoNumber() == Errno.ENOENT.number() || e.errnoNumber() == Errno.EIO.number()) {
                return null;
            }
            throw e;
        }
        return text();
    }

    /**
     * The value of a key as the kernel prints it, without its trailing newline; null when the key is not
     * there (ENOENT) or holds nothing to read (EIO: an unset stable_secret).
     */
    public String value(String key) throws NativeException {
        try {
            Sys.readFile(ROOT + key, buffer);
        } catch (NativeException e) {
            if (e.errnoNumber() == Errno.ENOENT.number() || e.errnoNumber() == Errno.EIO.number()) {
                return null;
            }
            throw e;
        }
        return text();
    }

    /** The buffer's value without its trailing newline. */
    private String text() {
        int n = buffer.limit();
        while (n > 0 && buffer.get(n - 1) == '\n') {
            n--;
        }
        byte[] b = new byte[n];
        buffer.get(0, b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** Writes a key ({@code sysctl -w}); the kernel takes the text as it prints it. */
    public static void write(String key, String value) throws NativeException {
        Sys.writeFile(ROOT + key, (value + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
