package io.netcr.model.image;

import io.netcr.model.Errno;
import io.netcr.model.Firewall;
import io.netcr.model.Neighbour;
import io.netcr.model.PolicyRule;
import io.netcr.model.PolicyRuleFields;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The records of a namespace's state (format version 2, docs/image-format.md §4.8-4.13): STATE marks a
 * namespace whose state was recorded; RULES, NEIGHBOURS, SYSCTLS and FIREWALL hold it, DEVICE_SYSCTLS a
 * device's own keys. Encoded and decoded here, apart from the records of version 1. A bad entry of a list
 * is reported and dropped; the rest of the list is kept.
 */
final class StateRecords {

    /** The firewall format version 2 knows: the JSON of {@code nft -j list ruleset}. */
    static final String NFTABLES_JSON = "nftables-json";
    static final int FIREWALL_SKIPPED = 0x1;

    /** family, priority, action length, fields count: the least a rule entry takes. */
    private static final int MIN_RULE = 1 + 4 + 2 + 4;
    /** family and five string lengths. */
    private static final int MIN_NEIGHBOUR = 1 + 2 * 5;

    record StateRec(Frame frame, int nsRef) {
    }

    record RulesRec(Frame frame, int nsRef, List<PolicyRule> rules) {
    }

    record NeighboursRec(Frame frame, int nsRef, List<Neighbour> neighbours) {
    }

    record SysctlsRec(Frame frame, int nsRef, Map<String, String> sysctls) {
    }

    record DeviceSysctlsRec(Frame frame, int deviceRef, Map<String, String> sysctls) {
    }

    record FirewallRec(Frame frame, int nsRef, Firewall firewall) {
    }

    /** Every state record of an image that could be decoded, by type, in file order. */
    static final class Found {
        final List<StateRec> states = new ArrayList<>();
        final List<RulesRec> rules = new ArrayList<>();
        final List<NeighboursRec> neighbours = new ArrayList<>();
        final List<SysctlsRec> sysctls = new ArrayList<>();
        final List<DeviceSysctlsRec> deviceSysctls = new ArrayList<>();
        final List<FirewallRec> firewalls = new ArrayList<>();
    }

    private StateRecords() {
    }

    static boolean isStateType(int type) {
        return type >= ImageFormat.TYPE_STATE && type <= ImageFormat.TYPE_FIREWALL;
    }

    // ---- writing

    static byte[] state(int nsRef) {
        return new ByteSink().u32(nsRef).u32(0).toByteArray();
    }

    static byte[] rules(List<PolicyRule> rules, int nsRef) {
        ByteSink b = new ByteSink().u32(nsRef).u32(rules.size());
        for (PolicyRule r : rules) {
            if (r.priority() < 0 || r.priority() > PolicyRule.MAX_PRIORITY) {
                throw new IllegalArgumentException("rule priority " + r.priority() + " does not fit 32 bits");
            }
            b.u8(Codes.family(r.family())).u32(r.priority()).string(r.action().kind())
                    .properties(PolicyRuleFields.fields(r));
        }
        return b.toByteArray();
    }

    static byte[] neighbours(List<Neighbour> neighbours, int nsRef) {
        ByteSink b = new ByteSink().u32(nsRef).u32(neighbours.size());
        for (Neighbour n : neighbours) {
            b.u8(Codes.family(n.family())).string(n.address()).string(n.device()).string(n.lladdr())
                    .string(String.join(" ", n.states())).string(String.join(" ", n.flags()));
        }
        return b.toByteArray();
    }

    static byte[] sysctls(Map<String, String> sysctls, int ref) {
        return new ByteSink().u32(ref).properties(sysctls).toByteArray();
    }

    static byte[] firewall(Firewall f, int nsRef) {
        byte[] json = f.ruleset().getBytes(StandardCharsets.UTF_8);
        return new ByteSink().u32(nsRef).u8(f.skipped() ? FIREWALL_SKIPPED : 0).string(NFTABLES_JSON).u32(json.length)
                .bytes(json).toByteArray();
    }

    // ---- reading

    /** Decodes one state record into {@code into}; a body that cannot be decoded throws ImageDamage. */
    static void decode(byte[] image, Frame f, Found into, ReadLog log) throws ImageDamage {
        ByteSource in = f.body(image);
        int ref = (int) in.u32(f.type() == ImageFormat.TYPE_DEVICE_SYSCTLS ? "device ref" : "namespace ref");
        switch (f.type()) {
            case ImageFormat.TYPE_STATE -> {
                long flags = in.u32("state flags");
                if (flags != 0) {
                    throw new ImageDamage(Errno.EINVAL, String.format("state flags 0x%x include undefined bits", flags));
                }
                in.expectEnd("state record");
                into.states.add(new StateRec(f, ref));
            }
            case ImageFormat.TYPE_RULES -> into.rules.add(new RulesRec(f, ref, rules(in, f, log)));
            case ImageFormat.TYPE_NEIGHBOURS -> into.neighbours.add(new NeighboursRec(f, ref, neighbours(in, f, log)));
            case ImageFormat.TYPE_SYSCTLS -> {
                Map<String, String> keys = in.properties("sysctls");
                in.expectEnd("sysctl record");
                into.sysctls.add(new SysctlsRec(f, ref, keys));
            }
            case ImageFormat.TYPE_DEVICE_SYSCTLS -> {
                Map<String, String> keys = in.properties("device sysctls");
                in.expectEnd("device sysctl record");
                into.deviceSysctls.add(new DeviceSysctlsRec(f, ref, keys));
            }
            default -> into.firewalls.add(new FirewallRec(f, ref, firewall(in)));
        }
    }

    private static List<PolicyRule> rules(ByteSource in, Frame f, ReadLog log) throws ImageDamage {
        int n = in.count(MIN_RULE, "rules");
        List<PolicyRule> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int at = in.position();
            int af = in.u8("family");
            long priority = in.u32("priority");
            String action = in.text("action");
            Map<String, String> fields = in.properties("rule fields");
            String family = Codes.family(af);
            String entry = "rule " + i + " at offset " + at + ": ";
            if (family == null) {
                log.damage(Errno.EAFNOSUPPORT, f, entry + "family " + af + " is neither AF_INET (2) nor AF_INET6 (10);"
                        + " the rule is dropped");
                continue;
            }
            try {
                list.add(PolicyRuleFields.rule(family, priority, action, fields));
            } catch (IllegalArgumentException e) {
                log.damage(Errno.EINVAL, f, entry + e.getMessage() + "; the rule is dropped");
            }
        }
        in.expectEnd("rule list");
        return list;
    }

    private static List<Neighbour> neighbours(ByteSource in, Frame f, ReadLog log) throws ImageDamage {
        int n = in.count(MIN_NEIGHBOUR, "neighbours");
        List<Neighbour> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int at = in.position();
            int af = in.u8("family");
            String address = in.text("neighbour address");
            String device = in.text("neighbour device");
            String lladdr = in.string("link-layer address");
            String states = in.text("neighbour states");
            String flags = in.text("neighbour flags");
            String family = Codes.family(af);
            if (family == null) {
                log.damage(Errno.EAFNOSUPPORT, f, "neighbour " + i + " at offset " + at + ": family " + af
                        + " is neither AF_INET (2) nor AF_INET6 (10); the neighbour is dropped");
                continue;
            }
            list.add(new Neighbour(family, address, device, lladdr, words(states), words(flags)));
        }
        in.expectEnd("neighbour list");
        return list;
    }

    private static List<String> words(String text) {
        return text.isEmpty() ? List.of() : Arrays.asList(text.split(" ", -1));
    }

    private static Firewall firewall(ByteSource in) throws ImageDamage {
        int flags = in.u8("firewall flags");
        if ((flags & ~FIREWALL_SKIPPED) != 0) {
            throw new ImageDamage(Errno.EINVAL, String.format("firewall flags 0x%02x include undefined bits", flags));
        }
        int at = in.position();
        String format = in.text("firewall format");
        if (!NFTABLES_JSON.equals(format)) {
            throw new ImageDamage(Errno.EINVAL, "firewall format '" + format + "' at offset " + at + " is not "
                    + NFTABLES_JSON + ", the one version 2 knows");
        }
        long length = in.u32("ruleset length");
        if (length > in.remaining()) {
            throw new ImageDamage(Errno.EBADMSG, "a ruleset of " + length + " bytes but only " + in.remaining()
                    + " remain in the record");
        }
        int textAt = in.position();
        byte[] json = in.bytes((int) length, "ruleset");
        in.expectEnd("firewall record");
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(json)).toString();
            return new Firewall(text, (flags & FIREWALL_SKIPPED) != 0);
        } catch (CharacterCodingException e) {
            throw new ImageDamage(Errno.EILSEQ, "the ruleset at offset " + textAt + " is not valid UTF-8");
        }
    }
}
