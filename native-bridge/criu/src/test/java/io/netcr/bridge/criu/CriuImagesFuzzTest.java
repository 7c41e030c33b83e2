package io.netcr.bridge.criu;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netcr.model.ReadMode;
import io.netcr.model.fuzz.ReaderContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Coverage-guided fuzzing of CRIU's network images, one file at a time inside the real dump of the test
 * resources (so that a damaged file meets the others as it would in a real dump): the protobuf images
 * (netdev-N, netns-N) and the iproute2 save streams (ifaddr-N, route-N, route6-N, rule-N). The first byte
 * of an input picks the file, the rest is its content. Contract: {@link ReaderContract}. Seeds and past
 * findings: {@code src/test/resources/io/netcr/bridge/criu/CriuImagesFuzzTestInputs/METHOD}.
 */
class CriuImagesFuzzTest {

    static final List<String> PROTOBUF = List.of("netdev-9.img", "netns-9.img");
    static final List<String> STREAMS = List.of("ifaddr-9.img", "route-9.img", "route6-9.img", "rule-9.img");
    private static final Map<String, byte[]> SAMPLE = sample();

    static {
        CriuDumpReader.read(new CriuFiles("warm-up", SAMPLE), ReadMode.SALVAGE);
    }

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void readProtobufImage(byte[] input) {
        read(PROTOBUF, input);
    }

    @FuzzTest
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void readNetlinkStream(byte[] input) {
        read(STREAMS, input);
    }

    private static void read(List<String> choices, byte[] input) {
        if (input.length == 0) {
            return;
        }
        Map<String, byte[]> files = new TreeMap<>(SAMPLE);
        files.put(choices.get((input[0] & 0xff) % choices.size()), Arrays.copyOfRange(input, 1, input.length));
        CriuFiles dump = new CriuFiles("fuzz", files);
        ReaderContract.check(input.length, () -> CriuDumpReader.read(dump, ReadMode.STRICT));
        ReaderContract.check(input.length, () -> CriuDumpReader.read(dump, ReadMode.SALVAGE));
    }

    /** The network images of the real dump, from the test class path. */
    static Map<String, byte[]> sample() {
        Map<String, byte[]> files = new TreeMap<>();
        for (String name : List.of("netdev-9.img", "netns-9.img", "ifaddr-9.img", "route-9.img", "route6-9.img",
                "rule-9.img", "iptables-9.img", "ip6tables-9.img", "nftables-9.img")) {
            try (InputStream in = CriuImagesFuzzTest.class.getResourceAsStream("/criu/veth-external/" + name)) {
                files.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }
}
