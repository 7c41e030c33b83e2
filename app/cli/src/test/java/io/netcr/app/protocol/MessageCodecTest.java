package io.netcr.app.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.SubjectPath;
import io.netcr.model.plan.PlanSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageCodecTest {

    private static Message request(Message m) throws ProtocolException {
        String line = MessageCodec.encode(m);
        assertFalse(line.contains("\n"), "one line: " + line);
        return MessageCodec.decodeRequest(line);
    }

    private static Message event(Message m) throws ProtocolException {
        String line = MessageCodec.encode(m);
        assertFalse(line.contains("\n"), "one line: " + line);
        return MessageCodec.decodeEvent(line);
    }

    private static Errno refusedRequest(String line) {
        return assertThrows(ProtocolException.class, () -> MessageCodec.decodeRequest(line), line).code();
    }

    @Test
    void should_read_back_every_request_as_it_was_written() throws ProtocolException {
        List<Message> all = List.of(
                new Requests.Hello(1, List.of(1, 2), "0.1.0"),
                new Requests.Snapshot(2, List.of("red", "nsfs:4026532000", "pid:42")),
                new Requests.Checkpoint(3, List.of("red"), false, true, 10),
                new Requests.Restore(4, 1234, true, Map.of("a", "b", "dev:x", "y"), "p-", true, true, "netcr restore x"),
                new Requests.Cancel(5, 4),
                new Requests.Subscribe(6, List.of("red")),
                new Requests.Status(7),
                new Requests.Recover(10, true, false, "netcr workbench"),
                new Requests.Bye(8));
        for (Message m : all) {
            assertEquals(m, request(m));
        }
        Data data = new Data(9, 3, new byte[] {0, 1, 2, (byte) 0xFF});
        Data back = assertInstanceOf(Data.class, request(data));
        assertEquals(9, back.id());
        assertEquals(3, back.seq());
        assertArrayEquals(data.bytes(), back.bytes());
    }

    @Test
    void should_read_back_every_event_as_it_was_written() throws ProtocolException {
        Diagnostic d = Diagnostic.error(Errno.EEXIST, SubjectPath.of("netns", "red").child("dev", "veth0"), Phase.RESTORE,
                "exists").withKernelMessage("File exists");
        List<Message> all = List.of(
                new Events.AgentHello(List.of(1), "0.1.0", "web2", "6.18", 0, List.of("snapshot", "restore")),
                new Events.Waiting(2, "pid 7 (netcr restore a.netcr) since now"),
                new Events.Begun(3),
                new Events.Planned(4, Map.of("steps", 7L, "names", 1L, "findings", 0L)),
                new Events.Progress(5, true, 2, 9, "ip netns del x"),
                new Events.Error(6, List.of(d)));
        for (Message m : all) {
            assertEquals(m, event(m));
        }
        Events.Result r = assertInstanceOf(Events.Result.class, event(new Events.Result(7, Map.of("size", 12L,
                "ok", true))));
        assertEquals(12L, r.fields().get("size"));
    }

    @Test
    void should_carry_a_plan_in_items_of_bounded_size_and_refuse_a_list_of_the_wrong_size() throws Exception {
        List<PlanSummary.Step> steps = new ArrayList<>();
        for (int i = 0; i < 7000; i++) {
            steps.add(new PlanSummary.Step("AddAddress", java.util.Arrays.asList("ns" + i, null), "ip -n ns" + i
                    + " addr add 10.250.0.1/30 dev eth0"));
        }
        PlanSummary plan = new PlanSummary(steps, Map.of("nsfs:1", "ns1"), List.of(Diagnostic.warning(Errno.ENOSYS,
                SubjectPath.ROOT, Phase.RESTORE, "a warning")));
        List<Message> sent = new ArrayList<>();
        PlanItems.send(11, plan, sent::add);
        assertTrue(sent.size() > 3, "7000 steps take more than one part");
        ItemLists lists = new ItemLists(11);
        Events.Planned planned = null;
        for (Message m : sent) {
            String line = MessageCodec.encode(m);
            assertTrue(line.length() < Protocol.MAX_LINE / 2, "a part stays far below the line bound: " + line.length());
            Message back = MessageCodec.decodeEvent(line);
            if (back instanceof Items i) {
                lists.add(i);
            } else {
                planned = assertInstanceOf(Events.Planned.class, back);
            }
        }
        assertEquals(plan, PlanItems.read(planned, lists));

        ItemLists short1 = new ItemLists(11);
        short1.add((Items) MessageCodec.decodeEvent(MessageCodec.encode(sent.get(0))));
        Events.Planned p = planned;
        assertEquals(Errno.EBADMSG, assertThrows(ProtocolException.class, () -> PlanItems.read(p, short1)).code());
    }

    @Test
    void should_refuse_lines_that_are_not_requests_with_the_code_that_says_why() {
        assertEquals(Errno.EBADMSG, refusedRequest("garbage"));
        assertEquals(Errno.EBADMSG, refusedRequest(""));
        assertEquals(Errno.EBADMSG, refusedRequest("[1,2]"));
        assertEquals(Errno.EBADMSG, refusedRequest("{\"type\":\"bye\",\"id\":1} trailing"));
        assertEquals(Errno.EBADMSG, refusedRequest("{\"type\":\"bye\",\"id\":1"));
        assertEquals(Errno.EBADMSG, refusedRequest("{\"id\":1}"));
        assertEquals(Errno.EBADMSG, refusedRequest("{\"type\":\"bye\"}"));
        assertEquals(Errno.EBADMSG, refusedRequest("{\"type\":\"bye\",\"id\":0}"));
        assertEquals(Errno.EBADMSG, refusedRequest("{\"type\":\"bye\",\"id\":-3}"));
        assertEquals(Errno.EBADMSG, refusedRequest("{\"type\":\"bye\",\"id\":1.5}"));
        assertEquals(Errno.EBADMSG, refusedRequest("{\"type\":\"bye\",\"id\":9007199254740992}"));
        assertEquals(Errno.EBADMSG, refusedRequest("{\"type\":\"bye\",\"id\":1,\"id\":2}"));
        assertEquals(Errno.EBADRQC, refusedRequest("{\"type\":\"format-disk\",\"id\":1}"));
        assertEquals(Errno.EBADMSG, refusedRequest("{\"type\":\"snapshot\",\"id\":1,\"netns\":\"red\"}"));
        assertEquals(Errno.EBADMSG, refusedRequest("{\"type\":\"snapshot\",\"id\":1,\"netns\":[1]}"));
        assertEquals(Errno.EBADMSG, refusedRequest("{\"type\":\"cancel\",\"id\":1}"));
        assertEquals(Errno.ERANGE, refusedRequest("{\"type\":\"restore\",\"id\":1,\"size\":0}"));
        assertEquals(Errno.ERANGE, refusedRequest("{\"type\":\"restore\",\"id\":1,\"size\":" + (Protocol.MAX_PAYLOAD + 1)
                + "}"));
        assertEquals(Errno.ERANGE, refusedRequest("{\"type\":\"checkpoint\",\"id\":1,\"maxAddresses\":0}"));
        assertEquals(Errno.EBADMSG, refusedRequest("{\"type\":\"data\",\"id\":1,\"seq\":0,\"data\":\"not base64!\"}"));
        assertEquals(Errno.E2BIG, refusedRequest("{\"type\":\"snapshot\",\"id\":1,\"netns\":[\"" + "n".repeat(5000)
                + "\"]}"));
        assertEquals(Errno.EBADMSG, refusedRequest("{\"type\":\"bye\",\"id\":1,\"x\":" + "[".repeat(40) + "]".repeat(40)
                + "}"));
    }

    /**
     * A seeded shower of mutations, quick and in every build (AgentProtocolFuzzTest fuzzes the same reader with
     * coverage guidance): every line is either a message or a ProtocolException, never anything else.
     */
    @Test
    void should_answer_any_mutation_of_a_message_with_a_message_or_a_protocol_exception() {
        List<String> seeds = List.of(
                MessageCodec.encode(new Requests.Restore(4, 1234, true, Map.of("a", "b"), "p-", true, true, "x")),
                MessageCodec.encode(new Requests.Checkpoint(3, List.of("red"), false, true, 10)),
                MessageCodec.encode(new Data(9, 3, new byte[] {0, 1, 2})),
                MessageCodec.encode(new Events.Progress(5, true, 2, 9, "ip netns del x")),
                MessageCodec.encode(new Events.AgentHello(List.of(1), "0.1.0", "web2", "6.18", 0, List.of("restore"))));
        java.util.Random random = new java.util.Random(13);
        String alphabet = "{}[]\",:0123456789-+.eEtrufalsn \\u00ff\n";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder line = new StringBuilder(seeds.get(random.nextInt(seeds.size())));
            for (int k = 1 + random.nextInt(4); k > 0 && line.length() > 0; k--) {
                int at = random.nextInt(line.length());
                switch (random.nextInt(3)) {
                    case 0 -> line.deleteCharAt(at);
                    case 1 -> line.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> line.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            for (boolean request : new boolean[] {true, false}) {
                try {
                    Message m = request ? MessageCodec.decodeRequest(line.toString())
                            : MessageCodec.decodeEvent(line.toString());
                    assertFalse(MessageCodec.encode(m).contains("\n"), "a message read back is one line");
                } catch (ProtocolException e) {
                    assertTrue(e.getMessage() != null && !e.getMessage().isEmpty(), line.toString());
                }
            }
        }
    }

    @Test
    void should_keep_the_request_id_in_a_refusal_when_it_could_be_read() {
        ProtocolException e = assertThrows(ProtocolException.class,
                () -> MessageCodec.decodeRequest("{\"type\":\"snapshot\",\"id\":17,\"netns\":5}"));
        assertEquals(17, e.id());
    }

    @Test
    void should_refuse_an_agent_hello_without_the_agent_mark() {
        assertThrows(ProtocolException.class, () -> MessageCodec.decodeEvent("{\"type\":\"hello\",\"id\":0,"
                + "\"protocols\":[1]}"));
    }

    @Test
    void should_pick_the_newest_common_version_or_none() {
        assertEquals(1, Protocol.common(List.of(3, 1)));
        assertEquals(-1, Protocol.common(List.of(2, 99)));
        assertEquals(-1, Protocol.common(List.of()));
    }
}
