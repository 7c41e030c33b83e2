package io.netcr.bridge.tun;

import io.netcr.bridge.netlink.map.kind.KindCodecs;
import io.netcr.bridge.sys.NativeException;
import io.netcr.bridge.sys.Sys;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;

/**
 * Makes a persistent tun or tap device inside a namespace, as {@code ip -n NS tuntap add dev NAME mode MODE
 * [user U] [group G] [pi] [vnet_hdr] [multi_queue]} does: rtnetlink cannot (the kernel refuses to create a tun
 * that way), and /dev/net/tun makes the device in the network namespace of whoever opens it. So a dedicated
 * platform thread enters the namespace, opens /dev/net/tun, asks for the ifindex (TUNSETIFINDEX), creates the
 * device (TUNSETIFF, with IFF_TUN_EXCL so that an existing tun of that name is refused, never attached to),
 * sets owner and group, makes it persistent last and closes the descriptor. Until TUNSETPERSIST a failure
 * leaves nothing: closing the descriptor removes a device that is not persistent. The thread ends with it.
 */
public final class TunMaker {

    /** _IOW('T', n, int): direction write (1 << 30), size 4 (<< 16), type 'T' (<< 8), number n. */
    static final long TUNSETIFF = ioW(202);
    static final long TUNSETPERSIST = ioW(203);
    static final long TUNSETOWNER = ioW(204);
    static final long TUNSETGROUP = ioW(206);
    static final long TUNSETIFINDEX = ioW(218);
    /** TUNSETIFF: fail with EBUSY when a device of that name exists rather than attach to it. */
    static final int IFF_TUN_EXCL = 0x8000;

    private static final String DEVICE = "/dev/net/tun";

    private TunMaker() {
    }

    static long ioW(int number) {
        return (1L << 30) | (4L << 16) | ((long) 'T' << 8) | number;
    }

    /**
     * Makes the device in the namespace {@code nsFd} refers to. {@code ifindex} 0 lets the kernel choose;
     * {@code config} holds the tun's settings (type, owner, group, pi, vnet_hdr, multi_queue).
     */
    public static void create(int nsFd, String name, int ifindex, Map<String, String> config) throws NativeException {
        IfReq request = new IfReq(name, KindCodecs.tunFlags(config) | IFF_TUN_EXCL);
        NativeException[] failed = new NativeException[1];
        RuntimeException[] broken = new RuntimeException[1];
        Thread t = new Thread(() -> {
            try {
                inNamespace(nsFd, name, ifindex, config, request);
            } catch (NativeException e) {
                failed[0] = e;
            } catch (RuntimeException e) {
                broken[0] = e;
            }
        }, "netcr-tun-" + name);
        t.start();
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the device is being made either way: wait for it, then say so
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failed[0] != null) {
            throw failed[0];
        }
        if (broken[0] != null) {
            throw broken[0];
        }
    }

    private static void inNamespace(int nsFd, String name, int ifindex, Map<String, String> config, IfReq request)
            throws NativeException {
        int own = Sys.open("/proc/thread-self/ns/net", Sys.O_RDONLY | Sys.O_CLOEXEC);
        try {
            Sys.setns(nsFd, Sys.CLONE_NEWNET);
            try {
                make(name, ifindex, config, request);
            } finally {
                Sys.setns(own, Sys.CLONE_NEWNET);
            }
        } finally {
            Sys.closeQuietly(own);
        }
    }

    private static void make(String name, int ifindex, Map<String, String> config, IfReq request)
            throws NativeException {
        int fd = Sys.open(DEVICE, Sys.O_RDWR | Sys.O_CLOEXEC);
        try {
            if (ifindex > 0) {
                byte[] index = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(ifindex).array();
                Sys.ioctl(fd, TUNSETIFINDEX, index, "TUNSETIFINDEX " + ifindex + " for " + name);
            }
            Sys.ioctl(fd, TUNSETIFF, request.pack(), "TUNSETIFF " + name);
            String owner = config.get("owner");
            if (owner != null) {
                Sys.ioctl(fd, TUNSETOWNER, Long.parseLong(owner), "TUNSETOWNER " + owner + " for " + name);
            }
            String group = config.get("group");
            if (group != null) {
                Sys.ioctl(fd, TUNSETGROUP, Long.parseLong(group), "TUNSETGROUP " + group + " for " + name);
            }
            Sys.ioctl(fd, TUNSETPERSIST, 1, "TUNSETPERSIST " + name);
        } finally {
            Sys.closeQuietly(fd);
        }
    }
}
