package io.netcr.bridge.discovery;

import io.netcr.bridge.netlink.NetlinkMessage;
import io.netcr.bridge.netlink.Rta;
import io.netcr.bridge.netlink.RtnlWords;
import io.netcr.bridge.rtnl.DumpInterruptedException;
import io.netcr.bridge.rtnl.RtnlQueries;
import io.netcr.bridge.rtnl.RtnlSocket;
import io.netcr.model.IpText;
import io.netcr.model.checkpoint.PolicyRule;
import io.netcr.model.checkpoint.RoutingOutsideMain;
import io.netcr.model.checkpoint.TableRoute;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks one namespace for what a checkpoint leaves out of its routing: its policy rules and the routes of
 * tables other than main and local. Two dumps on the namespace's discovery socket; run at checkpoint time
 * only, never in a snapshot (a refresh of a thousand namespaces must not pay for them).
 */
final class RoutingOutsideMainReader {

    private RoutingOutsideMainReader() {
    }

    static RoutingOutsideMain.Found read(String namespaceId, RtnlSocket s) throws IOException {
        List<PolicyRule> rules = new ArrayList<>();
        for (NetlinkMessage.Rule r : retried(() -> RtnlQueries.rules(s))) {
            rules.add(RuleAssembler.rule(r));
        }
        List<TableRoute> routes = new ArrayList<>();
        for (NetlinkMessage.Route r : retried(() -> RtnlQueries.routesOutsideMain(s))) {
            byte[] dst = r.attributes().bytesOrNull(Rta.RTA_DST);
            routes.add(new TableRoute(RtnlWords.family(r.info().family()), RtnlWords.table(RtnlQueries.table(r)),
                    dst == null && r.info().dstLen() == 0 ? "default"
                            : (dst == null ? "?" : IpText.format(dst)) + "/" + r.info().dstLen()));
        }
        return new RoutingOutsideMain.Found(namespaceId, rules, routes);
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
