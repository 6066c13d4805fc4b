package dev.switchboard.it.containers;

import dev.switchboard.containers.Container;
import dev.switchboard.containers.Containers;
import dev.switchboard.containers.RequiresContainers;
import dev.switchboard.containers.War;
import dev.switchboard.containers.WarBuilder;
import dev.switchboard.contract.PlainServlet;
import dev.switchboard.it.clients.Handshake;
import dev.switchboard.it.clients.RawClient;
import dev.switchboard.it.clients.WsClient;
import dev.switchboard.it.cluster.ClusterWarChecks;
import dev.switchboard.it.contract.ContractSuite;
import dev.switchboard.it.examples.ExampleAppChecks;
import dev.switchboard.settingsapp.AppSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Everything the integration tests check on one container, which starts once for it: the contract app as a
 * WAR, deployed before the first test, with the route and session contract ({@link ContractSuite}), what only a
 * WAR has (a servlet of the application's own), the smoke checks (echo, chat, large messages, handshakes,
 * 404s), the broken app's deployment refused with Switchboard's message, and, last, undeploying the app and
 * stopping the container: open sessions get 1001, and no threads or thread-local values are left behind. A
 * container's test class names the container, and the close code a stop gives where it is not 1001:
 *
 * <pre>{@code
 * class Tomcat11IT extends ContainerSuite {
 *     protected Container newContainer() { return Containers.tomcat11(); }
 * }
 * }</pre>
 */
@RequiresContainers
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ContainerSuite extends ContractSuite {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private Container container;

    /** A new, stopped container. */
    protected abstract Container newContainer();

    @BeforeAll
    void startContainer() {
        container = newContainer().deploy(WarBuilder.contractApp()).start();
    }

    @AfterAll
    void stopContainer() {
        Containers.stop(container);
    }

    @Override
    protected URI base() {
        return container.base(WarBuilder.contractApp());
    }

    @Test
    void aServletOnARoutesPathAnswersItsPlainRequests() throws IOException {
        Handshake page = Handshake.attempt(uri("/contract/servlet"), "GET", Map.of());
        assertEquals("200 " + PlainServlet.BODY, page.status() + " " + page.body());
    }

    // ---- the smoke checks

    @Test
    public void echoesTextAndBinary() {
        exampleApp().echoSendsEveryMessageBack();
    }

    /**
     * 256 KiB messages echo as they do standalone (Tyrus echoes 5 MiB), beyond the containers' default limits
     * (Tomcat 8 KiB, Jetty 64 KiB, which close with 1009).
     */
    @Test
    public void echoesMessagesLargerThanTheContainersDefaultLimits() {
        int size = 256 * 1024;
        String text = "x".repeat(size);
        byte[] data = new byte[size];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        try (WsClient client = connect(uri("/echo"))) {
            client.sendText(text);
            await().atMost(WAIT).until(() -> client.texts.size() == 1 || client.closeCode.isDone());
            assertTrue(!client.closeCode.isDone(), () -> "a " + size + "-byte text closed the session with "
                    + client.closeCode.join() + " " + client.closeReason);
            assertEquals(text, client.texts.get(0));

            client.sendBinary(data);
            await().atMost(WAIT).until(() -> client.binaries.size() == 1 || client.closeCode.isDone());
            assertTrue(!client.closeCode.isDone(), () -> "a " + size + "-byte binary message closed the session with "
                    + client.closeCode.join() + " " + client.closeReason);
            ByteBuffer echoed = client.binaries.get(0);
            byte[] received = new byte[echoed.remaining()];
            echoed.get(received);
            assertArrayEquals(data, received);
        }
    }

    @Test
    public void chatReachesEverySessionOfTheRoomAndNoOther() {
        exampleApp().chatReachesEverySessionOfTheRoomAndNoOther();
    }

    /** The example app's checks, on the contract app's WAR, which holds it. */
    private ExampleAppChecks exampleApp() {
        return new ExampleAppChecks(path -> connect(uri(path)));
    }

    /** Members write to each other from many container threads at once: the send queue keeps each send whole. */
    @Test
    public void concurrentBroadcastsReachEveryMemberInSenderOrder() throws Exception {
        int members = 4;
        int messages = 100;
        String room = "/chat/busy";
        List<WsClient> clients = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(members);
        try {
            for (int i = 0; i < members; i++) {
                clients.add(connect(uri(room)));
            }
            for (int i = 0; i < members; i++) {
                clients.get(i).sendText("join " + i);
            }
            // A member's own message comes back once it has joined: then all are in.
            await().atMost(WAIT).until(() -> clients.stream().allMatch(c -> c.texts.contains("join " + clients.indexOf(c))));
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < members; i++) {
                WsClient client = clients.get(i);
                int sender = i;
                sent.add(senders.submit(() -> {
                    go.await();
                    for (int m = 0; m < messages; m++) {
                        client.sendText(sender + ":" + m);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : sent) {
                future.get(30, TimeUnit.SECONDS);
            }
            await().atMost(WAIT).until(() -> clients.stream().allMatch(c -> broadcasts(c).size() >= members * messages
                    || c.closeCode.isDone()));
            for (WsClient client : clients) {
                assertTrue(!client.closeCode.isDone(), () -> "closed with " + client.closeCode.join() + " "
                        + client.closeReason);
                assertEquals(members * messages, broadcasts(client).size());
                for (int s = 0; s < members; s++) {
                    String prefix = s + ":";
                    List<String> fromSender = broadcasts(client).stream().filter(t -> t.startsWith(prefix)).toList();
                    List<String> expected = new ArrayList<>();
                    for (int m = 0; m < messages; m++) {
                        expected.add(prefix + m);
                    }
                    assertEquals(expected, fromSender);
                }
            }
        } finally {
            senders.shutdownNow();
            clients.forEach(WsClient::close);
        }
    }

    @Test
    public void handshakeFollowsRfc6455WithOrWithoutAQuery() throws IOException {
        for (String path : List.of("/echo", "/echo?who=probe&n=1", "/chat/lobby?x=%20y")) {
            Handshake handshake = Handshake.attempt(uri(path));
            assertEquals(101, handshake.status(), path);
            assertEquals("websocket", handshake.header("Upgrade").toLowerCase(java.util.Locale.ROOT), path);
            assertEquals(Handshake.expectedAccept(), handshake.header("Sec-WebSocket-Accept"), path);
        }
    }

    @Test
    public void unknownPathsAnswer404() throws IOException {
        assertEquals(404, Handshake.attempt(uri("/nowhere")).status());
        assertEquals(404, Handshake.attempt(uri("/chat")).status());
        assertEquals(404, Handshake.attempt(container.ws("/no-such-app/echo")).status());
        CompletionException refused = assertThrows(CompletionException.class, () -> connect(uri("/nowhere")));
        WebSocketHandshakeException handshake = assertInstanceOf(WebSocketHandshakeException.class, refused.getCause());
        assertEquals(404, handshake.getResponse().statusCode());
    }

    @Test
    public void closeFromTheClientIsAnsweredWithItsCode() {
        try (WsClient client = connect(uri("/echo"))) {
            client.sendClose(4001, "bye");
            assertEquals(4001, client.closeCode.orTimeout(20, TimeUnit.SECONDS).join());
        }
    }

    /**
     * An app with a {@code @Route} class but no generated adapter is refused, and none of its routes served. Runs
     * after the contract, beside which the broken app stays deployed.
     */
    @Test
    @Order(Integer.MAX_VALUE - 2)
    public void brokenAppFailsItsDeploymentWithSwitchboardsMessage() throws IOException {
        War broken = WarBuilder.brokenApp();
        container.deployWithoutWaiting(broken).awaitLog(WarBuilder.BROKEN_MESSAGE);
        String line = container.log().lines().filter(l -> l.contains(WarBuilder.BROKEN_MESSAGE)).findFirst().orElseThrow();
        System.out.println("[containers] " + container + " refused " + broken.contextPath() + ": " + line.strip());
        URI chat = container.ws(broken.contextPath() + "/chat/lobby");
        // The context fails as a whole, so its well-formed route is not served either.
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> Handshake.attempt(chat).status() != 101);
        int status = Handshake.attempt(chat).status();
        System.out.println("[containers] " + container + ": " + chat + " answers " + status);
        assertNotEquals(101, status);
        assertTrue(status == 404 || status == 503, "status " + status);
    }

    // ---- route instances from the container's CDI

    /** Whether the container runs CDI for applications, where route instances then come from. */
    protected boolean hasCdi() {
        return false;
    }

    /**
     * A plain route class gets a CDI bean injected, and its {@code @PreDestroy} runs after the connection ended,
     * on a container with CDI; without, the route is made with {@code new} and works as before.
     */
    @Test
    public void routeInstancesComeFromTheContainersCdiWhereItHasIt() {
        int releasedBefore;
        try (WsClient client = connect(uri("/injected"))) {
            assertEquals(hasCdi() ? "hello ann" : "no injection", ask(client, "greet"));
            releasedBefore = Integer.parseInt(ask(client, "released?"));
        }
        try (WsClient client = connect(uri("/injected"))) {
            if (hasCdi()) {
                await().atMost(WAIT).until(() -> Integer.parseInt(ask(client, "released?")) == releasedBefore + 1);
            } else {
                assertEquals("0", ask(client, "released?"));
            }
        }
    }

    // ---- the settings app: a WarSettings class sets every server-wide setting

    private boolean settingsAppDeployed;

    /**
     * Whether this container runs the settings app's tests. Containers whose WebSocket engine another one of the
     * suite shares (Tomcat 10.1 and 11, Jetty's ee10 and ee11, GlassFish 7 and 8 and Payara) run them once for
     * that engine, which keeps the suite's time down.
     */
    protected boolean runsSettingsApp() {
        return true;
    }

    /** A URI of the settings app, deployed beside the contract app on first use. */
    private URI settingsApp(String path) {
        Assumptions.assumeTrue(runsSettingsApp(), "the settings app runs on another container of the same engine");
        War app = WarBuilder.settingsApp();
        if (!settingsAppDeployed) {
            container.deploy(app);
            settingsAppDeployed = true;
        }
        return container.ws(app.contextPath() + path);
    }

    @Test
    public void warSettingsAllowTheirOriginsAndLimitMessageSize() throws IOException {
        URI echo = settingsApp("/tuned/echo");
        assertEquals(403, Handshake.attempt(echo, Map.of("Origin", "https://elsewhere.example")).status());
        assertEquals(101, Handshake.attempt(echo, Map.of("Origin", AppSettings.ORIGIN)).status());
        try (WsClient client = connect(echo)) {
            String largest = "x".repeat(AppSettings.MAX_MESSAGE_BYTES);
            assertEquals(largest, ask(client, largest));
            client.sendText(largest + "x");
            assertEquals(1009, client.closeCode.orTimeout(20, TimeUnit.SECONDS).join());
        }
    }

    /** A client that sends nothing is pinged every second, then closed when the idle timeout passes. */
    @Test
    public void warSettingsPingAndCloseIdleSessions() {
        try (WsClient client = connect(settingsApp("/tuned/echo"))) {
            assertEquals(1001, client.closeCode.orTimeout(20, TimeUnit.SECONDS).join());
            assertEquals("idle timeout", client.closeReason);
            assertTrue(client.pings.size() >= 2, () -> client.pings.size() + " pings");
        }
    }

    @Test
    public void warSettingsLimitSessions() {
        URI echo = settingsApp("/tuned/echo");
        // Sessions of other tests may still be ending: try until the app is quiet.
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            List<WsClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < AppSettings.MAX_SESSIONS; i++) {
                    clients.add(connect(echo));
                }
                assertEquals(503, Handshake.attempt(echo).status());
            } finally {
                clients.forEach(WsClient::close);
            }
        });
    }

    /** A client that reads nothing is flooded past the send queue limits, whose overflow action closes it. */
    @Test
    public void warSettingsLimitTheSendQueue() throws IOException {
        URI echo = settingsApp("/tuned/echo");
        try (RawClient stalled = RawClient.upgrade(settingsApp("/tuned/flood"))) {
            assertEquals(101, stalled.statusCode());
            stalled.send(RawClient.frame(1, "flood".getBytes(StandardCharsets.UTF_8)));
            try (WsClient client = connect(echo)) {
                await().atMost(WAIT).until(() -> ask(client, "causes?").contains("SLOW_CONSUMER"));
            }
        }
    }

    @Test
    public void warSettingsMakeRoutesWithTheirInstanceFactory() {
        URI made = settingsApp("/tuned/made");
        try (WsClient client = connect(settingsApp("/tuned/echo"))) {
            int releasedBefore;
            try (WsClient route = connect(made)) {
                assertEquals(AppSettings.MADE_BY, ask(route, "who made you?"));
                releasedBefore = Integer.parseInt(ask(client, "released?"));
            }
            await().atMost(WAIT).until(() -> Integer.parseInt(ask(client, "released?")) > releasedBefore);
        }
    }

    /** The app's metrics count its sessions, by route template. */
    @Test
    public void warSettingsReportMetrics() {
        URI echo = settingsApp("/tuned/echo");
        try (WsClient client = connect(echo)) {
            long before = Long.parseLong(ask(client, "opened?"));
            try (WsClient another = connect(echo)) {
                assertEquals("hi", ask(another, "hi"));
            }
            assertEquals(before + 1, Long.parseLong(ask(client, "opened?")));
        }
    }

    /** Undeploying the settings app drains it with its shutdown timeout, which its summary line names. */
    @Test
    @Order(Integer.MAX_VALUE - 3)
    public void warSettingsDrainWithTheirShutdownTimeout() {
        URI echo = settingsApp("/tuned/echo");
        try (WsClient client = connect(echo)) {
            assertEquals("still here", ask(client, "still here"));
            container.undeploy(WarBuilder.settingsApp());
            settingsAppDeployed = false;
            assertEquals(1001, client.closeCode.orTimeout(20, TimeUnit.SECONDS).join());
        }
        container.awaitLog("cut after " + AppSettings.SHUTDOWN_TIMEOUT);
    }

    // ---- the cluster app: a WAR as a node of a Redis cluster

    /**
     * Whether this container runs the cluster app's test: once per family of containers, as the settings app, since
     * what it checks (Lettuce and Netty loaded from {@code WEB-INF/lib}, their threads ended on undeploy) depends on
     * the container's class loading, not on its WebSocket engine's version.
     */
    protected boolean runsClusterApp() {
        return runsSettingsApp();
    }

    /** The cluster app, deployed beside the contract app, and a standalone node hear each other through Redis. */
    @Test
    public void aWarIsANodeOfARedisCluster() throws Exception {
        Assumptions.assumeTrue(runsClusterApp(), "the cluster app runs on another container of the same family");
        ClusterWarChecks.warIsANodeOfTheCluster(container);
    }

    /** Sends a text and waits for the next one. */
    private static String ask(WsClient client, String text) {
        int seen = client.texts.size();
        client.sendText(text);
        await().atMost(WAIT).until(() -> client.texts.size() > seen);
        return client.texts.get(seen);
    }

    private static List<String> broadcasts(WsClient client) {
        return client.texts.stream().filter(text -> !text.startsWith("join ")).toList();
    }

    /**
     * Undeploying the app ends its open sessions with 1001 Going Away, after what was written to them, and
     * leaves none of its threads or thread-local values behind in the container.
     */
    @Test
    @Order(Integer.MAX_VALUE - 1)
    public void undeployingTheAppClosesItsSessionsWithGoingAway() {
        War app = WarBuilder.contractApp();
        try (WsClient client = connect(uri("/echo"))) {
            client.sendText("still here");
            await().atMost(WAIT).until(() -> client.texts.contains("still here"));
            container.undeploy(app);
            assertEquals(1001, client.closeCode.orTimeout(20, TimeUnit.SECONDS).join(), () -> "reason " + client.closeReason);
        }
        container.deploy(app);
        assertEquals(List.of(), container.leakReports());
    }

    /**
     * The close code an open session gets when the whole container stops: 1001 Going Away, where the container
     * stops its applications before it closes their connections.
     */
    protected int closeCodeOnStop() {
        return 1001;
    }

    /** Stopping the container (its graceful stop) ends open sessions with {@link #closeCodeOnStop()}. Runs last. */
    @Test
    @Order(Integer.MAX_VALUE)
    public void stoppingTheContainerClosesOpenSessionsWithGoingAway() {
        try (WsClient client = connect(uri("/echo"))) {
            client.sendText("still here");
            await().atMost(WAIT).until(() -> client.texts.contains("still here"));
            container.stop();
            int code = client.closeCode.orTimeout(20, TimeUnit.SECONDS).join();
            assertEquals(closeCodeOnStop(), code, () -> "reason " + client.closeReason);
            assertEquals(List.of(), container.leakReports());
            System.out.println("[containers] " + container + ": an open session got " + code + " \""
                    + client.closeReason + "\" on stop");
        }
    }
}
