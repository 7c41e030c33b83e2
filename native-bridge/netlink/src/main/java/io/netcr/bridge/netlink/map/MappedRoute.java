package io.netcr.bridge.netlink.map;

import io.netcr.bridge.netlink.Rta;
import io.netcr.model.Route;
import java.util.List;

/**
 * A route message as a model route and the table it is in (a snapshot holds the main table's; a
 * checkpoint all of them).
 *
 * @param table       the table (RTA_TABLE, else rtm_table), as the kernel numbers it
 * @param route       the route
 * @param unsupported what the message says that the route does not hold (several next hops, an
 *                    encapsulation, ...), each in a few words; empty for most routes. A checkpoint leaves such a
 *                    route out with a warning rather than restore another one.
 */
public record MappedRoute(int table, Route route, List<String> unsupported) {

    public MappedRoute {
        unsupported = List.copyOf(unsupported);
    }

    public MappedRoute(int table, Route route) {
        this(table, route, List.of());
    }

    public boolean isMain() {
        return table == Rta.RT_TABLE_MAIN;
    }

    public boolean isLocal() {
        return table == Rta.RT_TABLE_LOCAL;
    }
}
