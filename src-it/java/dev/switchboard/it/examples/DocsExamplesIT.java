package dev.switchboard.it.examples;

import dev.switchboard.Switchboard;
import dev.switchboard.contract.Greeter;
import dev.switchboard.docs.LoungeRoute;
import dev.switchboard.docs.MessageSnippets;
import dev.switchboard.docs.MetricsSnippets;
import dev.switchboard.docs.ServerSnippets;
import dev.switchboard.docs.SpringSnippets;
import dev.switchboard.it.clients.WsClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The code that docs/hosts.md, docs/fan-out.md, docs/messages.md, docs/operations.md and docs/spring-boot.md show
 * (from
 * {@code dev.switchboard.docs}) does what they say.
 */
class DocsExamplesIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void theServerWithEverySettingServesItsRoute() {
        try (Switchboard server = ServerSnippets.everySetting();
             WsClient client = WsClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/chat/docs"))) {
            assertEquals(List.of("/chat/{room}"), server.routes());
            client.sendText("hello");
            await().atMost(WAIT).until(() -> client.texts.contains("hello"));
        }
    }

    @Test
    void ordersAreDecodedAnsweredAndBroadcastAsRecords() {
        try (Switchboard server = MessageSnippets.withOwnMapper().start();
             WsClient ann = WsClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/orders"));
             WsClient bob = WsClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/orders"));
             WsClient stock = WsClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/stock"))) {
            await().atMost(WAIT).until(() -> server.sessions(dev.switchboard.docs.OrdersRoute.class).count() == 2);
            String order = "{\"id\":\"o-7\",\"lines\":[{\"item\":\"tea\",\"quantity\":2}],"
                    + "\"placed\":\"2026-12-05T10:15:30Z\"}";
            ann.sendText(order);
            await().atMost(WAIT).until(() -> ann.texts.size() == 1 && bob.texts.size() == 1);
            assertEquals(order, bob.texts.get(0), "the order, encoded again, as the other members get it");
            assertTrue(ann.texts.get(0).matches("\\{\"order\":\"o-7\",\"lines\":1,\"received\":\"20\\d\\d-.*Z\"}"),
                    ann.texts.get(0));

            ann.sendText("{\"id\": \"o-8\", \"lines\": [");
            await().atMost(WAIT).until(() -> ann.texts.size() == 2);
            assertEquals("{\"error\":\"not an order\",\"position\":24}", ann.texts.get(1), "the end, where the list was left open");

            stock.sendText("{\"item\":\"tea\"}");
            await().atMost(WAIT).until(() -> stock.texts.size() == 1);
            assertEquals("{\"item\":\"tea\",\"available\":12}", stock.texts.get(0));
        }
    }

    @Test
    void aTextReachesEveryoneElseAndTheGroupIsToldFromOutsideAHandler() {
        try (Switchboard server = Switchboard.builder().host("127.0.0.1").port(0).route(LoungeRoute.class).build()
                .start();
             WsClient ann = WsClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/lounge"));
             WsClient bob = WsClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/lounge"))) {
            // A session joins its route's view a moment after its client sees the upgrade.
            await().atMost(WAIT).until(() -> server.sessions(LoungeRoute.class).count() == 2);
            ann.sendText("hi");
            await().atMost(WAIT).until(() -> bob.texts.contains("hi"));

            LoungeRoute.openDoors(); // to the group "vip", which Ann joined by speaking and Bob has not
            await().atMost(WAIT).until(() -> ann.texts.contains("doors open"));
            bob.sendText("bye");
            await().atMost(WAIT).until(() -> ann.texts.contains("bye"));

            assertEquals(List.of("doors open", "bye"), ann.texts);
            assertEquals(List.of("hi"), bob.texts);
        }
    }

    @Test
    void theServerWithMetricsReportsItsSessionsToTheRegistry() {
        MeterRegistry registry = new SimpleMeterRegistry();
        try (Switchboard server = MetricsSnippets.serverWithMetrics(registry);
             WsClient client = WsClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/chat/docs"))) {
            client.sendText("hello");
            await().atMost(WAIT).until(() -> client.texts.contains("hello"));
            await().atMost(WAIT).until(() -> registry.get("switchboard.sessions.opened").tag("route", "/chat/{room}")
                    .counter().count() == 1);
        }
    }

    @Test
    void aPlainSpringContextMakesTheRouteInstancesWithTheirBeansInjected() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Greeter.class);
             Switchboard server = SpringSnippets.serverWithSpringInstances(context);
             WsClient client = WsClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/injected"))) {
            client.sendText("greet");
            await().atMost(WAIT).until(() -> client.texts.contains("hello ann"));
        }
    }
}
