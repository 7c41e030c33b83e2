package io.netcr.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubjectPathTest {

    @Test
    void should_print_and_parse_the_documented_example() {
        SubjectPath p = SubjectPath.of("netns", "red").child("dev", "veth0").child("addr", "10.250.0.1/24");
        assertEquals("netns:red/dev:veth0/addr:10.250.0.1/24", p.toString());
        assertEquals(p, SubjectPath.parse(p.toString()));
        assertEquals(List.of("netns", "dev", "addr"), p.segments().stream().map(SubjectPath.Segment::kind).toList());
    }

    @Test
    void should_keep_ipv6_addresses_and_prefixes_intact() {
        SubjectPath p = SubjectPath.parse("netns:blue/dev:br0/addr:fd00:250::1/64");
        assertEquals("fd00:250::1/64", p.valueOf("addr"));
        assertEquals("br0", p.valueOf("dev"));
    }

    @Test
    void should_escape_slashes_in_names_so_a_hostile_name_stays_one_segment() {
        SubjectPath p = SubjectPath.of("netns", "../../etc/x").child("dev", "a%b");
        assertEquals("netns:..%2F..%2Fetc%2Fx/dev:a%25b", p.toString());
        assertEquals(p, SubjectPath.parse(p.toString()));
    }

    @Test
    void should_keep_file_paths_readable() {
        SubjectPath p = SubjectPath.of("file", "/var/lib/netcr/x.netcr").child("record", "3");
        assertEquals("file:/var/lib/netcr/x.netcr/record:3", p.toString());
        assertEquals(p, SubjectPath.parse(p.toString()));
    }

    @Test
    void should_walk_up_to_the_owner() {
        SubjectPath addr = SubjectPath.parse("netns:red/dev:veth0/addr:10.250.0.1/24");
        assertEquals(SubjectPath.parse("netns:red/dev:veth0"), addr.parent());
        assertEquals(SubjectPath.ROOT, addr.parent().parent().parent());
        assertTrue(addr.startsWith(SubjectPath.parse("netns:red")));
        assertEquals("", SubjectPath.ROOT.toString());
        assertEquals(SubjectPath.ROOT, SubjectPath.parse(""));
    }

    @Test
    void should_refuse_a_segment_without_kind() {
        assertThrows(IllegalArgumentException.class, () -> SubjectPath.parse("red"));
        assertThrows(IllegalArgumentException.class, () -> SubjectPath.parse("Netns:red"));
    }
}
