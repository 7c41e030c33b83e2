package io.netcr.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * netcr's version, as Maven wrote it into version.properties at build time: one place for the command
 * line's {@code --version}, the maker named in a snapshot's source, the agent's hello and the About box.
 */
public final class Version {

    private static final String NUMBER = read();

    private Version() {
    }

    /** The version number, e.g. {@code 0.1.0}; {@code unknown} when the build wrote none. */
    public static String number() {
        return NUMBER;
    }

    /** What {@code netcr --version} prints: the version and the Java that runs it. */
    public static String[] lines() {
        return new String[] {tool(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }

    /** How a snapshot names its maker: {@code netcr 0.1.0}. */
    public static String tool() {
        return "netcr " + NUMBER;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("/io/netcr/app/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
