package io.netcr.model.checkpoint;

import io.netcr.model.Device;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Namespace;
import io.netcr.model.Phase;
import io.netcr.model.SubjectPath;
import java.util.ArrayList;
import java.util.List;

/**
 * What a checkpoint records of a device but a restore cannot give back, said as warnings the image keeps: a
 * tun's queues held by processes (their file descriptors are the processes'), a bond's primary and active
 * slave (names of devices only enslaved later).
 */
final class KindWarnings {

    /** Properties the rtnetlink mapping records for these (see native-bridge's kind codecs). */
    static final String TUN_QUEUES = "tun.queues";
    static final String BOND_PRIMARY = "bond.primary";
    static final String BOND_ACTIVE_SLAVE = "bond.active_slave";

    private KindWarnings() {
    }

    static List<Diagnostic> of(Namespace ns, Device d) {
        List<Diagnostic> out = new ArrayList<>();
        SubjectPath where = SubjectPath.of(ns, d);
        if ("tun".equals(d.kind())) {
            String queues = d.properties().get(TUN_QUEUES);
            // A process attached turns carrier on (TUNSETIFF); only a multi-queue tun reports its queues.
            boolean held = queues != null && !queues.equals("0") || "1".equals(d.properties().get("carrier"))
                    || "false".equals(d.config().get("persist"));
            if (held) {
                out.add(Diagnostic.warning(Errno.EOPNOTSUPP, where, Phase.CHECKPOINT, d.name() + " is held open by a "
                        + "process" + (queues != null && !queues.equals("0") ? " (" + queues + " queue"
                        + (queues.equals("1") ? "" : "s") + ")" : "") + "; its queue and the packets in it are not "
                        + "restorable: the device comes back persistent and empty, and the process must attach again"));
            }
        }
        if ("bond".equals(d.kind())) {
            for (String key : List.of(BOND_PRIMARY, BOND_ACTIVE_SLAVE)) {
                String v = d.properties().get(key);
                if (v != null) {
                    out.add(Diagnostic.warning(Errno.EOPNOTSUPP, where, Phase.CHECKPOINT, d.name() + "'s "
                            + key.substring(5).replace('_', ' ') + " (" + v + ") is not restored; set it again "
                            + "after the restore (ip link set " + d.name() + " type bond " + key.substring(5) + " " + v
                            + ")"));
                }
            }
        }
        return out;
    }
}
