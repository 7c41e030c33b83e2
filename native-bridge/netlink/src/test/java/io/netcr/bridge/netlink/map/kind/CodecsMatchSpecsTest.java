package io.netcr.bridge.netlink.map.kind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.bridge.netlink.AttributeTree;
import io.netcr.model.link.KindField;
import io.netcr.model.link.KindSpec;
import io.netcr.model.link.LinkKinds;
import io.netcr.model.link.ValueType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The codecs and the model's kind specs name the same kinds and the same settings: every setting a spec has
 * goes out through its codec and comes back as the same text (booleans, some of which are flags in requests and
 * u8 in dumps, are held to the fixtures instead), and everything a codec read from the fixtures is a setting
 * the spec accepts.
 */
class CodecsMatchSpecsTest {

    @Test
    void should_have_a_codec_for_every_kind_with_a_spec_and_back() {
        assertEquals(LinkKinds.specs().keySet(), KindCodecs.kinds());
    }

    @Test
    void should_send_and_read_back_every_setting_but_booleans() {
        for (KindSpec spec : LinkKinds.specs().values()) {
            if (spec.making() == KindSpec.Making.TUN_IOCTL) {
                continue; // made by ioctl: its codec only reads
            }
            Map<String, String> settings = new HashMap<>();
            for (KindField f : spec.fields()) {
                if (f.type() != ValueType.BOOL) {
                    settings.put(f.key(), f.type().example());
                }
            }
            if (spec.kind().equals("bond")) {
                settings.put("mode", "balance-rr"); // every option it has but 802.3ad's and tlb's
                List.of("ad_lacp_rate", "ad_actor_sys_prio", "ad_actor_system", "ad_user_port_key", "ad_lacp_active")
                        .forEach(settings::remove);
            }
            KindCodec codec = KindCodecs.of(spec.kind()).orElseThrow();
            byte[] sent = KindFixtures.encoded(codec, settings);
            KindData back = codec.decode(AttributeTree.parse(ByteBuffer.wrap(sent).order(ByteOrder.nativeOrder()),
                    sent.length, 0, spec.kind()));
            Map<String, String> read = new HashMap<>(back.config());
            read.keySet().removeIf(key -> spec.field(key).type() == ValueType.BOOL); // a vlan's flags come as a set
            assertEquals(settings, read, spec.kind());
        }
    }

    @Test
    void should_read_from_the_fixtures_only_settings_the_specs_accept() {
        String[][] sections = {{"tun", "kind_tun.hex", "tp0"}, {"tun", "kind_tun.hex", "tn0"},
            {"macvlan", "kind_macvlan.hex", "mv0"}, {"macvlan", "kind_macvlan.hex", "ms0"},
            {"vxlan", "kind_vxlan.hex", "vx0 ("}, {"vxlan", "kind_vxlan.hex", "vx6 ("},
            {"vlan", "kind_vlan.hex", "dump"}, {"ipvlan", "kind_ipvlan.hex", "dump"},
            {"ipip", "kind_iptun.hex", "ipip"}, {"sit", "kind_iptun.hex", "sit"}, {"ip6tnl", "kind_iptun.hex", "ip6tnl"},
            {"gretap", "kind_gre.hex", "gretap"}, {"ip6gre", "kind_gre.hex", "ip6gre"}, {"bond", "kind_bond.hex", "dump"}};
        for (String[] s : sections) {
            KindSpec spec = LinkKinds.spec(s[0]).orElseThrow();
            Map<String, String> config = KindCodecs.of(s[0]).orElseThrow().decode(KindFixtures.section(s[1], s[2]))
                    .config();
            assertTrue(spec.unknownKeys(config).isEmpty(), s[2] + ": " + spec.unknownKeys(config));
            assertTrue(spec.badValues(config).isEmpty(), s[2] + ": " + spec.badValues(config));
        }
    }
}
