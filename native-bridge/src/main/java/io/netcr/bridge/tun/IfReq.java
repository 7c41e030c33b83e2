package io.netcr.bridge.tun;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * struct ifreq (linux/if.h) as TUNSETIFF reads it: {@code char ifr_name[IFNAMSIZ]} (16 bytes, NUL-terminated),
 * then the union whose first member here is {@code short ifr_flags}; 40 bytes on 64-bit Linux, the union's
 * largest members being a struct sockaddr and a struct ifmap (24 bytes).
 */
record IfReq(String name, int flags) {

    static final int SIZE = 40;
    static final int IFNAMSIZ = 16;

    IfReq {
        if (name.getBytes(StandardCharsets.UTF_8).length >= IFNAMSIZ) {
            throw new IllegalArgumentException("interface name '" + name + "' has more than 15 bytes");
        }
    }

    byte[] pack() {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.nativeOrder());
        b.put(name.getBytes(StandardCharsets.UTF_8));
        b.position(IFNAMSIZ);
        b.putShort((short) flags);
        return b.array();
    }
}
