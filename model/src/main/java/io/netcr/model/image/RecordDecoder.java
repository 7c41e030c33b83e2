package io.netcr.model.image;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Holder;
import io.netcr.model.LinkConfig;
import io.netcr.model.Phase;
import io.netcr.model.Severity;
import io.netcr.model.SubjectPath;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decodes the body of the source, namespace, device and diagnostic records (address and route lists
 * are in {@link ListDecoder}). A body that cannot be decoded throws {@link ImageDamage}, which the
 * caller turns into a diagnostic for that record; the record is then lost, the others are not.
 */
final class RecordDecoder {

    private RecordDecoder() {
    }

    static Wire.SourceRec source(byte[] image, Frame f) throws ImageDamage {
        ByteSource in = f.body(image);
        int initRef = (int) in.u32("init namespace ref");
        String host = in.string("host");
        String kernel = in.string("kernel");
        Instant time = null;
        int hasTime = in.u8("time flag");
        if (hasTime == 1) {
            long seconds = in.i64("time seconds");
            long nanos = in.u32("time nanoseconds");
            if (nanos > 999_999_999L) {
                throw new ImageDamage(Errno.EINVAL, "time nanoseconds " + nanos + " exceed one second");
            }
            try {
                time = Instant.ofEpochSecond(seconds, nanos);
            } catch (DateTimeException e) {
                throw new ImageDamage(Errno.EINVAL, "time " + seconds + " s is outside the range of a date");
            }
        } else if (hasTime != 0) {
            throw new ImageDamage(Errno.EINVAL, "time flag " + hasTime + " is neither 0 nor 1");
        }
        String tool = in.string("tool");
        in.expectEnd("source record");
        return new Wire.SourceRec(f, initRef, host, kernel, time, tool);
    }

    static Wire.NamespaceRec namespace(byte[] image, Frame f) throws ImageDamage {
        ByteSource in = f.body(image);
        int ref = (int) in.u32("objref");
        String id = in.text("namespace id");
        int flags = in.u8("namespace flags");
        if ((flags & ~ImageFormat.NS_INIT) != 0) {
            throw new ImageDamage(Errno.EINVAL, String.format("namespace flags 0x%02x include undefined bits", flags));
        }
        int nNames = in.count(2, "names");
        List<String> names = new ArrayList<>(nNames);
        for (int i = 0; i < nNames; i++) {
            names.add(in.text("name"));
        }
        int nHolders = in.count(6, "holders");
        List<Holder> holders = new ArrayList<>(nHolders);
        for (int i = 0; i < nHolders; i++) {
            holders.add(new Holder(in.i32("holder pid"), in.string("holder command")));
        }
        Map<String, String> props = in.properties("namespace properties");
        in.expectEnd("namespace record");
        return new Wire.NamespaceRec(f, ref, id, (flags & ImageFormat.NS_INIT) != 0, names, holders, props);
    }

    static Wire.DeviceRec device(byte[] image, Frame f) throws ImageDamage {
        ByteSource in = f.body(image);
        int ref = (int) in.u32("objref");
        int nsRef = (int) in.u32("namespace ref");
        int ifindex = in.i32("ifindex");
        String name = in.text("device name");
        String kind = in.text("device kind");
        int macLen = in.u8("hardware address length");
        if (macLen > ImageFormat.MAX_MAC) {
            throw new ImageDamage(Errno.EINVAL, "hardware address of " + macLen + " bytes; at most "
                    + ImageFormat.MAX_MAC + " exist");
        }
        String mac = macLen == 0 ? null : macText(in.bytes(macLen, "hardware address"));
        int mtu = in.i32("mtu");
        int flags = in.u8("device flags");
        if ((flags & ~ImageFormat.KNOWN_DEV_FLAGS) != 0) {
            throw new ImageDamage(Errno.EINVAL, String.format("device flags 0x%02x include undefined bits", flags));
        }
        String operstate = in.text("operstate");
        int master = (int) in.u32("master ref");
        Wire.RefRec peer = ref(in, "peer");
        Wire.RefRec parent = ref(in, "parent");
        Map<String, String> props = in.properties("device properties");
        in.expectEnd("device record");
        return new Wire.DeviceRec(f, ref, nsRef, ifindex, name, kind, mac, mtu, (flags & ImageFormat.DEV_UP) != 0,
                (flags & ImageFormat.DEV_SKIPPED) != 0, operstate, master, peer, parent, props);
    }

    private static Wire.RefRec ref(ByteSource in, String what) throws ImageDamage {
        int at = in.position();
        int tag = in.u8(what + " tag");
        return switch (tag) {
            case ImageFormat.REF_NONE -> Wire.RefRec.NONE;
            case ImageFormat.REF_OBJECT -> new Wire.RefRec(tag, (int) in.u32(what + " objref"), null, 0, null);
            case ImageFormat.REF_EXTERNAL -> new Wire.RefRec(tag, 0, in.text(what + " namespace"),
                    in.i32(what + " ifindex"), in.string(what + " name"));
            case ImageFormat.REF_UNRESOLVED -> new Wire.RefRec(tag, 0, null, in.i32(what + " ifindex"),
                    in.string(what + " name"));
            default -> throw new ImageDamage(Errno.EINVAL, what + " tag " + tag + " at offset " + at
                    + " is not one of 0..3");
        };
    }

    private static String macText(byte[] mac) {
        StringBuilder sb = new StringBuilder(mac.length * 3);
        for (byte b : mac) {
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }

    static Wire.LinkRec link(byte[] image, Frame f) throws ImageDamage {
        ByteSource in = f.body(image);
        int ref = (int) in.u32("device ref");
        int mode = in.u8("address generation mode");
        if (mode != ImageFormat.ADDR_GEN_MODE_UNKNOWN && mode >= LinkConfig.ADDR_GEN_MODES.size()) {
            throw new ImageDamage(Errno.EINVAL, "address generation mode " + mode + " is not one of 0.."
                    + (LinkConfig.ADDR_GEN_MODES.size() - 1) + " or 255 (unknown)");
        }
        Map<String, String> data = in.properties("link settings");
        in.expectEnd("link record");
        return new Wire.LinkRec(f, ref, LinkConfig.of(data,
                mode == ImageFormat.ADDR_GEN_MODE_UNKNOWN ? null : LinkConfig.ADDR_GEN_MODES.get(mode)));
    }

    static Diagnostic diagnostic(byte[] image, Frame f) throws ImageDamage {
        ByteSource in = f.body(image);
        long number = in.u32("errno");
        String name = in.text("errno name");
        int sev = in.u8("severity");
        int ph = in.u8("phase");
        String subjectText = in.text("subject");
        String message = in.text("message");
        String kernel = in.string("kernel message");
        in.expectEnd("diagnostic record");
        Errno code = Errno.ofName(name).orElseThrow(() -> new ImageDamage(Errno.EINVAL,
                "'" + name + "' is not an errno name"));
        if (code.number() != number) {
            throw new ImageDamage(Errno.EINVAL, "errno " + name + " is " + code.number() + ", not " + number);
        }
        Severity severity = Codes.severity(sev);
        Phase phase = Codes.phase(ph);
        if (severity == null || phase == null) {
            throw new ImageDamage(Errno.EINVAL, "severity " + sev + " or phase " + ph + " is not defined");
        }
        SubjectPath subject;
        try {
            subject = SubjectPath.parse(subjectText);
        } catch (IllegalArgumentException e) {
            throw new ImageDamage(Errno.EINVAL, "subject '" + subjectText + "' is not a subject path");
        }
        return new Diagnostic(code, severity, subject, phase, message, kernel);
    }
}
