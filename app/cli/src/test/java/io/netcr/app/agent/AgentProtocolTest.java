package io.netcr.app.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netcr.app.hosts.HostStatus;
import io.netcr.app.hosts.RecoveryOutcome;
import io.netcr.app.hosts.StubHost;
import io.netcr.app.services.RecoveryService;
import io.netcr.app.protocol.Protocol;
import io.netcr.app.testing.Fixtures;
import io.netcr.model.Diagnostic;
import io.netcr.model.Errno;
import io.netcr.model.Phase;
import io.netcr.model.SubjectPath;
import io.netcr.model.image.ImageWriter;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The agent's side of the protocol on its own, over real pipes, with a host that has no kernel behind it: the hello
 * first, garbage and oversized lines answered without losing step, unknown versions refused, uploads checked,
 * cancels, and — the point of the agent — work that outlives its connection.
 */
class AgentProtocolTest {

    private final StubHost host = new StubHost(Fixtures.demo());

    @Test
    void should_greet_first_with_who_it_is_and_answer_a_hello_with_the_version() throws Exception {
        try (RawClient c = new RawClient(host)) {
            Map<String, Object> hello = c.next();
            assertEquals("hello", hello.get("type"));
            assertEquals(Protocol.AGENT_MARK, hello.get("agent"));
            assertEquals(List.of(1L), hello.get("protocols"));
            assertEquals("stubhost", hello.get("host"));
            assertEquals(0L, hello.get("uid"));
            c.send("{\"type\":\"hello\",\"id\":1,\"protocols\":[7,1],\"netcr\":\"test\"}");
            assertEquals(1L, c.next().get("protocol"));
            c.send("{\"type\":\"bye\",\"id\":2}");
            assertEquals(Map.of("type", "result", "id", 2L), c.next());
            assertEquals(0, c.agent.awaitExit(RawClient.WAIT_MILLIS));
        }
    }

    @Test
    void should_refuse_a_client_of_an_unknown_version_clearly_and_end() throws Exception {
        try (RawClient c = new RawClient(host)) {
            c.next();
            c.send("{\"type\":\"hello\",\"id\":1,\"protocols\":[2,3],\"netcr\":\"9.0\"}");
            Map<String, Object> refusal = c.next();
            assertEquals("EPROTONOSUPPORT", RawClient.code(refusal));
            assertTrue(refusal.toString().contains("install the same netcr version"), refusal.toString());
            assertEquals(Session.NO_COMMON_VERSION, c.agent.awaitExit(RawClient.WAIT_MILLIS), "it ends; never a hang");
            assertEquals("EOF", c.next().get("type"));
        }
    }

    @Test
    void should_ask_for_a_hello_before_anything_else() throws Exception {
        try (RawClient c = new RawClient(host)) {
            c.next();
            c.send("{\"type\":\"snapshot\",\"id\":5,\"netns\":[]}");
            Map<String, Object> e = c.next();
            assertEquals("EPROTO", RawClient.code(e));
            assertEquals(5L, e.get("id"));
            c.sayHello(); // and the conversation goes on
        }
    }

    @Test
    void should_answer_garbage_oversized_and_broken_lines_and_stay_in_step() throws Exception {
        try (RawClient c = new RawClient(host)) {
            c.hello();
            c.send("garbage");
            assertEquals("EBADMSG", RawClient.code(c.next()));
            c.send("{\"type\":\"snapshot\",\"id\":3,\"netns\":17}");
            Map<String, Object> typed = c.next();
            assertEquals("EBADMSG", RawClient.code(typed));
            assertEquals(3L, typed.get("id"), "the id is kept when it could be read");
            c.send("{\"type\":\"rm -rf\",\"id\":4}");
            assertEquals("EBADRQC", RawClient.code(c.next()));
            c.send("{\"type\":\"snapshot\",\"id\":6,\"netns\":[\"" + "x".repeat(Protocol.MAX_LINE) + "\"]}");
            assertEquals("EMSGSIZE", RawClient.code(c.next()));
            c.sendBytes(new byte[] {'{', (byte) 0xFF, (byte) 0xFE, '}', '\n'});
            assertEquals("EILSEQ", RawClient.code(c.next()));
            c.send("{\"type\":\"snapshot\",\"id\":7,\"netns\":[\"../../etc\"]}");
            assertEquals("EINVAL", RawClient.code(c.next()), "a selector that is a path is refused");
            c.send("{\"type\":\"snapshot\",\"id\":8,\"netns\":[]}");
            Map<String, Object> m = c.nextOf("result");
            assertEquals(8L, m.get("id"), "after all that, a request is answered as usual: " + m);
            assertTrue((Long) m.get("size") > 0);
        }
    }

    @Test
    void should_stop_listening_after_too_many_bad_lines_but_not_hang() throws Exception {
        try (RawClient c = new RawClient(host)) {
            c.hello();
            for (int i = 0; i <= Session.MAX_BAD_LINES; i++) {
                c.send("not a message " + i);
            }
            Map<String, Object> last = c.nextOf("EOF");
            assertEquals("EOF", last.get("type"));
            assertEquals(0, c.agent.awaitExit(RawClient.WAIT_MILLIS));
        }
    }

    @Test
    void should_relay_a_hosts_refusal_to_subscribe() throws Exception {
        try (RawClient c = new RawClient(host)) {
            c.hello();
            c.send("{\"type\":\"subscribe\",\"id\":2}");
            assertEquals("ENOSYS", RawClient.code(c.next()));
        }
    }

    @Test
    void should_tell_how_restores_stand_from_the_journal_each_part_only_when_there_is_one() throws Exception {
        try (RawClient c = new RawClient(host)) {
            c.hello();
            c.send("{\"type\":\"status\",\"id\":3}");
            assertEquals(Map.of("type", "result", "id", 3L), c.next(), "nothing to say: no field at all");
            host.status = new HostStatus("pid 42 (netcr restore a.netcr), started T: 5 of 20 steps done", null,
                    null, "the last restore ... ended T: rolled back\nin two lines");
            c.send("{\"type\":\"status\",\"id\":4}");
            Map<String, Object> s = c.next();
            assertEquals("pid 42 (netcr restore a.netcr), started T: 5 of 20 steps done", s.get("leftover"));
            assertEquals("the last restore ... ended T: rolled back?in two lines", s.get("last"),
                    "one printable line");
            assertTrue(!s.containsKey("running") && !s.containsKey("damaged"), s.toString());
        }
    }

    @Test
    void should_recover_there_and_send_what_it_did() throws Exception {
        host.recovery = new RecoveryOutcome(RecoveryService.Kind.RAN, "pid 42 (netcr restore a.netcr)", false,
                List.of("ip netns del red", "ip link del veth0"), List.of(Diagnostic.error(Errno.EBUSY,
                SubjectPath.of("netns", "blue"), Phase.RESTORE, "blue changed since; left alone")));
        try (RawClient c = new RawClient(host)) {
            c.hello();
            c.send("{\"type\":\"recover\",\"id\":5,\"finish\":false,\"dryRun\":true,\"holder\":\"workbench\"}");
            Map<String, Object> actions = c.nextOf("items");
            assertEquals("actions", actions.get("list"));
            assertEquals(List.of(Map.of("text", "ip netns del red"), Map.of("text", "ip link del veth0")),
                    actions.get("items"));
            Map<String, Object> result = c.nextOf("result");
            assertEquals("RAN", result.get("kind"));
            assertEquals(false, result.get("success"));
            assertEquals(Map.of("actions", 2L, "diagnostics", 1L), result.get("counts"));
            assertEquals(1, host.recoveries.get());
            assertEquals("netcr agent recover: workbench", host.lastRecoveryHolder);
        }
    }

    @Test
    void should_refuse_data_out_of_order_or_for_no_restore_and_run_nothing() throws Exception {
        byte[] image = ImageWriter.toBytes(Fixtures.demo());
        try (RawClient c = new RawClient(host)) {
            c.hello();
            c.send("{\"type\":\"data\",\"id\":9,\"seq\":0,\"data\":\"AAAA\"}");
            assertEquals("ENOENT", RawClient.code(c.next()));
            c.send(restore(2, image.length, false));
            c.send(data(2, 1, new byte[] {1, 2, 3}));
            assertEquals("EBADMSG", RawClient.code(c.next()), "piece 1 before piece 0");
            c.send(restore(3, 4, false));
            c.send(data(3, 0, new byte[] {1, 2, 3, 4, 5}));
            assertEquals("EBADMSG", RawClient.code(c.next()), "more than announced");
            c.send(restore(4, 8, false));
            c.send(data(4, 0, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}));
            Map<String, Object> refused = c.nextOf("result");
            assertEquals(false, refused.get("ran"), "not an image: refused as a file would be");
            assertEquals(0, host.restoresBegun.get());
        }
    }

    @Test
    void should_cancel_an_upload_and_a_restore_waiting_for_the_lock_and_change_nothing() throws Exception {
        host.lockHolder = "pid 1 (another restore)";
        byte[] image = ImageWriter.toBytes(Fixtures.demo());
        try (RawClient c = new RawClient(host)) {
            c.hello();
            c.send(restore(2, image.length, false));
            c.send("{\"type\":\"cancel\",\"id\":3,\"target\":2}");
            assertEquals("ECANCELED", RawClient.code(c.next()));
            assertEquals(Map.of("type", "result", "id", 3L, "cancelled", true), c.next());

            c.send(restore(4, image.length, false));
            sendImage(c, 4, image);
            Map<String, Object> waiting = c.next();
            assertEquals("waiting", waiting.get("type"), waiting.toString());
            assertEquals("pid 1 (another restore)", waiting.get("holder"));
            c.send("{\"type\":\"cancel\",\"id\":5,\"target\":4}");
            Map<String, Object> a = c.next();
            Map<String, Object> b = c.next();
            Map<String, Object> result = "result".equals(a.get("type")) && a.get("id").equals(4L) ? a : b;
            assertEquals(true, result.get("cancelled"), result.toString());
            assertEquals(false, result.get("ran"));
            assertEquals(0, host.restoresBegun.get());
        }
    }

    @Test
    void should_finish_a_restore_after_its_input_ends_and_exit_only_then() throws Exception {
        host.release = new CountDownLatch(1);
        int[] endedWhenServeReturned = {-1};
        byte[] image = ImageWriter.toBytes(Fixtures.demo());
        RawClient c = new RawClient(host, () -> endedWhenServeReturned[0] = host.restoresEnded.get());
        c.hello();
        c.send(restore(2, image.length, false));
        sendImage(c, 2, image);
        host.begun.await();
        c.agent.close(); // EOF on the agent's input, mid-restore
        // An agent that did not wait would return at once; this one cannot while the restore is held.
        assertThrows(TimeoutException.class, () -> c.agent.awaitExit(500));
        host.release.countDown();
        assertEquals(0, c.agent.awaitExit(RawClient.WAIT_MILLIS));
        assertEquals(1, endedWhenServeReturned[0], "serve returned only after the restore had ended");
    }

    @Test
    void should_finish_a_restore_when_writing_to_the_client_fails() throws Exception {
        host.release = new CountDownLatch(1);
        int[] endedWhenServeReturned = {-1};
        byte[] image = ImageWriter.toBytes(Fixtures.demo());
        RawClient c = new RawClient(host, () -> endedWhenServeReturned[0] = host.restoresEnded.get());
        c.hello();
        c.send(restore(2, image.length, true));
        sendImage(c, 2, image);
        host.begun.await();
        c.agent.stopReading(); // the next write is EPIPE
        c.agent.close();
        assertThrows(TimeoutException.class, () -> c.agent.awaitExit(500));
        host.release.countDown();
        assertEquals(0, c.agent.awaitExit(RawClient.WAIT_MILLIS));
        assertEquals(1, endedWhenServeReturned[0], "it ran to its end though nobody heard it");
    }

    @Test
    void should_leave_nothing_done_when_the_input_ends_before_the_image_is_complete() throws Exception {
        byte[] image = ImageWriter.toBytes(Fixtures.demo());
        RawClient c = new RawClient(host);
        c.hello();
        c.send(restore(2, image.length, false));
        c.send(data(2, 0, java.util.Arrays.copyOf(image, image.length / 2)));
        c.agent.close();
        assertEquals(0, c.agent.awaitExit(RawClient.WAIT_MILLIS));
        assertEquals(0, host.restoresBegun.get());
        assertEquals(null, host.lastRequest);
    }

    @Test
    void should_refuse_a_second_request_under_a_running_id() throws Exception {
        host.release = new CountDownLatch(1);
        byte[] image = ImageWriter.toBytes(Fixtures.demo());
        try (RawClient c = new RawClient(host)) {
            c.hello();
            c.send(restore(2, image.length, false));
            sendImage(c, 2, image);
            host.begun.await();
            c.send("{\"type\":\"snapshot\",\"id\":2,\"netns\":[]}");
            assertEquals("EEXIST", RawClient.code(c.nextOf("error")));
            host.release.countDown();
        }
    }

    static String restore(long id, long size, boolean progress) {
        return "{\"type\":\"restore\",\"id\":" + id + ",\"size\":" + size + ",\"progress\":" + progress + "}";
    }

    static String data(long id, int seq, byte[] bytes) {
        return "{\"type\":\"data\",\"id\":" + id + ",\"seq\":" + seq + ",\"data\":\""
                + new String(Base64.getEncoder().encode(bytes), StandardCharsets.US_ASCII) + "\"}";
    }

    static void sendImage(RawClient c, long id, byte[] image) throws Exception {
        int seq = 0;
        for (int at = 0; at < image.length; at += Protocol.CHUNK_BYTES) {
            c.send(data(id, seq++, java.util.Arrays.copyOfRange(image, at, Math.min(image.length,
                    at + Protocol.CHUNK_BYTES))));
        }
    }
}
