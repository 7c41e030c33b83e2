package io.netcr.bridge.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which TCP tables a checkpoint may leave unread, from /proc/net/sockstat and sockstat6 as the kernel prints them. */
class NamespaceStateReaderTest {

    private static final String SOCKSTAT_EMPTY = """
            sockets: used 3
            TCP: inuse 0 orphan 0 tw 0 alloc 0 mem 0
            UDP: inuse 0 mem 0
            """;
    private static final String SOCKSTAT6_EMPTY = "TCP6: inuse 0\nUDP6: inuse 0\n";

    @Test
    void should_leave_both_tables_unread_when_nothing_is_in_use_or_waiting() {
        assertEquals(Set.of("tcp", "tcp6"), NamespaceStateReader.emptyTcpTables(SOCKSTAT_EMPTY, SOCKSTAT6_EMPTY));
    }

    @Test
    void should_read_the_table_of_a_family_with_a_socket_in_use() {
        assertEquals(Set.of("tcp6"), NamespaceStateReader.emptyTcpTables(
                SOCKSTAT_EMPTY.replace("TCP: inuse 0", "TCP: inuse 1"), SOCKSTAT6_EMPTY));
        assertEquals(Set.of("tcp"), NamespaceStateReader.emptyTcpTables(SOCKSTAT_EMPTY, "TCP6: inuse 2\n"));
    }

    @Test
    void should_read_both_tables_when_an_entry_waits_in_time_wait() {
        // tw is one count for both families, and inuse does not count it
        assertEquals(Set.of(), NamespaceStateReader.emptyTcpTables(SOCKSTAT_EMPTY.replace("tw 0", "tw 1"),
                SOCKSTAT6_EMPTY));
    }

    @Test
    void should_read_a_table_whose_counters_are_missing_or_unreadable() {
        assertEquals(Set.of("tcp"), NamespaceStateReader.emptyTcpTables(SOCKSTAT_EMPTY, null)); // no IPv6
        assertEquals(Set.of(), NamespaceStateReader.emptyTcpTables(null, SOCKSTAT6_EMPTY));
        assertEquals(Set.of(), NamespaceStateReader.emptyTcpTables("TCP: inuse x orphan 0 tw 0\n", SOCKSTAT6_EMPTY));
        assertEquals(Set.of(), NamespaceStateReader.emptyTcpTables("TCP: inuse 0 orphan 0\n", SOCKSTAT6_EMPTY));
    }
}
