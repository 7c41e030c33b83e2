package io.netcr.icons;

import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The artwork as class-path resources, by name: {@code Icons.url(Icons.KIND_VETH, 16)}. Every icon is a
 * PNG rendered from the SVG beside it ({@code icons/render}); the workbench set also has an {@code @2x}
 * variant of each size, which JavaFX's {@code Image} picks by itself on HiDPI screens when given the
 * plain URL.
 */
public final class Icons {

    /** The application icon: window, desktop entry, package. */
    public static final String APP = "app/netcr";

    public static final String KIND_LOOPBACK = "kind/loopback";
    public static final String KIND_VETH = "kind/veth";
    public static final String KIND_BRIDGE = "kind/bridge";
    /** Any device kind without an icon of its own (vxlan, macvlan, tun, tap, ifb, ...). */
    public static final String KIND_OTHER = "kind/other";

    public static final String NAMESPACE = "ns/namespace";
    /** The initial (host) network namespace. */
    public static final String INIT_NAMESPACE = "ns/init";

    public static final String SEVERITY_ERROR = "severity/error";
    public static final String SEVERITY_WARNING = "severity/warning";
    public static final String SEVERITY_INFO = "severity/info";

    /** The sizes of the application icon, in pixels. */
    public static final List<Integer> APP_SIZES = List.of(16, 24, 32, 48, 64, 128, 256, 512);
    /** The sizes of each workbench icon, in pixels; each also exists at twice the size as {@code @2x}. */
    public static final List<Integer> WORKBENCH_SIZES = List.of(16, 32);

    private static final Map<String, List<Integer>> SIZES = Map.ofEntries(
            Map.entry(APP, APP_SIZES),
            Map.entry(KIND_LOOPBACK, WORKBENCH_SIZES),
            Map.entry(KIND_VETH, WORKBENCH_SIZES),
            Map.entry(KIND_BRIDGE, WORKBENCH_SIZES),
            Map.entry(KIND_OTHER, WORKBENCH_SIZES),
            Map.entry(NAMESPACE, WORKBENCH_SIZES),
            Map.entry(INIT_NAMESPACE, WORKBENCH_SIZES),
            Map.entry(SEVERITY_ERROR, WORKBENCH_SIZES),
            Map.entry(SEVERITY_WARNING, WORKBENCH_SIZES),
            Map.entry(SEVERITY_INFO, WORKBENCH_SIZES));

    private Icons() {
    }

    /** Every declared icon name, sorted. */
    public static List<String> names() {
        return SIZES.keySet().stream().sorted().toList();
    }

    /** The sizes, in pixels, at which the named icon exists. */
    public static List<Integer> sizes(String name) {
        List<Integer> sizes = SIZES.get(Objects.requireNonNull(name, "name"));
        if (sizes == null) {
            throw new IllegalArgumentException("no icon named \"" + name + "\"; the icons are " + names());
        }
        return sizes;
    }

    /** True for icons that come with an {@code @2x} variant of each size (the workbench set). */
    public static boolean hasHiDpiVariants(String name) {
        return !APP.equals(name) && SIZES.containsKey(name);
    }

    /** The class-path path of the named icon at this size, without a leading slash. */
    public static String resourcePath(String name, int size) {
        return resourcePath(name, size, false);
    }

    /** As {@link #resourcePath(String, int)}, for the {@code @2x} variant when {@code hiDpi} is true. */
    public static String resourcePath(String name, int size, boolean hiDpi) {
        if (!sizes(name).contains(size)) {
            throw new IllegalArgumentException("icon \"" + name + "\" does not exist at " + size + " px; its sizes are "
                    + sizes(name));
        }
        if (hiDpi && !hasHiDpiVariants(name)) {
            throw new IllegalArgumentException("icon \"" + name + "\" has no @2x variants");
        }
        return "io/netcr/icons/" + name + "-" + size + (hiDpi ? "@2x" : "") + ".png";
    }

    /** The URL of the named icon at this size: {@code Icons.url(Icons.KIND_VETH, 16)}. */
    public static URL url(String name, int size) {
        return resolve(resourcePath(name, size));
    }

    /** The URL of the {@code @2x} variant of the named workbench icon at this (logical) size. */
    public static URL url2x(String name, int size) {
        return resolve(resourcePath(name, size, true));
    }

    private static URL resolve(String path) {
        URL url = Icons.class.getClassLoader().getResource(path);
        if (url == null) {
            throw new IllegalStateException("icon resource " + path + " is missing from the netcr-icons jar");
        }
        return url;
    }
}
