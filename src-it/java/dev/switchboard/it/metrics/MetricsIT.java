package dev.switchboard.it.metrics;

import dev.switchboard.Heartbeat;
import dev.switchboard.Metrics;
import dev.switchboard.OnBinary;
import dev.switchboard.OnText;
import dev.switchboard.OverflowAction;
import dev.switchboard.Route;
import dev.switchboard.ShutdownSummary;
import dev.switchboard.Switchboard;
import dev.switchboard.WebSocketSession;
import dev.switchboard.it.clients.Handshake;
import dev.switchboard.it.clients.RawClient;
import dev.switchboard.it.clients.WsClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Micrometer meters of a standalone server, read from its registry after real traffic: sessions opened, open
 * and closed by cause, messages and bytes each way, refused handshakes by status, drops by overflow action and the
 * send queues, all tagged with the route's path template, never a session's path.
 */
class MetricsIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CHAT = "/metrics/chat/{room}";
    private static final String GUARDED = "/metrics/guarded";
    private static final String SINGLE = "/metrics/single";
    private static final String SLOW = "/metrics/slow";
    private static final String CLOSING = "/metrics/closing";

    /** Takes texts and says nothing. */
    abstract static class Quiet {
        @OnText
        void heard(String text) {
        }
    }

    /** Echoes texts and binary messages; the text "bye" closes the session instead. */
    @Route(CHAT)
    public static class Chat {
        @OnText
        String echo(WebSocketSession session, String text) {
            if (text.equals("bye")) {
                session.close();
                return null;
            }
            return text;
        }

        @OnBinary
        byte[] echo(byte[] data) {
            return data;
        }
    }

    @Route(value = GUARDED, origins = "https://allowed.example")
    public static class Guarded extends Quiet {
    }

    @Route(value = SINGLE, maxSessions = 1)
    public static class Single extends Quiet {
    }

    /** A small queue whose overflow fails the write: the default action. */
    @Route(value = SLOW, maxQueuedMessages = 4, maxQueuedBytes = 1 << 20)
    public static class Slow extends Quiet {
    }

    @Route(value = CLOSING, maxQueuedMessages = 4, maxQueuedBytes = 1 << 20, onOverflow = OverflowAction.CLOSE_SESSION)
    public static class Closing extends Quiet {
    }

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private Switchboard server;

    @BeforeEach
    void start() {
        server = Switchboard.builder().host("127.0.0.1").port(0)
                .route(Chat.class).route(Guarded.class).route(Single.class).route(Slow.class).route(Closing.class)
                .heartbeat(Heartbeat.OFF) // no pings in the queues the test counts
                .metrics(Metrics.micrometer(registry))
                .build().start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void sessionsMessagesAndBytesAreCountedPerRouteTemplate() {
        try (WsClient ann = WsClient.connect(uri("/metrics/chat/blue"));
             WsClient bob = WsClient.connect(uri("/metrics/chat/red?name=bob"))) {
            await().atMost(WAIT).untilAsserted(() -> assertEquals(2, gauge("switchboard.sessions.open", CHAT)));

            ann.sendText("héllo"); // 6 bytes in UTF-8
            bob.sendBinary(new byte[]{1, 2, 3});
            await().atMost(WAIT).until(() -> ann.texts.contains("héllo") && bob.binaries.size() == 1);
            ann.sendClose(1000, "done");
            bob.sendText("bye");

            await().atMost(WAIT).untilAsserted(() -> {
                assertEquals(1, counter("switchboard.sessions.closed", "route", CHAT, "cause", "client_closed"));
                assertEquals(1, counter("switchboard.sessions.closed", "route", CHAT, "cause", "server_closed"));
                assertEquals(2, registry.get("switchboard.write.flush").tag("route", CHAT).timer().count());
            });
        }

        assertEquals(2, counter("switchboard.sessions.opened", "route", CHAT));
        assertEquals(0, gauge("switchboard.sessions.open", CHAT));
        assertEquals(2, registry.find("switchboard.sessions.closed").counters().size(), "no other cause");
        assertMessages("switchboard.messages.received", "text", 2, 6 + 3); // "héllo" and "bye"
        assertMessages("switchboard.messages.received", "binary", 1, 3);
        assertMessages("switchboard.messages.sent", "text", 1, 6);
        assertMessages("switchboard.messages.sent", "binary", 1, 3);
        assertEquals(List.of(Tag.of("route", CHAT), Tag.of("type", "text")), registry.get("switchboard.messages.sent")
                .tags("route", CHAT, "type", "text").summary().getId().getTags());
    }

    @Test
    void everyMeterNamesItsRouteByTheTemplateNeverBySessionPaths() {
        try (WsClient ann = WsClient.connect(uri("/metrics/chat/blue"));
             WsClient bob = WsClient.connect(uri("/metrics/chat/red"))) {
            ann.sendText("hi");
            bob.sendText("hi");
            await().atMost(WAIT).until(() -> ann.texts.contains("hi") && bob.texts.contains("hi"));

            Set<String> routes = registry.getMeters().stream()
                    .map(Meter::getId)
                    .filter(id -> id.getName().startsWith("switchboard."))
                    .map(id -> id.getTag("route"))
                    .collect(Collectors.toSet());

            assertEquals(Set.of(CHAT, GUARDED, SINGLE, SLOW, CLOSING), routes);
        }
    }

    @Test
    void refusedHandshakesAreCountedByRouteAndStatus() throws Exception {
        assertEquals(403, Handshake.attempt(uri(GUARDED), Map.of("Origin", "https://elsewhere.example")).status());
        try (WsClient only = WsClient.connect(uri(SINGLE))) {
            assertEquals(503, Handshake.attempt(uri(SINGLE)).status());
        }
        assertEquals(405, Handshake.attempt(uri("/metrics/chat/blue"), "POST", Map.of("Upgrade", "websocket",
                "Connection", "Upgrade", "Sec-WebSocket-Key", Handshake.KEY, "Sec-WebSocket-Version", "13")).status());
        assertEquals(404, Handshake.attempt(uri("/metrics/nowhere")).status());

        await().atMost(WAIT).untilAsserted(() -> {
            assertEquals(1, counter("switchboard.handshakes.refused", "route", GUARDED, "status", "403"));
            assertEquals(1, counter("switchboard.handshakes.refused", "route", SINGLE, "status", "503"));
            assertEquals(1, counter("switchboard.handshakes.refused", "route", CHAT, "status", "405"));
        });
        assertEquals(3, registry.find("switchboard.handshakes.refused").counters().size(),
                "a path without a route is no route's refusal");
        assertEquals(0, counter("switchboard.sessions.opened", "route", GUARDED));
        assertEquals(1, counter("switchboard.sessions.opened", "route", SINGLE));
    }

    @Test
    void aFullQueueThatFailsWritesCountsEachDropAndTheQueueGaugesShowWhatItHolds() throws Exception {
        try (RawClient stalled = RawClient.upgrade(server.port(), SLOW)) {
            WebSocketSession session = onlySession(Slow.class);
            byte[] chunk = new byte[64 * 1024];
            int refused = 0;
            for (int i = 0; i < 10_000 && refused < 3; i++) {
                if (session.writeData(chunk).toCompletableFuture().isCompletedExceptionally()) {
                    refused++;
                }
            }

            assertEquals(3, refused, "the stalled client's queue refuses writes");
            assertEquals(3, session.droppedMessages());
            await().atMost(WAIT).untilAsserted(() -> {
                assertEquals(3, counter("switchboard.messages.dropped", "route", SLOW, "action", "fail_send"));
                double queued = gauge("switchboard.send.queue.messages", SLOW);
                assertTrue(queued >= 1 && queued <= 4, "queued " + queued + " of at most 4");
                assertEquals(queued * chunk.length, gauge("switchboard.send.queue.bytes", SLOW));
            });
        }
        await().atMost(WAIT).untilAsserted(() -> {
            assertEquals(0, gauge("switchboard.send.queue.messages", SLOW));
            assertEquals(0, gauge("switchboard.send.queue.bytes", SLOW));
        });
    }

    @Test
    void aFullQueueThatClosesTheSessionCountsTheDropAndASlowConsumerClose() throws Exception {
        try (RawClient stalled = RawClient.upgrade(server.port(), CLOSING)) {
            WebSocketSession session = onlySession(Closing.class);
            byte[] chunk = new byte[64 * 1024];
            for (int i = 0; i < 10_000 && session.isOpen(); i++) {
                session.writeData(chunk);
            }

            await().atMost(WAIT).untilAsserted(() -> assertEquals(1,
                    counter("switchboard.sessions.closed", "route", CLOSING, "cause", "slow_consumer")));
            assertEquals(1, counter("switchboard.messages.dropped", "route", CLOSING, "action", "close_session"));
            assertEquals(1, registry.find("switchboard.messages.dropped").counters().size());
        }
    }

    @Test
    void anUpgradeRefusedWhileTheServerDrainsIsCountedAndTheStoppedServerLeavesNoGauge() throws Exception {
        URI late = uri("/metrics/chat/late"); // server.port() waits while stop() drains
        try (RawClient staying = RawClient.upgrade(server.port(), "/metrics/chat/lobby")) {
            await().atMost(WAIT).untilAsserted(() -> assertEquals(1, gauge("switchboard.sessions.open", CHAT)));

            CompletableFuture<ShutdownSummary> stopped = CompletableFuture.supplyAsync(server::stop);
            assertEquals(0x8, staying.readFrame().opcode(), "the drain closes the session");
            // The client has not answered the close: the server drains on, refusing upgrades.
            assertEquals(503, Handshake.attempt(late).status());
            staying.send(RawClient.closeFrame(1001, ""));
            stopped.get(30, TimeUnit.SECONDS);
        }

        assertEquals(1, counter("switchboard.handshakes.refused", "route", CHAT, "status", "503"));
        assertEquals(1, counter("switchboard.sessions.closed", "route", CHAT, "cause", "shutdown"));
        assertNull(registry.find("switchboard.sessions.open").gauge(), "no gauge holds on to a stopped server");
        assertNull(registry.find("switchboard.send.queue.bytes").gauge());
    }

    private URI uri(String pathAndQuery) {
        return URI.create("ws://127.0.0.1:" + server.port() + pathAndQuery);
    }

    private WebSocketSession onlySession(Class<?> route) {
        await().atMost(WAIT).until(() -> server.sessions(route).count() == 1);
        return server.sessions(route).list().get(0);
    }

    /** A counter's count; 0 while it does not exist: counters tagged by cause, action or status come at first use. */
    private double counter(String name, String... tags) {
        Counter counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private double gauge(String name, String route) {
        Gauge gauge = registry.find(name).tag("route", route).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    /** The chat route's messages of one type: how many, and their payload bytes in all. */
    private void assertMessages(String name, String type, long count, double bytes) {
        DistributionSummary summary = registry.get(name).tags("route", CHAT, "type", type).summary();
        assertEquals(count, summary.count(), name + " " + type);
        assertEquals(bytes, summary.totalAmount(), name + " " + type + " bytes");
    }
}
