package io.netcr.bridge.lifetime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The network namespaces bind-mounted in this process's mount namespace, read from
 * {@code /proc/self/mountinfo}: mount point to nsfs inode. One read answers for every mount, which
 * is why both discovery and the registry ask it instead of stat'ing each path.
 */
public final class MountTable {

    private MountTable() {
    }

    /** Mount point -> inode of every network-namespace nsfs mount (the last mount on a point wins). */
    public static Map<String, Long> netnsMounts(Path mountinfo) throws IOException {
        return parse(Files.readAllLines(mountinfo));
    }

    static Map<String, Long> parse(List<String> lines) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String line : lines) {
            int dash = line.indexOf(" - ");
            if (dash < 0 || !line.startsWith("nsfs ", dash + 3)) {
                continue;
            }
            // fields: mount id, parent id, major:minor, root ("net:[INODE]" for a netns), mount point, ...
            String[] f = line.substring(0, dash).split(" ");
            if (f.length >= 5 && f[3].startsWith("net:[")) {
                out.put(unescape(f[4]), inodeOfLink(f[3]));
            }
        }
        return out;
    }

    /** The inode in "net:[4026531840]" (the text of a /proc/PID/ns/net link, or a mountinfo root). */
    public static long inodeOfLink(String text) {
        int open = text.indexOf('[');
        int close = text.indexOf(']', open + 1);
        if (!text.startsWith("net:[") || close < 0) {
            throw new IllegalArgumentException("not a network namespace link: " + text);
        }
        return Long.parseLong(text.substring(open + 1, close));
    }

    /** The inode of the network namespace a process is in ({@code /proc/PID/ns/net}, or "self"). */
    public static long inodeOf(Path procPidNsNet) throws IOException {
        return inodeOfLink(Files.readSymbolicLink(procPidNsNet).toString());
    }

    /** mountinfo escapes space, tab, newline and backslash as \ooo. */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() && s.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
