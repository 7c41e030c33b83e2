package io.netcr.model;

import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/**
 * The words of a namespace's sysctls (see {@link NamespaceState}): which keys a checkpoint keeps apart per
 * device, which are secrets, which a restore never writes, the order it writes them in, and how people spell
 * them ({@code net.ipv4.conf.eth0.forwarding}, as sysctl(8) does). Keys are paths below /proc/sys/net.
 */
public final class Sysctls {

    /** Keys whose values are secrets: stored in images, never shown, exported or journaled. */
    private static final Set<String> SECRETS = Set.of("stable_secret", "tcp_fastopen_key");
    /**
     * Keys a restore never writes: writing {@code addr_gen_mode} on an up device makes the kernel generate a
     * link-local address again (checked facts); a device's mode is set through netlink instead
     * (IFLA_INET6_ADDR_GEN_MODE, with the device).
     */
    private static final Set<String> NEVER_WRITTEN = Set.of("addr_gen_mode");
    /** The per-device folders of /proc/sys/net/ipv4 and ipv6 ({@code conf/DEV}, {@code neigh/DEV}). */
    private static final Set<String> PER_DEVICE = Set.of("conf", "neigh");
    /** Folders under conf and neigh that are the namespace's, not a device's. */
    private static final Set<String> NAMESPACE_WIDE = Set.of("all", "default");

    private Sysctls() {
    }

    /** A key whose value is a secret (IPv6 {@code stable_secret}, {@code tcp_fastopen_key}). */
    public static boolean isSecret(String key) {
        return SECRETS.contains(leaf(key));
    }

    /** A key a restore never writes ({@code addr_gen_mode}). */
    public static boolean neverWritten(String key) {
        return NEVER_WRITTEN.contains(leaf(key));
    }

    /** The last part of a key: {@code forwarding} of {@code ipv4/conf/all/forwarding}. */
    public static String leaf(String key) {
        return key.substring(key.lastIndexOf('/') + 1);
    }

    /**
     * For a full key below /proc/sys/net of a device ({@code ipv4/conf/eth0/forwarding}), the device's name;
     * empty for the namespace's own keys ({@code ipv4/ip_forward}, {@code ipv4/conf/all/forwarding}).
     */
    public static Optional<String> deviceOf(String key) {
        String[] p = key.split("/", -1);
        if (p.length == 4 && PER_DEVICE.contains(p[1]) && !NAMESPACE_WIDE.contains(p[2])) {
            return Optional.of(p[2]);
        }
        return Optional.empty();
    }

    /** A device's full key without the device: {@code ipv4/conf/eth0/forwarding} to {@code ipv4/conf/forwarding}. */
    public static String deviceRelative(String key) {
        String[] p = key.split("/", -1);
        return p[0] + "/" + p[1] + "/" + p[3];
    }

    /** A device key's full path below /proc/sys/net: {@code ipv4/conf/forwarding} of eth0 to {@code ipv4/conf/eth0/forwarding}. */
    public static String deviceKey(String relative, String device) {
        String[] p = relative.split("/", -1);
        return p[0] + "/" + p[1] + "/" + device + "/" + p[2];
    }

    /**
     * How sysctl(8) prints a key: dots between the parts, and the dots of a device's name turned into
     * slashes ({@code net.ipv4.conf.eth0/100.forwarding}).
     */
    public static String dotted(String key) {
        String[] p = key.split("/", -1);
        StringBuilder sb = new StringBuilder("net");
        for (String part : p) {
            sb.append('.').append(part.replace('.', '/'));
        }
        return sb.toString();
    }

    /** A value as it may be shown: the value, or "(secret)" for a secret. */
    public static String shown(String key, String value) {
        return isSecret(key) ? "(secret)" : value;
    }

    /**
     * Why a namespace key cannot be one: it must be a path below /proc/sys/net/ipv4, ipv6 or unix of plain parts
     * (letters, digits, {@code _ - .}; not {@code .} or {@code ..}), so that no image can name a file outside it.
     * Empty when it is fine.
     */
    public static Optional<String> keyProblem(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.of("an empty key");
        }
        String[] p = key.split("/", -1);
        if (!p[0].equals("ipv4") && !p[0].equals("ipv6") && !p[0].equals("unix")) {
            return Optional.of("'" + key + "' is not below net/ipv4, net/ipv6 or net/unix");
        }
        if (p.length < 2 || p.length > 4) {
            return Optional.of("'" + key + "' has " + p.length + " parts; a key below net/ipv4 or net/ipv6 has 2 to 4");
        }
        for (String part : p) {
            if (!plain(part)) {
                return Optional.of("'" + key + "' has a part that is not a plain name");
            }
        }
        if (deviceOf(key).isPresent()) {
            return Optional.of("'" + key + "' is a device's key; the image keeps those per device");
        }
        return Optional.empty();
    }

    /** Why a device key (without the device: {@code ipv4/conf/forwarding}) cannot be one; empty when fine. */
    public static Optional<String> deviceKeyProblem(String relative) {
        String[] p = relative == null ? new String[0] : relative.split("/", -1);
        if (p.length != 3 || !(p[0].equals("ipv4") || p[0].equals("ipv6")) || !PER_DEVICE.contains(p[1]) || !plain(p[2])) {
            return Optional.of("'" + relative + "' is not a device key (ipv4|ipv6 / conf|neigh / NAME)");
        }
        return Optional.empty();
    }

    private static boolean plain(String part) {
        if (part.isEmpty() || part.equals(".") || part.equals("..") || part.length() > 255) {
            return false;
        }
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
                    || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /**
     * The order a restore writes a namespace's own keys in: {@code ipv4/ip_forward} first (it rewrites every
     * device's forwarding and {@code conf/all/accept_redirects}), then the {@code conf/all} keys (forwarding
     * first), then {@code conf/default} and {@code neigh/default} (which seed and may be copied to the devices),
     * then the rest; each group by name.
     */
    public static final Comparator<String> WRITE_ORDER = Comparator.comparingInt(Sysctls::rank)
            .thenComparing(Comparator.naturalOrder());

    /**
     * The order a restore writes a device's keys in (without the device): forwarding first (accept_redirects
     * is read against it, as CRIU writes it last for that), then disable_ipv6, then the rest, and the IPv6
     * mtu last (enabling IPv6 again sets it to the link's: CRIU never skips it); each group by name.
     */
    public static final Comparator<String> DEVICE_WRITE_ORDER = Comparator.comparingInt(Sysctls::deviceRank)
            .thenComparing(Comparator.naturalOrder());

    private static int deviceRank(String relative) {
        return switch (relative) {
            case "ipv4/conf/forwarding", "ipv6/conf/forwarding" -> 0;
            case "ipv6/conf/disable_ipv6" -> 1;
            case "ipv6/conf/mtu" -> 3;
            default -> 2;
        };
    }

    private static int rank(String key) {
        if (key.equals("ipv4/ip_forward")) {
            return 0;
        }
        String[] p = key.split("/", -1);
        boolean conf = p.length == 4 && p[1].equals("conf");
        if (conf && p[2].equals("all") && p[3].equals("forwarding")) {
            return 1;
        }
        if (conf && p[2].equals("all")) {
            return 2;
        }
        if (p.length == 4 && PER_DEVICE.contains(p[1]) && p[2].equals("default")) {
            return 3;
        }
        return 4;
    }
}
