package io.netcr.model.plan;

import java.nio.charset.StandardCharsets;

/** What the kernel and /run/netns accept as names; the single source of these rules for planning. */
public final class Names {

    /** IFNAMSIZ is 16 with the terminating NUL. */
    public static final int MAX_DEVICE_NAME_BYTES = 15;
    /** A namespace name is one file name under /run/netns. */
    public static final int MAX_NAMESPACE_NAME_BYTES = 255;

    private Names() {
    }

    /** Why {@code name} cannot name a namespace, or null when it can. */
    public static String namespaceNameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "a namespace name cannot be empty";
        }
        if (name.equals(".") || name.equals("..")) {
            return "'" + name + "' is not a namespace name: it would escape /run/netns";
        }
        if (name.indexOf('/') >= 0) {
            return "'" + name + "' is not a namespace name: it holds '/', which would escape /run/netns";
        }
        if (name.chars().anyMatch(c -> c == 0 || Character.isISOControl(c))) {
            return "a namespace name cannot hold control characters";
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAMESPACE_NAME_BYTES) {
            return "namespace name '" + name + "' is longer than " + MAX_NAMESPACE_NAME_BYTES + " bytes";
        }
        return null;
    }

    /** Why {@code name} cannot name a device (the kernel's dev_valid_name), or null when it can. */
    public static String deviceNameProblem(String name) {
        if (name == null || name.isEmpty()) {
            return "a device name cannot be empty";
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_DEVICE_NAME_BYTES) {
            return "device name '" + name + "' is longer than " + MAX_DEVICE_NAME_BYTES + " bytes (IFNAMSIZ)";
        }
        if (name.equals(".") || name.equals("..")) {
            return "'" + name + "' is not a device name";
        }
        if (name.chars().anyMatch(c -> c == '/' || c == ':' || Character.isWhitespace(c) || c == 0)) {
            return "device name '" + name + "' holds '/', ':', a NUL or white space, which the kernel refuses";
        }
        return null;
    }
}
