package io.netcr.model.checkpoint;

import java.util.Objects;

/**
 * A route in a table other than main and local (which a checkpoint does not save, and so reports).
 *
 * @param family      "inet" or "inet6"
 * @param table       the table as iproute2 names it: {@code 100}, {@code default}
 * @param destination {@code default} or {@code prefix/len}
 */
public record TableRoute(String family, String table, String destination) {

    public TableRoute {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(destination, "destination");
    }
}
