package dev.switchboard.it.contract;

import dev.switchboard.CloseCause;
import dev.switchboard.CloseStatus;
import dev.switchboard.SendOverflowException;
import dev.switchboard.SessionClosedException;
import dev.switchboard.TestClient;
import dev.switchboard.TestConnection;
import dev.switchboard.contract.CrowdedRoute;
import dev.switchboard.it.clients.Handshake;
import dev.switchboard.it.clients.RawClient;
import dev.switchboard.it.clients.WsClient;
import dev.switchboard.it.contract.Probe.Reply;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The route and session contract, checked over the network only, so that it runs against any host: real
 * sockets with the JDK's WebSocket client and a raw socket client, and the contract app's probe route
 * ({@code dev.switchboard.contract.ProbeRoute}) to read and drive what happens inside the server.
 *
 * <p>A subclass serves the contract app ({@code dev.switchboard.contract.ContractApp.ROUTES}) and says where
 * with {@link #base()}.
 */
public abstract class ContractSuite implements TypedMessagesContract, PartMessagesContract, StreamContract,
        ClientContract, TestKitContract {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private Probe probe;

    /**
     * The {@code ws://} URI of the contract app's root, without a trailing slash: {@code ws://127.0.0.1:8080}
     * standalone, {@code ws://127.0.0.1:8080/contract-app} in a container.
     *
     * @return the app's base URI
     */
    protected abstract URI base();

    /**
     * The IP address the server sees this suite's clients at.
     *
     * @return {@code 127.0.0.1}, for a {@link #base()} on the loopback address
     */
    protected String clientAddress() {
        return "127.0.0.1";
    }

    /** Opens a JDK client on the app; a host whose container is known to lose handshakes may try again. */
    protected WsClient connect(URI uri) {
        return WsClient.connect(uri);
    }

    /** A URI of the app: {@link #base()} followed by a path and query. */
    protected final URI uri(String pathAndQuery) {
        return URI.create(base() + pathAndQuery);
    }

    /**
     * A URI of the app, for the contracts that this suite takes in as interfaces with default test methods
     * (each topic's tests in a file of their own), which declare this method to reach the app.
     *
     * @param pathAndQuery the path and query after the app's root
     * @return {@link #base()} followed by them
     */
    public final URI appUri(String pathAndQuery) {
        return uri(pathAndQuery);
    }

    @BeforeEach
    void connectProbeAndReset() {
        probe = Probe.connect(uri("/probe"));
        probe.ask("reset");
    }

    @AfterEach
    void closeProbe() {
        if (probe != null) {
            probe.close();
        }
    }

    // ---- reading the server through the probe

    private static ConditionFactory eventually() {
        return await().atMost(WAIT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20));
    }

    /** Waits until the session has connected, and returns its {@code info}. */
    private Reply awaitSession(String name) {
        return eventually().until(() -> probe.send("info " + name).get(WAIT.toSeconds(), TimeUnit.SECONDS),
                reply -> !reply.has("fault"));
    }

    private Reply info(String name) {
        return probe.ask("info " + name);
    }

    private String lookup(String name, String what, String key) {
        return probe.ask("lookup " + name + " " + what + " " + key).value("value");
    }

    private List<String> events(String name) {
        return probe.ask("events " + name).values("event");
    }

    private List<CloseStatus> disconnects(String name) {
        return probe.ask("disconnects " + name).values("disconnect").stream().map(ContractSuite::closeStatus).toList();
    }

    /** Parses {@code <code> <cause> <reason>}. */
    private static CloseStatus closeStatus(String text) {
        String[] parts = text.split(" ", 3);
        return new CloseStatus(Integer.parseInt(parts[0]), parts.length > 2 ? parts[2] : "", CloseCause.valueOf(parts[1]));
    }

    private CloseStatus awaitDisconnect(String name) {
        return eventually().until(() -> disconnects(name), statuses -> !statuses.isEmpty()).get(0);
    }

    /** Asserts that the probe reported, under {@code key}, an exception that is an instance of {@code type}. */
    private static void assertReported(Class<? extends Throwable> type, String key, Reply reply) {
        assertTrue(reply.values(key).contains(type.getName()),
                () -> "expected " + key + " to be a " + type.getName() + "; the probe replied:\n" + reply);
    }

    // ---- the contract

    @Test
    void textAndBinaryMessagesGoBothWays() {
        try (WsClient client = connect(uri("/contract/lobby?name=a"))) {
            client.sendText("echo:hello");
            byte[] data = new byte[1000];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) i;
            }
            client.sendBinary(data);
            client.sendText("room");

            await().atMost(WAIT).until(() -> client.texts.size() == 2 && client.binaries.size() == 1);
            assertEquals(List.of("hello", "lobby"), client.texts);
            assertEquals(ByteBuffer.wrap(data), client.binaries.get(0));
        }
    }

    @Test
    void messagesOfSixteenMebibytesPassWithDefaultLimits() {
        // "echo:" and the text make exactly 16 MiB of UTF-8, the default limit, in one frame: far over the
        // hosts' own default buffers (Tomcat 8 KiB, Jetty 64 KiB, Tyrus 4 MiB).
        String text = "é".repeat((16 << 19) - 3) + "x";
        byte[] data = new byte[16 << 20];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        try (WsClient client = connect(uri("/contract/lobby?name=big"))) {
            client.sendText("echo:" + text);
            client.sendBinary(data);

            await().atMost(WAIT).until(() -> (client.texts.size() == 1 && client.binaries.size() == 1) || client.closed());
            assertEquals(List.of(text), client.texts);
            assertEquals(ByteBuffer.wrap(data), client.binaries.get(0));
        }
    }

    @Test
    void messagesOverTheRouteLimitCloseWith1009AndOthersAreStillServed() {
        try (WsClient text = connect(uri("/limited?name=text"));
             WsClient binary = connect(uri("/limited?name=binary"));
             WsClient other = connect(uri("/limited?name=other"))) {
            text.sendText("x".repeat(1024));
            await().atMost(WAIT).until(() -> text.texts.size() == 1);

            text.sendText("x".repeat(1025));
            binary.sendBinary(new byte[1025]);

            assertEquals(1009, text.closeCode.orTimeout(20, TimeUnit.SECONDS).join());
            assertEquals(1009, binary.closeCode.orTimeout(20, TimeUnit.SECONDS).join());
            assertEquals(CloseCause.TOO_BIG, awaitDisconnect("text").cause());
            assertEquals(CloseCause.TOO_BIG, awaitDisconnect("binary").cause());
            other.sendText("still here");
            await().atMost(WAIT).until(() -> other.texts.contains("still here"));
        }
    }

    @Test
    void sessionKnowsItsHandshake() {
        try (WsClient client = WsClient.connect(uri("/contract/r%C3%A9?name=b&x=1&x=2&word=%C3%A9t%C3%A9"),
                Map.of("X-Token", "secret", "X-Agent", "Mozilla/5.0 (X11, Linux)"))) {
            Reply info = awaitSession("b");

            assertEquals("ré", lookup("b", "pathParam", "room"));
            assertEquals(Map.of("room", List.of("ré")), info.map("pathParams"));
            assertNull(lookup("b", "pathParam", "nope"));
            assertEquals("1", lookup("b", "queryParam", "x"));
            assertEquals(List.of("1", "2"), info.map("queryParams").get("x"));
            assertEquals("été", lookup("b", "queryParam", "word"));
            assertNull(lookup("b", "queryParam", "missing"));
            assertEquals("secret", lookup("b", "header", "x-token"));
            assertEquals("secret", lookup("b", "header", "X-TOKEN"));
            assertNull(lookup("b", "header", "X-Missing"));
            assertEquals("Mozilla/5.0 (X11, Linux)", lookup("b", "header", "x-agent"));
            assertEquals(base().getRawPath() + "/contract/r%C3%A9", info.value("rawPath"));
            assertEquals("name=b&x=1&x=2&word=%C3%A9t%C3%A9", info.value("rawQuery"));
            assertEquals(clientAddress(), info.value("remoteAddress"));
            assertNull(info.value("subprotocol"));
            assertNull(info.value("principal"));
            assertEquals("true", info.value("isOpen"));
            assertEquals("OPEN", info.value("state"));
            assertTrue(info.value("id").matches("[A-Za-z0-9_-]{22}"), info.value("id"));

            probe.ask("attributes b put user ann");
            assertEquals("ann", probe.ask("attributes b get user").value("value"));
        }
    }

    @Test
    void remoteAddressCarriesThePeerPort() throws Exception {
        try (RawClient raw = RawClient.upgrade(uri("/contract/x?name=raw"))) {
            assertEquals(101, raw.statusCode());
            Reply info = awaitSession("raw");
            assertEquals(clientAddress(), info.value("remoteAddress"));
            assertEquals(Integer.toString(raw.localPort()), info.value("remotePort"));
        }
    }

    @Test
    void sessionsHaveDistinctIds() {
        try (WsClient a = connect(uri("/contract/x?name=a"));
             WsClient b = connect(uri("/contract/x?name=b"))) {
            assertNotEquals(awaitSession("a").value("id"), awaitSession("b").value("id"));
        }
    }

    @Test
    void connectedComesFirstAndDisconnectedOnceAndLast() {
        try (WsClient client = connect(uri("/contract/x?name=c"))) {
            for (int i = 0; i < 20; i++) {
                client.sendText("m" + i);
            }
            client.sendClose(4001, "done");
            CloseStatus status = awaitDisconnect("c");

            assertEquals(new CloseStatus(4001, "done", CloseCause.CLIENT_CLOSED), status);
            List<String> events = events("c");
            assertEquals("connected:c:x", events.get(0));
            assertEquals("disconnected:c:4001:CLIENT_CLOSED", events.get(events.size() - 1));
            assertEquals(22, events.size(), events::toString);
            eventually().during(Duration.ofMillis(500)).until(() -> disconnects("c").size() == 1);
        }
    }

    @Test
    void textWrittenBeforeCloseArrivesFirst() {
        try (WsClient client = connect(uri("/contract/x?name=bye"))) {
            client.sendText("bye");
            assertEquals(4000, client.closeCode.orTimeout(20, TimeUnit.SECONDS).join());
            assertEquals("see you", client.closeReason);
            assertEquals(List.of("Goodbye!"), client.texts);
            assertEquals(new CloseStatus(4000, "see you", CloseCause.SERVER_CLOSED), awaitDisconnect("bye"));
        }
    }

    @Test
    void replyToTheLastMessageBeforeTheClientsCloseStillArrives() {
        try (WsClient client = connect(uri("/contract/x?name=last"))) {
            // The handler takes 200 ms: a host that answers the close while it runs loses the reply every time.
            client.socket().sendText("slow-echo:last reply", true)
                    .thenCompose(socket -> socket.sendClose(1000, "done"))
                    .orTimeout(20, TimeUnit.SECONDS).join();

            assertEquals(1000, client.closeCode.orTimeout(20, TimeUnit.SECONDS).join());
            assertEquals(List.of("last reply"), client.texts);
            assertEquals(CloseCause.CLIENT_CLOSED, awaitDisconnect("last").cause());
        }
    }

    @Test
    void closeFromAnotherThreadAndWritesAfterItFail() {
        try (WsClient client = connect(uri("/contract/x?name=d"))) {
            awaitSession("d");
            // Sent together: the probe's thread writes, closes and writes again without waiting in between.
            CompletableFuture<Reply> first = probe.send("write d first");
            CompletableFuture<Reply> close = probe.send("close d 4002 from outside");
            CompletableFuture<Reply> late = probe.send("write d too late");

            assertEquals(4002, client.closeCode.orTimeout(20, TimeUnit.SECONDS).join());
            assertEquals(List.of("first"), client.texts);
            assertEquals("true", first.orTimeout(20, TimeUnit.SECONDS).join().value("written"));
            assertFalse(close.orTimeout(20, TimeUnit.SECONDS).join().has("thrown"));
            assertReported(SessionClosedException.class, "failed", late.orTimeout(20, TimeUnit.SECONDS).join());
            assertEquals(CloseCause.SERVER_CLOSED, awaitDisconnect("d").cause());
            Reply info = info("d");
            assertEquals("false", info.value("isOpen"));
            assertEquals("CLOSED", info.value("state"));
        }
    }

    @Test
    void closeRefusesCodesThatMayNotBeSent() {
        try (WsClient client = connect(uri("/contract/x?name=e"))) {
            awaitSession("e");
            assertReported(IllegalArgumentException.class, "thrown", probe.ask("close e 1006 reserved"));
            assertReported(IllegalArgumentException.class, "thrown", probe.ask("close e 1000 " + "x".repeat(124)));
            assertEquals("true", info("e").value("isOpen"));
        }
    }

    @Test
    void droppedConnectionWithoutCloseFrameDisconnectsExactlyOnce() throws Exception {
        TestClient client = TestClient.of(base());
        TestConnection fin = client.connect("/contract/x?name=fin");
        TestConnection rst = client.connect("/contract/x?name=rst");
        awaitSession("fin");
        awaitSession("rst");

        fin.drop();
        rst.reset();

        CloseStatus finStatus = awaitDisconnect("fin");
        assertEquals(1006, finStatus.code());
        assertEquals(CloseCause.CONNECTION_LOST, finStatus.cause());
        CloseStatus rstStatus = awaitDisconnect("rst");
        assertEquals(1006, rstStatus.code());
        assertEquals(CloseCause.CONNECTION_LOST, rstStatus.cause());
        eventually().during(Duration.ofMillis(500)).until(() ->
                disconnects("fin").size() == 1 && disconnects("rst").size() == 1);
    }

    @Test
    void handlerExceptionGoesToOnErrorThenClosesWith1011() {
        try (WsClient client = connect(uri("/contract/x?name=f"))) {
            client.sendText("fail");

            assertEquals(1011, client.closeCode.orTimeout(20, TimeUnit.SECONDS).join());
            CloseStatus status = awaitDisconnect("f");
            assertEquals(CloseCause.HANDLER_FAILED, status.cause());
            assertEquals(1011, status.code());
            assertEquals("handler failed on purpose", probe.ask("errors f").values("error").get(0));
            List<String> events = events("f");
            assertEquals("error:f:handler failed on purpose", events.get(events.size() - 2));
        }
    }

    @Test
    void eightThreadsWritingToOneSessionKeepPerThreadOrder() {
        try (WsClient client = connect(uri("/contract/x?name=g"))) {
            awaitSession("g");
            int threads = 8;
            int writes = 1000;

            Reply burst = probe.ask("burst g " + threads + " " + writes);

            assertEquals("0", burst.value("thrown"), "writes that threw");
            assertEquals("0", burst.value("failed"), "writes whose stage failed");
            await().atMost(WAIT).until(() -> client.texts.size() == threads * writes);
            int[] next = new int[threads];
            for (String text : client.texts) {
                String[] parts = text.split(":");
                int thread = Integer.parseInt(parts[0]);
                assertEquals(next[thread]++, Integer.parseInt(parts[1]), "order of thread " + thread);
            }
            assertEquals("true", info("g").value("isOpen"));
        }
    }

    @Test
    void routeWithoutBinaryHandlerClosesWith1003() {
        try (WsClient client = connect(uri("/text-only?name=h"))) {
            client.sendBinary(new byte[]{1, 2, 3});
            assertEquals(1003, client.closeCode.orTimeout(20, TimeUnit.SECONDS).join());
            assertEquals(CloseCause.UNSUPPORTED_DATA, awaitDisconnect("h").cause());
        }
    }

    @Test
    void eachConnectionGetsItsOwnInstanceUnlessShared() {
        try (WsClient a = connect(uri("/text-only?name=i1"));
             WsClient b = connect(uri("/text-only?name=i2"));
             WsClient c = connect(uri("/shared?name=s1"));
             WsClient d = connect(uri("/shared?name=s2"))) {
            String i1 = instanceOf("i1");
            String i2 = instanceOf("i2");
            String s1 = instanceOf("s1");
            String s2 = instanceOf("s2");
            assertNotEquals(i1, i2);
            assertEquals(s1, s2);
        }
    }

    /** The identity of the route instance that served a session, from its "instance:name:hash" event. */
    private String instanceOf(String name) {
        return eventually().until(() -> events(name), events -> !events.isEmpty()).get(0).split(":")[2];
    }

    @Test
    void pingIsAnsweredByPongHandler() {
        try (WsClient client = connect(uri("/contract/x?name=p"))) {
            awaitSession("p");
            assertEquals("true", probe.ask("ping p hi").value("written"));
            eventually().until(() -> events("p").contains("pong:p:hi"));
            assertReported(IllegalArgumentException.class, "thrown", probe.ask("ping p " + "x".repeat(126)));
        }
    }

    @Test
    void pingQueuedBehindALargeMessageFollowsIt() {
        // Written from the completion of the text's send: Jetty's blocking ping, called there, waited forever
        // for the flusher that was running the completion.
        try (WsClient client = connect(uri("/contract/x?name=pq"))) {
            awaitSession("pq");
            assertEquals("true", probe.ask("write-then-ping pq " + (4 << 20) + " after").value("written"));
            eventually().until(() -> client.texts.size() == 1 && !client.pings.isEmpty());
            assertEquals(4 << 20, client.texts.get(0).length());
            assertTrue(client.pings.contains(ByteBuffer.wrap("after".getBytes(StandardCharsets.UTF_8))), client.pings::toString);
        }
    }

    @Test
    void fullQueueFailsTheSendAndKeepsTheSession() throws Exception {
        try (RawClient stalled = RawClient.upgrade(uri("/slow/fail?name=slow"))) {
            awaitSession("slow");
            Reply flood = probe.ask("flood slow");

            assertReported(SendOverflowException.class, "refusal", flood);
            assertTrue(flood.value("refusal.message").contains("limits 8 messages"), flood::toString);
            assertEquals("true", flood.value("isOpen"));
            assertTrue(Long.parseLong(flood.value("bufferedAmount")) > 0, flood::toString);
        }
    }

    @Test
    void fullQueueClosesTheSessionWhenTheRouteSaysSo() throws Exception {
        try (RawClient stalled = RawClient.upgrade(uri("/slow/close?name=slow"))) {
            awaitSession("slow");
            probe.ask("flood slow");

            CloseStatus status = awaitDisconnect("slow");
            assertEquals(CloseCause.SLOW_CONSUMER, status.cause());
            assertEquals(CloseStatus.POLICY_VIOLATION, status.code());
            assertEquals("false", info("slow").value("isOpen"));
        }
    }

    @Test
    void wrongPathGets404() throws Exception {
        CompletionException failure = assertThrows(CompletionException.class,
                () -> connect(uri("/no/such/route")));
        assertInstanceOf(WebSocketHandshakeException.class, failure.getCause());
        assertEquals(404, ((WebSocketHandshakeException) failure.getCause()).getResponse().statusCode());
        try (RawClient raw = RawClient.upgrade(uri("/contract"))) {
            assertEquals(404, raw.statusCode());
        }
    }

    @Test
    void plainGetOnARoutesPathGets426AndOtherPathsAreLeftToTheHost() throws IOException {
        Handshake plain = Handshake.attempt(uri("/contract/lobby?name=curl"), "GET", Map.of());
        assertEquals("426 This is a WebSocket endpoint; connect with a WebSocket client",
                plain.status() + " " + plain.body(), plain.headers().toString());
        // Grizzly (GlassFish, Payara) takes a response with an Upgrade header for a switch of protocols, and would
        // leave the client waiting for the 426's body: there the 426 goes without it.
        String server = String.valueOf(plain.header("Server"));
        boolean grizzly = server.contains("GlassFish") || server.contains("Payara");
        assertEquals(grizzly ? null : "websocket", plain.header("Upgrade"));
        assertEquals(426, Handshake.attempt(uri("/probe"), "GET", Map.of()).status());
        assertEquals(List.of(), events("curl"));

        assertEquals(404, Handshake.attempt(uri("/no/such/route"), "GET", Map.of()).status());
        assertEquals(404, Handshake.attempt(uri("/contract"), "GET", Map.of()).status());
        assertEquals(404, Handshake.attempt(uri("/contract/a/b"), "GET", Map.of()).status());
    }

    @Test
    void otherSessionsAreUntouchedByOnesFailure() {
        try (WsClient healthy = connect(uri("/contract/x?name=ok"));
             WsClient failing = connect(uri("/contract/x?name=bad"))) {
            failing.sendText("fail");
            assertEquals(1011, failing.closeCode.orTimeout(20, TimeUnit.SECONDS).join());
            healthy.sendText("echo:still here");
            await().atMost(WAIT).until(() -> healthy.texts.contains("still here"));
            List<String> disconnected = eventually().until(() -> probe.ask("disconnected").values("name"),
                    names -> !names.isEmpty());
            assertEquals(List.of("bad"), disconnected);
            assertEquals("true", info("ok").value("isOpen"));
        }
    }

    // ---- the handshake: checks, origins, subprotocols

    @Test
    void handshakeCheckAcceptsWithAttributesAndPathParams() {
        try (WsClient client = connect(uri("/guarded/blue?token=good-alice&name=g1"))) {
            eventually().until(() -> client.texts, texts -> !texts.isEmpty());
            assertEquals("hello alice in blue via null", client.texts.get(0));
        }
    }

    @Test
    void handshakeCheckAddsResponseHeadersAndTheRouteChoosesItsPreferredSubprotocol() throws IOException {
        Handshake handshake = Handshake.attempt(uri("/guarded/blue?token=good-alice&name=g2"),
                Map.of("Sec-WebSocket-Protocol", "guard.v1, guard.v2"));
        assertEquals(101, handshake.status());
        assertEquals("passed", handshake.header("X-Guard"));
        assertEquals("guard.v2", handshake.header("Sec-WebSocket-Protocol"));
    }

    @Test
    void tokensCanComeFromACookieOrASubprotocolAndTheMarkerIsChosenNotTheToken() throws IOException {
        assertEquals(101, Handshake.attempt(uri("/guarded/blue?name=g3"),
                Map.of("Cookie", "theme=dark; token=good-carol")).status());
        try (WsClient client = WsClient.connectOffering(uri("/guarded/red?name=g4"), "bearer", "good-bob")) {
            assertEquals("bearer", client.socket().getSubprotocol());
            eventually().until(() -> client.texts, texts -> !texts.isEmpty());
            assertEquals("hello bob in red via bearer", client.texts.get(0));
        }
    }

    @Test
    void handshakeCheckRejectsWithItsStatusAndBodyAndNoSessionBegins() throws IOException {
        Map<String, String> expected = Map.of("", "401 token required", "&token=banned", "403 banned from blue",
                "&token=eager", "429 slow down", "&token=later", "503 try later", "&token=boom", "500 handshake check failed");
        for (Map.Entry<String, String> attempt : expected.entrySet()) {
            Handshake handshake = Handshake.attempt(uri("/guarded/blue?name=rejected" + attempt.getKey()));
            assertEquals(attempt.getValue(), handshake.status() + " " + handshake.body(), attempt::getKey);
        }
        assertThrows(CompletionException.class, () -> connect(uri("/guarded/blue?token=banned")));
        eventually().during(Duration.ofMillis(300)).until(() -> events("rejected").isEmpty());
    }

    @Test
    void foreignOriginsAreRefusedWith403AndListedOnesPass() throws IOException {
        URI guarded = uri("/guarded/blue?token=good-dave&name=g5");
        assertEquals(403, Handshake.attempt(guarded, Map.of("Origin", "https://evil.example")).status());
        assertEquals(403, Handshake.attempt(guarded, Map.of("Origin", "https://example.org.evil.example")).status());
        assertEquals(101, Handshake.attempt(guarded, Map.of("Origin", "https://allowed.example")).status());
        assertEquals(101, Handshake.attempt(guarded, Map.of("Origin", "https://chat.eu.example.org")).status());
        assertEquals(101, Handshake.attempt(guarded).status()); // no Origin: not a browser
    }

    @Test
    void sessionsBeyondTheRouteLimitAreRefusedWith503AtTheHandshake() throws IOException {
        try (WsClient first = connect(uri("/capped?name=cap1"));
             WsClient second = connect(uri("/capped?name=cap2"))) {
            awaitSession("cap1");
            awaitSession("cap2");
            Handshake refused = Handshake.attempt(uri("/capped?name=cap3"));
            assertEquals("503 too many sessions, try again later", refused.status() + " " + refused.body());
            assertEquals(List.of(), events("cap3"));

            first.sendClose(1000, "making room");
            awaitDisconnect("cap1");
            eventually().until(() -> Handshake.attempt(uri("/capped?name=cap4")).status() == 101);
        }
    }

    @Test
    void theRouteLimitIsExactForHandshakesAtOnceAndEveryPlaceComesBack() throws Exception {
        // Its handshake check refuses ?refuse=yes with 403.
        new SessionLimitCheck(CrowdedRoute.LIMIT, name -> uri("/crowded?name=" + name))
                .run(uri("/crowded?name=refused&refuse=yes"), 403);
    }

    @Test
    void malformedUpgradesGetPreciseAnswersAndNoSession() throws IOException {
        URI contract = uri("/contract/x?name=malformed");
        Map<String, String> withoutKey = Map.of("Upgrade", "websocket", "Connection", "Upgrade",
                "Sec-WebSocket-Version", "13");
        Handshake noKey = Handshake.attempt(contract, "GET", withoutKey);
        assertEquals("400 Missing Sec-WebSocket-Key header", noKey.status() + " " + noKey.body());
        assertEquals(400, Handshake.attempt(contract, Map.of("Sec-WebSocket-Key", "abc")).status());

        Handshake oldVersion = Handshake.attempt(contract, Map.of("Sec-WebSocket-Version", "8"));
        assertEquals(426, oldVersion.status());
        assertEquals("13", oldVersion.header("Sec-WebSocket-Version"));

        Map<String, String> post = new java.util.LinkedHashMap<>(withoutKey);
        post.put("Sec-WebSocket-Key", Handshake.KEY);
        post.put("Content-Length", "0");
        Handshake byPost = Handshake.attempt(contract, "POST", post);
        assertEquals(405, byPost.status());
        assertEquals("GET", byPost.header("Allow"));
        assertEquals(List.of(), events("malformed"));
    }
}
