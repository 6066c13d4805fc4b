package dev.switchboard.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.CloseCause;
import dev.switchboard.CloseStatus;
import dev.switchboard.HandshakeCheck;
import dev.switchboard.JsonbCodec;
import dev.switchboard.MessageDecodeException;
import dev.switchboard.OverflowAction;
import dev.switchboard.binding.ConnectionHandlers;
import dev.switchboard.binding.RouteBinding;
import dev.switchboard.binding.RouteOptions;
import dev.switchboard.processor.InMemoryCompiler.Result;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every allowed handler form compiles cleanly into an adapter that is indexed and calls the handlers right. */
class AdapterGenerationTest {

    private static final String IMPORTS = "import dev.switchboard.*;\nimport java.nio.ByteBuffer;\n\n";

    /** Asserts a clean compilation whose generated adapters and index are exactly these. */
    private static Result assertAdapters(Result result, String... adapters) {
        result.assertClean();
        assertEquals(Set.of(adapters), result.sources().keySet());
        assertEquals(Arrays.stream(adapters).sorted().toList(), result.index().lines().toList());
        return result;
    }

    @Test
    void textHandlerForms() {
        assertAdapters(InMemoryCompiler.compile(
                "package t;\n" + IMPORTS + """
                        @Route("/void") class TextVoid { @OnText void said(String text) {} }
                        """,
                "package t;\n" + IMPORTS + """
                        @Route("/{a}/string/{b}") class TextString {
                            @OnText public String said(@PathParam("b") String b, WebSocketSession session, String text,
                                    @PathParam("a") String a) { return text; }
                        }
                        """,
                "package t;\n" + IMPORTS + """
                        @Route("/bytes") class TextBytes {
                            @OnText protected byte[] said(String text, WebSocketSession session) throws Exception {
                                return text.getBytes("UTF-8");
                            }
                        }
                        """,
                "package t;\n" + IMPORTS + """
                        @Route("/buffer") class TextBuffer {
                            @OnText <T> ByteBuffer said(String text) { return ByteBuffer.allocate(0); }
                        }
                        """),
                "t.TextVoid_SwitchboardRoute", "t.TextString_SwitchboardRoute", "t.TextBytes_SwitchboardRoute",
                "t.TextBuffer_SwitchboardRoute");
    }

    @Test
    void binaryHandlerForms() {
        Result result = assertAdapters(InMemoryCompiler.compile(
                "package b;\n" + IMPORTS + """
                        @Route("/bytes") class BinaryBytes { @OnBinary protected void data(byte[] data) {} }
                        """,
                "package b;\n" + IMPORTS + """
                        @Route("/buffer") class BinaryBuffer {
                            @OnBinary public String data(ByteBuffer data, WebSocketSession session) { return "n"; }
                        }
                        """,
                "package b;\n" + IMPORTS + """
                        @Route("/bytes/{x}") class BinaryBytesReply {
                            @OnBinary byte[] data(@PathParam("x") String x, byte[] data) { return data; }
                        }
                        """,
                "package b;\n" + IMPORTS + """
                        @Route("/buffer/{x}") class BinaryBufferReply {
                            @OnBinary ByteBuffer data(WebSocketSession s, ByteBuffer data, @PathParam("x") String x) {
                                return data;
                            }
                        }
                        """),
                "b.BinaryBytes_SwitchboardRoute", "b.BinaryBuffer_SwitchboardRoute",
                "b.BinaryBytesReply_SwitchboardRoute", "b.BinaryBufferReply_SwitchboardRoute");
        assertTrue(result.sources().get("b.BinaryBytes_SwitchboardRoute")
                .contains("route.data(dev.switchboard.binding.Payloads.bytes(message));"));
        assertTrue(result.sources().get("b.BinaryBufferReply_SwitchboardRoute")
                .contains("messages.reply(route.data(session, message, path0), true);"));
    }

    /**
     * Typed messages: a record, a generic list and a primitive decoded by the route's codec, replies encoded by it,
     * a stage's value sent when it completes, and the route's own codec made once per binding's options.
     */
    @Test
    void typedHandlerForms() throws Throwable {
        Result result = assertAdapters(InMemoryCompiler.compile(
                "package j;\n" + IMPORTS + """
                        import java.util.List;
                        import java.util.concurrent.CompletableFuture;
                        import java.util.concurrent.CompletionStage;

                        @Route("/json") class Json {
                            record Message(String text, List<Integer> numbers) { }
                            record Receipt(int count) { }
                            final CompletableFuture<Receipt> later = new CompletableFuture<>();
                            @OnText Receipt said(WebSocketSession session, Message message) {
                                return new Receipt(message.numbers().size());
                            }
                            @OnBinary CompletionStage<Receipt> data(List<Message> messages) { return later; }
                        }
                        """,
                "package j;\n" + IMPORTS + """
                        @Route(value = "/count", codec = JsonbCodec.class) class Count {
                            @OnText int add(int number) { return number + 1; }
                        }
                        """),
                "j.Json_SwitchboardRoute", "j.Count_SwitchboardRoute");
        String json = result.sources().get("j.Json_SwitchboardRoute");
        assertTrue(json.contains("TEXT_MESSAGE_TYPE = j.Json.Message.class;"), json);
        assertTrue(json.contains("BINARY_MESSAGE_TYPE = "
                + "new dev.switchboard.binding.TypeOf<java.util.List<j.Json.Message>>() { }.type();"), json);
        assertTrue(json.contains("(j.Json.Message) messages.decodeText(message, TEXT_MESSAGE_TYPE)"), json);
        assertTrue(json.contains("(java.util.List<j.Json.Message>) messages.decodeBinary(message, BINARY_MESSAGE_TYPE)"),
                json);

        RouteBinding binding = binding(result, "j.Json_SwitchboardRoute");
        assertTrue(binding.usesCodec(), "the runtime finds the codec when it deploys the route");
        RecordingSession session = new RecordingSession(Map.of());
        Object route = binding.constructor().get();
        ConnectionHandlers handlers = binding.connect(session, route, session);
        handlers.onText("{\"text\":\"hi\",\"numbers\":[1,2,3]}");
        handlers.onBinary(ByteBuffer.wrap("[{\"text\":\"a\",\"numbers\":[]}]".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("text:{\"count\":3}"), session.events, "the stage's value waits for its completion");
        java.lang.reflect.Field field = route.getClass().getDeclaredField("later");
        field.setAccessible(true);
        @SuppressWarnings("unchecked")
        CompletableFuture<Object> later = (CompletableFuture<Object>) field.get(route);
        java.lang.reflect.Constructor<?> receipt = result.loader().loadClass("j.Json$Receipt")
                .getDeclaredConstructor(int.class);
        receipt.setAccessible(true);
        later.complete(receipt.newInstance(1));
        assertEquals(List.of("text:{\"count\":3}", "data:{\"count\":1}"), session.events,
                "an @OnBinary handler's reply is encoded as binary");
        MessageDecodeException undecodable = assertThrows(MessageDecodeException.class,
                () -> handlers.onText("{\"text\": [}"));
        assertEquals("j.Json$Message", undecodable.targetType().getTypeName());
        assertTrue(undecodable.position() == 9 || undecodable.position() == 10,
                "where Jackson stopped, at the array that '}' broke: " + undecodable.position());

        RouteOptions count = binding(result, "j.Count_SwitchboardRoute").options();
        assertInstanceOf(JsonbCodec.class, count.codec().get());
        assertTrue(result.sources().get("j.Count_SwitchboardRoute").contains("TEXT_MESSAGE_TYPE = int.class;"));
    }

    @Test
    void lifecycleHandlerFormsWithOptionalParametersOmitted() {
        assertAdapters(InMemoryCompiler.compile("package l;\n" + IMPORTS + """
                @Route("/minimal")
                public class Minimal {
                    @OnConnected void joined() {}
                    @OnPong void pong() {}
                    @OnDisconnected void left() {}
                    @OnError void failed(Throwable error) {}
                }
                """), "l.Minimal_SwitchboardRoute");
    }

    @Test
    void lifecycleHandlerFormsWithEveryParameter() {
        Result result = assertAdapters(InMemoryCompiler.compile("package l;\n" + IMPORTS + """
                @Route("/full/{room}/{user}")
                public class Full {
                    @OnConnected protected void joined(@PathParam("user") String user, WebSocketSession session,
                            @PathParam("room") String room) {}
                    @OnPong public void pong(WebSocketSession session, ByteBuffer payload, @PathParam("room") String r) {}
                    @OnDisconnected void left(CloseStatus status, @PathParam("user") String user, WebSocketSession s) {}
                    @OnError void failed(@PathParam("room") String room, Throwable error, WebSocketSession s)
                            throws java.io.IOException {}
                }
                """), "l.Full_SwitchboardRoute");
        String source = result.sources().get("l.Full_SwitchboardRoute");
        assertTrue(source.contains("java.lang.String path0 = session.pathParam(\"user\");\n"
                + "        java.lang.String path1 = session.pathParam(\"room\");\n"), source);
        assertTrue(source.contains("route.joined(path0, session, path1);"), source);
        assertTrue(source.contains("route.pong(session, payload, path1);"), source);
        assertTrue(source.contains("route.left(status, path0, session);"), source);
        assertTrue(source.contains("route.failed(path1, error, session);\n                return true;"), source);
    }

    @Test
    void sharedAndNestedRoutes() {
        Result result = assertAdapters(InMemoryCompiler.compile("package n;\n" + IMPORTS + """
                public class Outer {
                    @Route(value = "/shared", shared = true)
                    public static class Shared { @OnText String said(String text) { return text; } }

                    protected static class Middle {
                        @Route("/deep") static class Inner { @OnConnected public void joined() {} }
                    }
                }
                """), "n.Outer_Shared_SwitchboardRoute", "n.Outer_Middle_Inner_SwitchboardRoute");
        String shared = result.sources().get("n.Outer_Shared_SwitchboardRoute");
        assertTrue(shared.contains("true, // shared"), shared);
        assertTrue(shared.contains("return Outer.Shared::new;"), shared);
        assertTrue(shared.contains("Outer.Shared route = (Outer.Shared) instance;"), shared);
        String inner = result.sources().get("n.Outer_Middle_Inner_SwitchboardRoute");
        assertTrue(inner.contains("return Outer.Middle.Inner::new;"), inner);
        assertTrue(inner.contains("Outer.Middle.Inner route = (Outer.Middle.Inner) instance;"), inner);
    }

    @Test
    void routeInTheDefaultPackageWithoutHandlers() {
        assertAdapters(InMemoryCompiler.compile(IMPORTS + "@Route(\"/\") class Root {}"), "Root_SwitchboardRoute");
    }

    @Test
    void classesOfTheRoutesPackageCannotShadowNamesOfTheAdapter() {
        assertAdapters(InMemoryCompiler.compile(
                "package s;\n" + IMPORTS + """
                        @Route("/s") class Clash {
                            @OnText java.lang.String said(java.lang.String text) { return text; }
                            @OnBinary void data(byte[] data) {}
                        }
                        """,
                "package s; class String {}",
                "package s; class Override {}",
                "package s; class Payloads {}",
                "package s; class Generated {}",
                "package s; class WebSocketSession {}",
                "package s; class Throwable {}",
                "package s; class Class {}"),
                "s.Clash_SwitchboardRoute");
    }

    @Test
    void settingsAreWrittenAsLiterals() throws Exception {
        Result result = assertAdapters(InMemoryCompiler.compile("package o;\n" + IMPORTS + """
                @Route(value = "/tuned", shared = true, maxQueuedMessages = 7, maxQueuedBytes = 1L << 40,
                        onOverflow = OverflowAction.DROP_OLDEST, maxMessageBytes = 4096, sendTimeoutSeconds = 0,
                        heartbeatSeconds = 15, idleTimeoutSeconds = 300, origins = {"https://a.example", "*"},
                        subprotocols = {"v2", "caf\u00e9 \\\"1\\\""}, maxSessions = 12, handshake = Tuned.Check.class)
                public class Tuned {
                    public static class Check implements HandshakeCheck {
                        public HandshakeDecision check(HandshakeRequest request) {
                            return HandshakeDecision.reject(401, "no");
                        }
                    }
                }
                """, "package o;\n" + IMPORTS + "@Route(\"/plain\") class Plain {}"),
                "o.Tuned_SwitchboardRoute", "o.Plain_SwitchboardRoute");

        RouteOptions tuned = binding(result, "o.Tuned_SwitchboardRoute").options();
        assertEquals(new RouteOptions(true, 7, 1L << 40, OverflowAction.DROP_OLDEST, 4096, 0, 15, 300,
                List.of("https://a.example", "*"), List.of("v2", "caf\u00e9 \"1\""), 12, tuned.handshake(), null, 0), tuned);
        HandshakeCheck check = tuned.newHandshakeCheck();
        assertEquals("o.Tuned$Check", check.getClass().getName());
        assertEquals(401, check.check(null).status());
        assertNotSame(check, tuned.newHandshakeCheck(), "each deployment gets its own");

        RouteOptions plain = binding(result, "o.Plain_SwitchboardRoute").options();
        assertEquals(new RouteOptions(false, 0, 0, OverflowAction.INHERIT, 0, -1, -1, -1, List.of(), List.of(), 0,
                null, null, 0), plain, "the annotation's defaults");
        assertTrue(plain.newHandshakeCheck().check(null).accepted(), "no check: every request is accepted");
    }

    /** Binds a connection as the runtime does without an instance factory: to a new instance of the route. */
    private static ConnectionHandlers connect(RouteBinding binding, RecordingSession session) {
        return binding.connect(session, binding.constructor().get(), session);
    }

    private static RouteBinding binding(Result result, String adapter) throws ReflectiveOperationException {
        return (RouteBinding) result.loader().loadClass(adapter).getDeclaredConstructor().newInstance();
    }

    /**
     * A route whose constructor takes what an injector gives compiles when it is marked for the injector, and its
     * adapter has no constructor to offer: the runtime asks the instance factory for its instances.
     */
    @Test
    void routeWithOnlyAnInjectedConstructorLeavesItsInstancesToTheFactory() throws Exception {
        Result result = assertAdapters(InMemoryCompiler.compile(
                "package i;\n@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)"
                        + " @interface Inject {}\n",
                "package i;\n" + IMPORTS + """
                        @Route("/greet") class Greeting {
                            private final StringBuilder greeter;
                            @Inject Greeting(StringBuilder greeter) { this.greeter = greeter; }
                            @OnText String said(String text) { return greeter.append(text).toString(); }
                        }
                        """,
                "package i;\n" + IMPORTS + "@Route(\"/plain\") class Plain {}"),
                "i.Greeting_SwitchboardRoute", "i.Plain_SwitchboardRoute");
        assertNull(binding(result, "i.Greeting_SwitchboardRoute").constructor());
        Object plain = binding(result, "i.Plain_SwitchboardRoute").constructor().get();
        assertEquals("i.Plain", plain.getClass().getName());
    }

    @Test
    void pathIsWrittenAsAnEscapedLiteral() throws Exception {
        Result result = assertAdapters(InMemoryCompiler.compile("package p;\n" + IMPORTS
                + "@Route(\"/caf\\u00e9/\\\"q\\\"/back\\\\slash/{id}\") class Odd {}"), "p.Odd_SwitchboardRoute");
        RouteBinding binding = (RouteBinding) result.loader().loadClass("p.Odd_SwitchboardRoute")
                .getDeclaredConstructor().newInstance();
        assertEquals("/caf\u00e9/\"q\"/back\\slash/{id}", binding.path());
    }

    @Test
    void generatedAdapterCallsTheHandlersWithTheRightArguments(@TempDir Path out) throws Throwable {
        Result result = InMemoryCompiler.compileInto(out, """
                package com.example.chat;

                import dev.switchboard.*;
                import java.nio.ByteBuffer;

                @Route("/chat/{room}/{user}")
                public class ChatRoom {
                    private int texts;

                    @OnConnected
                    void joined(@PathParam("user") String user, WebSocketSession session, @PathParam("room") String room) {
                        session.writeText("joined " + user + "@" + room);
                    }

                    @OnText
                    String said(WebSocketSession session, String text, @PathParam("user") String user) {
                        texts++;
                        if (text.equals("fail")) {
                            throw new IllegalStateException("asked to fail");
                        }
                        return user + " said " + text + " #" + texts;
                    }

                    @OnBinary
                    byte[] data(byte[] data) {
                        byte[] reversed = new byte[data.length];
                        for (int i = 0; i < data.length; i++) {
                            reversed[i] = data[data.length - 1 - i];
                        }
                        return reversed;
                    }

                    @OnPong
                    void pong(ByteBuffer payload, WebSocketSession session) {
                        session.writeText("pong of " + payload.remaining());
                    }

                    @OnDisconnected
                    void left(CloseStatus status, WebSocketSession session, @PathParam("room") String room) {
                        session.writeText("left " + room + " " + status.code() + " " + status.cause());
                    }

                    @OnError
                    void failed(WebSocketSession session, Throwable error) {
                        session.writeText("error " + error.getMessage());
                    }
                }
                """, """
                package com.example.chat;

                import dev.switchboard.*;
                import java.nio.ByteBuffer;

                @Route(value = "/count", shared = true)
                public class Counter {
                    private int count;

                    @OnBinary
                    synchronized String data(ByteBuffer data) {
                        return "count " + (++count);
                    }
                }
                """);
        result.assertClean();
        assertEquals("com.example.chat.ChatRoom_SwitchboardRoute\ncom.example.chat.Counter_SwitchboardRoute\n",
                result.index());

        try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()},
                AdapterGenerationTest.class.getClassLoader())) {
            // The index in the output directory is what ServiceLoader reads, as the runtime will.
            Map<String, RouteBinding> bindings = ServiceLoader.load(RouteBinding.class, loader).stream()
                    .filter(provider -> provider.type().getClassLoader() == loader)
                    .map(ServiceLoader.Provider::get)
                    .collect(Collectors.toMap(RouteBinding::path, Function.identity(), (a, b) -> a, TreeMap::new));
            assertEquals(Set.of("/chat/{room}/{user}", "/count"), bindings.keySet());

            RouteBinding chat = bindings.get("/chat/{room}/{user}");
            assertEquals("com.example.chat.ChatRoom", chat.routeClass().getName());
            assertTrue(chat.handlesText());
            assertTrue(chat.handlesBinary());
            assertFalse(chat.usesCodec(), "no typed message: the runtime never looks for a codec");

            RecordingSession session = new RecordingSession(Map.of("room", "lobby", "user", "ann"));
            ConnectionHandlers handlers = connect(chat, session);
            assertEquals(List.of("user", "room"), session.pathLookups, "each variable resolved once, at connect");
            handlers.onConnected();
            handlers.onText("hi");
            handlers.onText("again");
            ByteBuffer message = ByteBuffer.wrap("abc".getBytes(StandardCharsets.UTF_8));
            handlers.onBinary(message);
            assertEquals(0, message.position(), "the handler got a copy; the buffer is untouched");
            handlers.onPong(ByteBuffer.allocate(4));
            assertTrue(handlers.onError(new IllegalStateException("boom")));
            handlers.onDisconnected(new CloseStatus(CloseStatus.NORMAL, "", CloseCause.CLIENT_CLOSED));
            assertEquals(List.of("text:joined ann@lobby", "text:ann said hi #1", "text:ann said again #2", "data:cba",
                    "text:pong of 4", "text:error boom", "text:left lobby 1000 CLIENT_CLOSED"), session.events);
            assertEquals(List.of("user", "room"), session.pathLookups, "no look-ups per message");

            // Handler exceptions reach the caller unchanged, for the runtime's error policy.
            IllegalStateException failure = assertThrows(IllegalStateException.class, () -> handlers.onText("fail"));
            assertEquals("asked to fail", failure.getMessage());

            // Without shared = true every connection gets its own instance.
            RecordingSession second = new RecordingSession(Map.of("room", "attic", "user", "bob"));
            connect(chat, second).onText("hello");
            assertEquals(List.of("text:bob said hello #1"), second.events);

            // With shared = true the runtime binds every connection to one instance; absent handlers keep the
            // defaults.
            RouteBinding counter = bindings.get("/count");
            assertTrue(counter.options().shared());
            assertFalse(counter.handlesText());
            assertTrue(counter.handlesBinary());
            RecordingSession a = new RecordingSession(Map.of());
            RecordingSession b = new RecordingSession(Map.of());
            Object shared = counter.constructor().get();
            counter.connect(a, shared, a).onBinary(ByteBuffer.allocate(1));
            ConnectionHandlers handlersOfB = counter.connect(b, shared, b);
            handlersOfB.onBinary(ByteBuffer.allocate(1));
            handlersOfB.onText("ignored");
            assertFalse(handlersOfB.onError(new RuntimeException()), "no @OnError handler: the runtime logs");
            assertEquals(List.of("text:count 1"), a.events);
            assertEquals(List.of("text:count 2"), b.events);
        }
    }

    @Test
    void inheritedHandlersAreCalledAndOverridesRunInTheirPlace() throws Throwable {
        Result result = assertAdapters(InMemoryCompiler.compile("""
                package base;

                import dev.switchboard.*;

                /** Abstract, so not a stray; public handlers, so adapters of other packages can call them. */
                public abstract class Recorder<M> {
                    @OnConnected
                    public void joined(WebSocketSession session, @PathParam("room") String room) {
                        session.writeText("joined " + room);
                    }

                    @OnText
                    public String said(M text) {
                        return "base " + text;
                    }

                    @OnError
                    public void failed(Throwable error, WebSocketSession session) {
                        session.writeText("error " + error.getMessage());
                    }
                }
                """, """
                package app;

                import dev.switchboard.*;
                import java.nio.ByteBuffer;

                /** Neither abstract nor a route: a base of routes, since one extends it. */
                class Middle extends base.Recorder<String> {
                    @OnPong
                    void pong(ByteBuffer payload, WebSocketSession session) {
                        session.writeText("pong " + payload.remaining());
                    }

                    @OnDisconnected
                    void left(CloseStatus status, WebSocketSession session) {
                        session.writeText("middle left");
                    }
                }
                """, """
                package app;

                import dev.switchboard.*;

                @Route("/chat/{room}")
                public class Chat extends Middle {
                    @Override
                    public String said(String text) {
                        return "chat " + text;
                    }

                    @OnDisconnected
                    @Override
                    void left(CloseStatus status, WebSocketSession session) {
                        session.writeText("chat left " + status.code());
                    }
                }
                """, """
                package app;

                @dev.switchboard.Route("/plain/{room}")
                public class Plain extends base.Recorder<String> {}
                """), "app.Chat_SwitchboardRoute", "app.Plain_SwitchboardRoute");

        RouteBinding chat = (RouteBinding) result.loader().loadClass("app.Chat_SwitchboardRoute")
                .getDeclaredConstructor().newInstance();
        assertTrue(chat.handlesText());
        assertFalse(chat.handlesBinary());
        RecordingSession session = new RecordingSession(Map.of("room", "lobby"));
        ConnectionHandlers handlers = connect(chat, session);
        handlers.onConnected();
        handlers.onText("hi");
        handlers.onPong(ByteBuffer.allocate(4));
        assertTrue(handlers.onError(new IllegalStateException("boom")));
        handlers.onDisconnected(new CloseStatus(CloseStatus.NORMAL, "", CloseCause.CLIENT_CLOSED));
        assertEquals(List.of("text:joined lobby", "text:chat hi", "text:pong 4", "text:error boom",
                "text:chat left 1000"), session.events, "inherited handlers run, and each override in place of its"
                + " superclass's method, whether or not it repeats the annotation");

        RouteBinding plain = (RouteBinding) result.loader().loadClass("app.Plain_SwitchboardRoute")
                .getDeclaredConstructor().newInstance();
        RecordingSession other = new RecordingSession(Map.of("room", "attic"));
        ConnectionHandlers plainHandlers = connect(plain, other);
        plainHandlers.onConnected();
        plainHandlers.onText("hi");
        assertEquals(List.of("text:joined attic", "text:base hi"), other.events);
    }

    @Test
    void repliesOfEachTypeAreWrittenAndNullRepliesAreNot() throws Throwable {
        Result result = InMemoryCompiler.compile("package r;\n" + IMPORTS + """
                @Route("/r")
                public class Replies {
                    @OnText ByteBuffer said(String text) {
                        return text.isEmpty() ? null : ByteBuffer.wrap(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    }
                }
                """).assertClean();
        RouteBinding binding = (RouteBinding) result.loader().loadClass("r.Replies_SwitchboardRoute")
                .getDeclaredConstructor().newInstance();
        RecordingSession session = new RecordingSession(Map.of());
        ConnectionHandlers handlers = connect(binding, session);
        handlers.onText("x");
        handlers.onText("");
        assertEquals(List.of("data:x"), session.events);
    }
}
