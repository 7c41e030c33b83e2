package io.netcr.model.validate;

import io.netcr.model.Errno;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The kernel's rules for names a restore will create. A name that breaks them would be refused by the
 * kernel at restore time, or (for a namespace name, which becomes a file under /run/netns) could
 * escape that folder: {@code ../../etc/x}. Each check returns the problem, or empty when the name is fine.
 */
public final class NameRules {

    /** IFNAMSIZ is 16 including the terminating NUL. */
    public static final int IFNAMSIZ = 16;
    /** NAME_MAX: the longest file name, and so the longest /run/netns name. */
    public static final int NAME_MAX = 255;

    /** A problem with a name: the errno to report and a sentence saying why. */
    public record Problem(Errno code, String reason) {
    }

    private NameRules() {
    }

    /** As the kernel's dev_valid_name(): 1..15 bytes, not "." or "..", no '/', ':', whitespace or NUL. */
    public static Optional<Problem> deviceName(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of(new Problem(Errno.EINVAL, "a device name cannot be empty"));
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes >= IFNAMSIZ) {
            return Optional.of(new Problem(Errno.ENAMETOOLONG,
                    "device name is " + bytes + " bytes; the kernel allows at most " + (IFNAMSIZ - 1)));
        }
        if (name.equals(".") || name.equals("..")) {
            return Optional.of(new Problem(Errno.EINVAL, "a device cannot be named '" + name + "'"));
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == ':' || c == 0 || Character.isWhitespace(c)) {
                return Optional.of(new Problem(Errno.EINVAL,
                        "device name contains " + describe(c) + ", which the kernel refuses"));
            }
        }
        return Optional.empty();
    }

    /**
     * One path component under /run/netns: not empty, not "." or "..", no '/', NUL or other control character
     * (a newline, a tab), at most 255 bytes.
     */
    public static Optional<Problem> namespaceName(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of(new Problem(Errno.EINVAL, "a namespace name cannot be empty"));
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > NAME_MAX) {
            return Optional.of(new Problem(Errno.ENAMETOOLONG,
                    "namespace name is " + bytes + " bytes; a file name holds at most " + NAME_MAX));
        }
        if (name.equals(".") || name.equals("..")) {
            return Optional.of(new Problem(Errno.EINVAL, "a namespace cannot be named '" + name + "'"));
        }
        if (name.indexOf('/') >= 0) {
            return Optional.of(new Problem(Errno.EINVAL,
                    "namespace name contains '/'; it must be one file name under /run/netns"));
        }
        if (name.indexOf('\0') >= 0) {
            return Optional.of(new Problem(Errno.EINVAL, "namespace name contains a NUL byte"));
        }
        return controlCharacter(name, "namespace name");
    }

    /**
     * The kernel would take a newline, a tab or an escape in a file name, but every tool that lists
     * /run/netns one name per line (ip netns, netcr's own output) would then show two names, or send a
     * terminal sequence: refused.
     */
    private static Optional<Problem> controlCharacter(String name, String what) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                return Optional.of(new Problem(Errno.EINVAL, what + " contains " + (c == '\n' ? "a newline"
                        : String.format("the control character U+%04X", (int) c)) + "; use printable characters"));
            }
        }
        return Optional.empty();
    }

    /**
     * A name a namespace is known by: a /run/netns name (one component, as {@link #namespaceName}), or the
     * absolute path of a bind mount elsewhere (e.g. /run/docker/netns/3f2a9c1e) — normalised, with no
     * "." or ".." components, so that it names exactly one place.
     */
    public static Optional<Problem> knownName(String name) {
        if (name == null || !name.startsWith("/")) {
            return namespaceName(name);
        }
        if (name.indexOf('\0') >= 0) {
            return Optional.of(new Problem(Errno.EINVAL, "namespace path contains a NUL byte"));
        }
        if (name.length() > 4096) {
            return Optional.of(new Problem(Errno.ENAMETOOLONG, "namespace path is longer than PATH_MAX (4096)"));
        }
        for (String part : name.substring(1).split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return Optional.of(new Problem(Errno.EINVAL,
                        "namespace path is not normalised (empty, '.' or '..' component)"));
            }
        }
        return controlCharacter(name, "namespace path");
    }

    /**
     * The last component of an absolute path name, or the name itself: the default name a restore gives
     * a namespace known only by a bind-mount path. Anything else (even with a '/') is left as it is, so
     * that the name rules refuse it.
     */
    public static String lastComponent(String name) {
        if (!name.startsWith("/") || knownName(name).isPresent()) {
            return name;
        }
        return name.substring(name.lastIndexOf('/') + 1);
    }

    /**
     * A name from outside as a message can show it: quoted, on one line, with control characters escaped
     * ({@code 'a\u000ab'} for "a", newline, "b"), so that a hostile name cannot split or forge a line of output.
     */
    public static String printable(String name) {
        if (name == null) {
            return "(none)";
        }
        StringBuilder b = new StringBuilder(name.length() + 2).append('\'');
        name.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.append('\'').toString();
    }

    private static String describe(char c) {
        return c == 0 ? "a NUL byte" : Character.isWhitespace(c) ? "white space" : "'" + c + "'";
    }
}
