package io.netcr.bridge.netlink.map;

import io.netcr.bridge.netlink.Rta;
import io.netcr.bridge.netlink.RtnlWords;
import io.netcr.model.Route;
import io.netcr.model.checkpoint.TableRoute;

/**
 * A route message as a model route and the table it is in (a snapshot holds the main table's; a
 * checkpoint reports the others).
 *
 * @param table the table (RTA_TABLE, else rtm_table), as the kernel numbers it
 * @param route the route
 */
public record MappedRoute(int table, Route route) {

    public boolean isMain() {
        return table == Rta.RT_TABLE_MAIN;
    }

    public boolean isLocal() {
        return table == Rta.RT_TABLE_LOCAL;
    }

    /** The route as a checkpoint reports one it does not save: family, table's name, destination. */
    public TableRoute tableRoute() {
        return new TableRoute(route.family(), RtnlWords.table(table), route.destination());
    }
}
