package io.netcr.bridge.restore;

import io.netcr.model.Address;
import io.netcr.model.Route;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a restore has created so far, in order; a failed restore undoes it in reverse. Only what the
 * kernel confirmed (an ACK) is entered, so an undo never touches an object the restore did not make.
 * Inside a created namespace nothing needs an entry: deleting the namespace removes all of it.
 */
final class Journal {

    /** One thing created. */
    sealed interface Entry {
        String describe();
    }

    /** A namespace under /run/netns. */
    record Namespace(String name) implements Entry {
        public String describe() {
            return "ip netns del " + name;
        }
    }

    /** A device created in the restorer's namespace (the outside half of a veth pair). */
    record RestorerLink(String name) implements Entry {
        public String describe() {
            return "ip link del " + name;
        }
    }

    /** An address added in the restorer's namespace. */
    record RestorerAddress(int ifindex, String device, Address address) implements Entry {
        public String describe() {
            return "ip addr del " + address.cidr() + " dev " + device;
        }
    }

    /** A route added in the restorer's namespace. */
    record RestorerRoute(Route route, int oif) implements Entry {
        public String describe() {
            return "ip route del " + route.describe();
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    void add(Entry e) {
        entries.add(e);
    }

    /** Newest first: the order of undoing. */
    List<Entry> newestFirst() {
        List<Entry> r = new ArrayList<>(entries);
        Collections.reverse(r);
        return r;
    }

    int size() {
        return entries.size();
    }
}
