package io.netcr.bridge.netlink;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads hex fixtures: pairs of hex digits, {@code #} starts a comment, {@code ## title} starts a section. */
public final class HexFixtures {

    private HexFixtures() {
    }

    public static ByteBuffer load(String name) {
        return buffer(bytes(text(name)));
    }

    /** Sections of a fixture split on lines starting with {@code ## }, by title. */
    public static Map<String, ByteBuffer> sections(String name) {
        Map<String, ByteBuffer> out = new LinkedHashMap<>();
        String title = null;
        StringBuilder body = new StringBuilder();
        for (String line : (text(name) + "\n## end").split("\n")) {
            if (line.startsWith("## ")) {
                if (title != null) {
                    out.put(title, buffer(bytes(body.toString())));
                }
                title = line.substring(3).trim();
                body.setLength(0);
            } else {
                body.append(line).append('\n');
            }
        }
        return out;
    }

    public static byte[] bytes(String hex) {
        StringBuilder digits = new StringBuilder();
        for (String line : hex.split("\n")) {
            int hash = line.indexOf('#');
            digits.append((hash >= 0 ? line.substring(0, hash) : line).replaceAll("\\s", ""));
        }
        byte[] b = new byte[digits.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(digits.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    private static ByteBuffer buffer(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static String text(String name) {
        try (InputStream in = HexFixtures.class.getResourceAsStream("/netlink/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
