package io.netcr.bridge.discovery;

import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.map.LinkNames;
import io.netcr.bridge.netlink.map.Mapped;
import io.netcr.bridge.netlink.map.MappedRoute;
import io.netcr.bridge.netlink.map.RtnlMapper;
import io.netcr.bridge.rtnl.DumpInterruptedException;
import io.netcr.bridge.rtnl.RtnlQueries;
import io.netcr.bridge.rtnl.RtnlSocket;
import io.netcr.model.Errno;
import io.netcr.model.checkpoint.PolicyRule;
import io.netcr.model.checkpoint.RoutingOutsideMain;
import io.netcr.model.checkpoint.TableRoute;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks one namespace for what a checkpoint leaves out of its routing: its policy rules and the routes of
 * tables other than main and local. Two dumps on the namespace's discovery socket, read through the one
 * rtnetlink mapping; run at checkpoint time only, never in a snapshot (a refresh of a thousand namespaces
 * must not pay for them).
 */
final class RoutingOutsideMainReader {

    private RoutingOutsideMainReader() {
    }

    /**
     * What the namespace has outside main, or Unknown (EBADMSG) when a message could not be read: a count
     * that may be wrong is never reported as found.
     */
    static RoutingOutsideMain read(String namespaceId, RtnlSocket s) throws IOException {
        List<PolicyRule> rules = new ArrayList<>();
        for (NetlinkMessage.Rule r : retried(() -> RtnlQueries.rules(s))) {
            Mapped<PolicyRule> m = RtnlMapper.rule(r);
            if (m instanceof Mapped.Damaged<PolicyRule> d) {
                return damaged(namespaceId, "rule", d);
            }
            if (m.valueOrNull() != null) {
                rules.add(m.valueOrNull());
            }
        }
        List<TableRoute> routes = new ArrayList<>();
        for (NetlinkMessage.Route r : retried(() -> RtnlQueries.routesOutsideMain(s))) {
            Mapped<MappedRoute> m = RtnlMapper.route(r, LinkNames.NONE);
            if (m instanceof Mapped.Damaged<MappedRoute> d) {
                return damaged(namespaceId, "route", d);
            }
            if (m.valueOrNull() != null) {
                routes.add(m.valueOrNull().tableRoute());
            }
        }
        return new RoutingOutsideMain.Found(namespaceId, rules, routes);
    }

    private static RoutingOutsideMain damaged(String namespaceId, String what, Mapped.Damaged<?> d) {
        return new RoutingOutsideMain.Unknown(namespaceId, Errno.EBADMSG, "a " + what + " the kernel sent could not "
                + "be read (" + d.problem() + ")");
    }

    /**
     * A dump the kernel flags as interrupted is asked again, like discovery's; the last attempt's failure
     * is thrown, and the caller says the namespace could not be asked (never a count that may be wrong).
     */
    private static <T> List<T> retried(NamespaceDump.Dump<T> dump) throws IOException {
        for (int attempt = 1; attempt < NamespaceDump.ATTEMPTS; attempt++) {
            try {
                return dump.run();
            } catch (DumpInterruptedException e) {
                // the namespace changed while being read: read it again
            }
        }
        return dump.run();
    }
}
