package io.netcr.bridge.rtnl;

import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.Nl;
import io.netcr.bridge.sys.NativeException;
import io.netcr.bridge.sys.Sys;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A NETLINK_ROUTE socket that only listens: bound to the multicast groups of its namespace (the one of
 * the thread that opened it) and read without blocking. Requests go on another socket ({@link RtnlSocket}),
 * so that dump replies and notifications never mix. Equivalent to {@code ip monitor link address route rule
 * nsid} in one namespace.
 *
 * <p>When notifications come faster than they are read, the kernel drops them and the next read fails with
 * ENOBUFS; from then on every notification is dropped until the queue is read empty (af_netlink.c
 * netlink_overrun). {@link #drain} reads it empty and says so: the caller must then read the namespace again.
 */
public final class RtnlEventSocket implements AutoCloseable {

    /** rtnetlink multicast groups (enum rtnetlink_groups, include/uapi/linux/rtnetlink.h). */
    public static final int RTNLGRP_LINK = 1;
    public static final int RTNLGRP_IPV4_IFADDR = 5;
    public static final int RTNLGRP_IPV4_ROUTE = 7;
    public static final int RTNLGRP_IPV4_RULE = 8;
    public static final int RTNLGRP_IPV6_IFADDR = 9;
    public static final int RTNLGRP_IPV6_ROUTE = 11;
    public static final int RTNLGRP_IPV6_RULE = 19;
    public static final int RTNLGRP_NSID = 28;

    /** The groups the live monitor follows. */
    public static final int[] MONITOR_GROUPS = {RTNLGRP_LINK, RTNLGRP_IPV4_IFADDR, RTNLGRP_IPV6_IFADDR,
        RTNLGRP_IPV4_ROUTE, RTNLGRP_IPV6_ROUTE, RTNLGRP_IPV4_RULE, RTNLGRP_IPV6_RULE, RTNLGRP_NSID};

    private static final int MSG_DONTWAIT = 0x40;
    private static final int EAGAIN = 11;
    private static final int ENOBUFS = 105;

    private final int fd;
    private boolean closed;

    private RtnlEventSocket(int fd) {
        this.fd = fd;
    }

    /**
     * Opens a socket in the calling thread's namespace, subscribed to these groups (each below 32, so the
     * bind's bit mask takes them: bit N-1 for group N), with this receive buffer (SO_RCVBUFFORCE as root,
     * else capped by net.core.rmem_max; the kernel doubles it).
     */
    public static RtnlEventSocket open(int[] groups, int receiveBuffer) throws NativeException {
        int mask = 0;
        for (int g : groups) {
            if (g < 1 || g > 32) {
                throw new IllegalArgumentException("group " + g + " is not in 1..32");
            }
            mask |= 1 << (g - 1);
        }
        int fd = Sys.socket(Sys.AF_NETLINK, Sys.SOCK_RAW | Sys.SOCK_CLOEXEC, Nl.NETLINK_ROUTE);
        try {
            try {
                Sys.setsockopt(fd, Sys.SOL_SOCKET, Sys.SO_RCVBUFFORCE, receiveBuffer);
            } catch (NativeException e) {
                Sys.setsockopt(fd, Sys.SOL_SOCKET, Sys.SO_RCVBUF, receiveBuffer);
            }
            Sys.bindNetlink(fd, 0, mask);
            return new RtnlEventSocket(fd);
        } catch (NativeException e) {
            Sys.closeQuietly(fd);
            throw e;
        }
    }

    /** The descriptor, to wait on with epoll. */
    public int fd() {
        return fd;
    }

    /**
     * Reads every queued notification into {@code out} (datagrams decoded in order) without waiting. Returns
     * false when the socket overflowed since the last read (ENOBUFS): notifications were lost, the queue
     * has been read empty, and only a new dump can say what the namespace holds now. A datagram that cannot
     * be decoded counts as a loss too.
     */
    public boolean drain(ByteBuffer direct, List<NetlinkMessage> out) throws NativeException {
        boolean whole = true;
        while (true) {
            direct.clear();
            int n;
            try {
                n = Sys.recv(fd, direct, MSG_DONTWAIT | Sys.MSG_TRUNC);
            } catch (NativeException e) {
                if (e.errnoNumber() == EAGAIN) {
                    return whole;
                }
                if (e.errnoNumber() == ENOBUFS) {
                    whole = false;
                    continue; // read on: until the queue is empty the kernel drops every new notification
                }
                throw e;
            }
            if (n > direct.capacity()) {
                whole = false; // cut: what it held is lost
                continue;
            }
            byte[] copy = new byte[n];
            direct.limit(n);
            direct.get(copy);
            try {
                out.addAll(RtnlSocket.decode(copy, "rtnetlink notification"));
            } catch (NetlinkProtocolException e) {
                whole = false;
            }
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Sys.closeQuietly(fd);
        }
    }
}
