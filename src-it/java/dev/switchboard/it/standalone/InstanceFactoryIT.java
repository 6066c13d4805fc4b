package dev.switchboard.it.standalone;

import dev.switchboard.InstanceFactory;
import dev.switchboard.OnConnected;
import dev.switchboard.OnDisconnected;
import dev.switchboard.OnText;
import dev.switchboard.Route;
import dev.switchboard.Switchboard;
import dev.switchboard.it.clients.WsClient;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Route instances from an {@link InstanceFactory}: one per connection, released after its
 * {@code @OnDisconnected}; one for a shared route, made at the start and released at the stop; and clear errors
 * where nothing can make a route.
 */
class InstanceFactoryIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** A route whose constructor takes what the factory gives it; numbered in the order it was made. */
    @Route("/factory/each")
    static class EachRoute {
        final String greeting;
        final List<String> events;

        @Inject
        EachRoute(String greeting, List<String> events) {
            this.greeting = greeting;
            this.events = events;
        }

        @OnConnected
        void joined() {
            events.add("connected " + this);
        }

        @OnText
        String said(String text) {
            return greeting + " " + this;
        }

        @OnDisconnected
        void left() {
            events.add("disconnected " + this);
        }
    }

    /** One instance for every connection, made by the factory. */
    @Route(value = "/factory/shared", shared = true)
    static class SharedRoute {
        private final AtomicInteger messages = new AtomicInteger();

        @OnText
        String said(String text) {
            return this + " " + messages.incrementAndGet();
        }
    }

    /** Makes each route with a number, and records what it makes and releases. */
    static final class RecordingFactory implements InstanceFactory {
        final List<String> events = new CopyOnWriteArrayList<>();
        private final AtomicInteger made = new AtomicInteger();

        @Override
        public Object create(Class<?> routeClass) {
            int number = made.incrementAndGet();
            Object instance = routeClass == EachRoute.class
                    ? new EachRoute("hello from", events) { public String toString() { return "each#" + number; } }
                    : new SharedRoute() { public String toString() { return "shared#" + number; } };
            events.add("created " + instance);
            return instance;
        }

        @Override
        public void release(Object instance) {
            events.add("released " + instance);
        }
    }

    @Test
    void perConnectionInstancesAreMadeForEachConnectionAndReleasedAfterOnDisconnected() {
        RecordingFactory factory = new RecordingFactory();
        try (Switchboard server = Switchboard.builder().port(0).route(EachRoute.class).instanceFactory(factory)
                .build().start()) {
            String first;
            try (WsClient a = WsClient.connect(uri(server, "/factory/each"));
                 WsClient b = WsClient.connect(uri(server, "/factory/each"))) {
                first = ask(a, "who?");
                assertTrue(first.startsWith("hello from each#"), first);
                assertTrue(!ask(b, "who?").equals(first), "each connection has its own instance");
            }
            String instance = first.substring("hello from ".length());
            await().atMost(WAIT).until(() -> factory.events.contains("released " + instance));
            List<String> ofInstance = factory.events.stream().filter(event -> event.endsWith(" " + instance)).toList();
            assertEquals(List.of("created " + instance, "connected " + instance, "disconnected " + instance,
                    "released " + instance), ofInstance);
        }
    }

    @Test
    void aSharedInstanceIsMadeAtTheStartAndReleasedAtTheStop() {
        RecordingFactory factory = new RecordingFactory();
        Switchboard server = Switchboard.builder().port(0).route(SharedRoute.class).instanceFactory(factory)
                .build().start();
        try (server) {
            assertEquals(List.of("created shared#1"), factory.events);
            try (WsClient a = WsClient.connect(uri(server, "/factory/shared"));
                 WsClient b = WsClient.connect(uri(server, "/factory/shared"))) {
                assertEquals("shared#1 1", ask(a, "one"));
                assertEquals("shared#1 2", ask(b, "two"));
            }
            assertEquals(List.of("created shared#1"), factory.events, "connections do not release it");
        }
        assertEquals(List.of("created shared#1", "released shared#1"), factory.events);
    }

    @Test
    void aRouteWithoutNoArgumentConstructorNeedsAFactory() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Switchboard.builder().port(0).route(EachRoute.class).build().start().close());
        assertTrue(refused.getMessage().contains(EachRoute.class.getName() + " has no no-argument constructor, so its"
                + " instances must come from an instance factory"), refused.getMessage());
    }

    @Test
    void aFactoryThatCannotMakeASharedRouteFailsTheStart() {
        InstanceFactory failing = routeClass -> {
            throw new IllegalArgumentException("no bean of " + routeClass.getSimpleName());
        };
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Switchboard.builder().port(0).route(SharedRoute.class).instanceFactory(failing).build().start()
                        .close());
        assertTrue(refused.getMessage().contains("Could not make the shared instance of route "
                + SharedRoute.class.getName() + ": java.lang.IllegalArgumentException: no bean of SharedRoute"),
                refused.getMessage());
    }

    /** A connection whose instance the factory cannot make is closed with 1011; the server goes on. */
    @Test
    void aConnectionWhoseInstanceCannotBeMadeIsClosedWithInternalError() {
        AtomicInteger calls = new AtomicInteger();
        InstanceFactory flaky = routeClass -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("not now");
            }
            return new EachRoute("hello from", new CopyOnWriteArrayList<>());
        };
        try (Switchboard server = Switchboard.builder().port(0).route(EachRoute.class).instanceFactory(flaky)
                .build().start();
             WsClient failed = WsClient.connect(uri(server, "/factory/each"))) {
            assertEquals(1011, failed.closeCode.orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join());
            try (WsClient next = WsClient.connect(uri(server, "/factory/each"))) {
                assertTrue(ask(next, "who?").startsWith("hello from"));
            }
        }
    }

    private static URI uri(Switchboard server, String path) {
        return URI.create("ws://127.0.0.1:" + server.port() + path);
    }

    private static String ask(WsClient client, String text) {
        int seen = client.texts.size();
        client.sendText(text);
        await().atMost(WAIT).until(() -> client.texts.size() > seen);
        return client.texts.get(seen);
    }
}
