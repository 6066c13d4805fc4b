package dev.switchboard.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.CloseCause;
import dev.switchboard.CloseStatus;
import dev.switchboard.JsonbCodec;
import dev.switchboard.OverflowAction;
import dev.switchboard.binding.ClientBinding;
import dev.switchboard.binding.ConnectionHandlers;
import dev.switchboard.binding.MessageForm;
import dev.switchboard.binding.RouteBinding;
import dev.switchboard.binding.RouteOptions;
import dev.switchboard.processor.InMemoryCompiler.Result;

import java.io.StringReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every handler form a client may have compiles into a {@code <Name>_SwitchboardClient} adapter: a
 * {@link ClientBinding} with no path and inherited settings, listed in the client index and never in the route index,
 * that calls the handlers as a route's adapter does.
 */
class ClientAdapterTest {

    private static final String IMPORTS = """
            import dev.switchboard.*;
            import java.io.Reader;
            import java.nio.ByteBuffer;

            """;

    private static ClientBinding binding(Result result, String adapter) throws ReflectiveOperationException {
        return (ClientBinding) result.loader().loadClass(adapter).getDeclaredConstructor().newInstance();
    }

    @Test
    void everyClientHandlerFormCompiles() throws Exception {
        Result result = InMemoryCompiler.compile(
                "package c;\n" + IMPORTS + """
                        @WebSocketClient class Typed {
                            record Quote(String symbol, double price) { }
                            record Ack(String symbol) { }
                            @OnText Ack quoted(Quote quote, WebSocketSession session) { return new Ack(quote.symbol()); }
                        }
                        """,
                "package c;\n" + IMPORTS + """
                        @WebSocketClient class Streamed { @OnText String said(Reader text) { return "read"; } }
                        """,
                "package c;\n" + IMPORTS + """
                        @WebSocketClient class Fragments {
                            @OnText void said(String part, boolean last, WebSocketSession session) {}
                            @OnBinary void data(byte[] part, boolean last) {}
                        }
                        """,
                "package c;\n" + IMPORTS + """
                        @WebSocketClient class Lifecycle {
                            @OnConnected void opened(WebSocketSession session) {}
                            @OnPong void pong(ByteBuffer payload, WebSocketSession session) {}
                            @OnDisconnected void closed(CloseStatus status) {}
                            @OnError void failed(Throwable error, WebSocketSession session) {}
                        }
                        """).assertClean();
        assertEquals(Set.of("c.Typed_SwitchboardClient", "c.Streamed_SwitchboardClient",
                "c.Fragments_SwitchboardClient", "c.Lifecycle_SwitchboardClient"), result.sources().keySet());
        assertEquals(List.of("c.Fragments_SwitchboardClient", "c.Lifecycle_SwitchboardClient",
                "c.Streamed_SwitchboardClient", "c.Typed_SwitchboardClient"), result.clientIndex().lines().toList());
        assertNull(result.index(), "no route, no route index");

        String typed = result.sources().get("c.Typed_SwitchboardClient");
        assertTrue(typed.contains("public final class Typed_SwitchboardClient implements"
                + " dev.switchboard.binding.ClientBinding {"), typed);
        assertTrue(typed.contains("public java.lang.String path() { return \"\"; }"), typed);
        assertTrue(typed.contains("messages.reply(route.quoted((c.Typed.Quote) messages.decodeText(message,"
                + " TEXT_MESSAGE_TYPE), session), false);"), typed);
        assertTrue(binding(result, "c.Typed_SwitchboardClient").usesCodec());
        assertEquals(MessageForm.STREAM, binding(result, "c.Streamed_SwitchboardClient").textForm());
        ClientBinding fragments = binding(result, "c.Fragments_SwitchboardClient");
        assertEquals(List.of(MessageForm.PARTS, MessageForm.PARTS), List.of(fragments.textForm(), fragments.binaryForm()));
    }

    @Test
    void clientAdapterCallsTheHandlers() throws Throwable {
        Result result = InMemoryCompiler.compile("package f;\n" + IMPORTS + """
                @WebSocketClient
                public class Ticker {
                    record Quote(String symbol, double price) { }
                    record Ack(String symbol) { }
                    private int quotes;

                    @OnConnected void opened(WebSocketSession session) { session.writeText("subscribe"); }

                    @OnText Ack quoted(Quote quote) {
                        quotes++;
                        return new Ack(quote.symbol() + " #" + quotes);
                    }

                    @OnBinary void data(WebSocketSession session, byte[] part, boolean last) {
                        session.writeText(new String(part, java.nio.charset.StandardCharsets.UTF_8) + (last ? "." : ","));
                    }

                    @OnPong void pong(ByteBuffer payload, WebSocketSession session) {
                        session.writeText("pong of " + payload.remaining());
                    }

                    @OnDisconnected void closed(CloseStatus status, WebSocketSession session) {
                        session.writeText("closed " + status.code() + " after " + quotes);
                    }

                    @OnError void failed(WebSocketSession session, Throwable error) {
                        session.writeText("error " + error.getMessage());
                    }
                }
                """).assertClean();
        ClientBinding binding = binding(result, "f.Ticker_SwitchboardClient");
        assertEquals("f.Ticker", binding.routeClass().getName());
        assertEquals("", binding.path());
        assertTrue(binding.handlesText());
        assertTrue(binding.handlesBinary());
        assertEquals(MessageForm.PARTS, binding.binaryForm());

        RecordingSession session = new RecordingSession(Map.of());
        ConnectionHandlers handlers = binding.connect(session, binding.constructor().get(), session);
        handlers.onConnected();
        handlers.onText("{\"symbol\":\"ACME\",\"price\":1.5}");
        handlers.onText("{\"symbol\":\"INIT\",\"price\":2}");
        handlers.onBinaryPart(ByteBuffer.wrap("ab".getBytes(StandardCharsets.UTF_8)), false);
        handlers.onBinaryPart(ByteBuffer.wrap("c".getBytes(StandardCharsets.UTF_8)), true);
        handlers.onPong(ByteBuffer.allocate(3));
        assertTrue(handlers.onError(new IllegalStateException("boom")), "the client handled the error");
        handlers.onDisconnected(new CloseStatus(CloseStatus.NORMAL, "", CloseCause.CLIENT_CLOSED));
        assertEquals(List.of("text:subscribe", "text:{\"symbol\":\"ACME #1\"}", "text:{\"symbol\":\"INIT #2\"}",
                "text:ab,", "text:c.", "text:pong of 3", "text:error boom", "text:closed 1000 after 2"), session.events);
    }

    @Test
    void aClientReadsItsTextAsAStream() throws Throwable {
        Result result = InMemoryCompiler.compile("package s;\n" + IMPORTS + """
                @WebSocketClient
                public class Reading {
                    @OnText String said(Reader text, WebSocketSession session) throws java.io.IOException {
                        StringBuilder all = new StringBuilder();
                        for (int c = text.read(); c != -1; c = text.read()) {
                            all.append((char) c);
                        }
                        return "read " + all;
                    }
                }
                """).assertClean();
        ClientBinding binding = binding(result, "s.Reading_SwitchboardClient");
        RecordingSession session = new RecordingSession(Map.of());
        binding.connect(session, binding.constructor().get(), session).onTextStream(new StringReader("hello"));
        assertEquals(List.of("text:read hello"), session.events);
    }

    @Test
    void clientOptionsInheritEverythingButTheCodec() throws Exception {
        Result result = InMemoryCompiler.compile(
                "package o;\n" + IMPORTS + "@WebSocketClient(codec = JsonbCodec.class) class Coded {}",
                "package o;\n" + IMPORTS + "@WebSocketClient class Plain {}").assertClean();

        RouteOptions coded = binding(result, "o.Coded_SwitchboardClient").options();
        assertEquals(new RouteOptions(false, 0, 0, OverflowAction.INHERIT, 0, -1, -1, -1, List.of(), List.of(), 0,
                null, coded.codec(), 0), coded);
        assertInstanceOf(JsonbCodec.class, coded.codec().get());
        assertEquals(new RouteOptions(false, 0, 0, OverflowAction.INHERIT, 0, -1, -1, -1, List.of(), List.of(), 0,
                null, null, 0), binding(result, "o.Plain_SwitchboardClient").options(), "the connector's codec");
        assertTrue(result.sources().get("o.Plain_SwitchboardClient").contains("null, // codec: the connector's"));
    }

    @Test
    void nestedClientsAreNamedAsNestedRoutesAre() throws Exception {
        Result result = InMemoryCompiler.compile("package n;\n" + IMPORTS + """
                public class Outer {
                    @WebSocketClient public static class Feed { @OnText void said(String text) {} }
                }
                """).assertClean();
        assertEquals(Set.of("n.Outer_Feed_SwitchboardClient"), result.sources().keySet());
        ClientBinding binding = binding(result, "n.Outer_Feed_SwitchboardClient");
        assertEquals("n.Outer$Feed", binding.constructor().get().getClass().getName());
    }

    @Test
    void baseClassesOfAClientAreNotStray() throws Throwable {
        Result result = InMemoryCompiler.compile("""
                package base;
                import dev.switchboard.*;
                public abstract class Logging {
                    @OnError public void failed(Throwable error, WebSocketSession session) {
                        session.writeText("error " + error.getMessage());
                    }
                }
                """, """
                package app;
                import dev.switchboard.*;
                /** Neither abstract nor a client: a base of clients, since one extends it. */
                class Middle extends base.Logging {
                    @OnConnected void opened(WebSocketSession session) { session.writeText("opened"); }
                }
                """, """
                package app;
                @dev.switchboard.WebSocketClient public class Feed extends Middle {}
                """).assertClean();
        assertEquals(List.of("app.Feed_SwitchboardClient"), result.clientIndex().lines().toList());
        ClientBinding binding = binding(result, "app.Feed_SwitchboardClient");
        RecordingSession session = new RecordingSession(Map.of());
        ConnectionHandlers handlers = binding.connect(session, binding.constructor().get(), session);
        handlers.onConnected();
        handlers.onError(new IllegalStateException("boom"));
        assertEquals(List.of("text:opened", "text:error boom"), session.events);
    }

    @Test
    void routesAndClientsOfOneCompilationGetAnIndexEach(@TempDir Path out) throws Exception {
        Result result = InMemoryCompiler.compileInto(out, """
                package m;
                @dev.switchboard.Route("/quotes") public class Quotes {}
                """, """
                package m;
                @dev.switchboard.WebSocketClient public class Ticker {}
                """).assertClean();
        assertEquals("m.Quotes_SwitchboardRoute\n", result.index());
        assertEquals("m.Ticker_SwitchboardClient\n", result.clientIndex());

        try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()},
                ClientAdapterTest.class.getClassLoader())) {
            // The indexes in the output directory are what ServiceLoader reads, as the runtime and connector will.
            List<String> clients = ServiceLoader.load(ClientBinding.class, loader).stream()
                    .filter(provider -> provider.type().getClassLoader() == loader)
                    .map(provider -> provider.get().routeClass().getName()).toList();
            List<String> routes = ServiceLoader.load(RouteBinding.class, loader).stream()
                    .filter(provider -> provider.type().getClassLoader() == loader)
                    .map(provider -> provider.get().routeClass().getName()).toList();
            assertEquals(List.of("m.Ticker"), clients);
            assertEquals(List.of("m.Quotes"), routes, "no server ever serves a client");
        }
    }

    @Test
    void clientIndexIsMergedAcrossIncrementalBuilds(@TempDir Path out) throws Exception {
        String ticker = "package m;\n@dev.switchboard.WebSocketClient class Ticker {}\n";
        String news = "package m;\n@dev.switchboard.WebSocketClient class News {}\n";
        String quotes = "package m;\n@dev.switchboard.Route(\"/quotes\") class Quotes {}\n";
        InMemoryCompiler.compileInto(out, ticker, news, quotes).assertClean();

        Result again = InMemoryCompiler.compileInto(out,
                ticker.replace("class Ticker {}", "class Ticker { @dev.switchboard.OnText void said(String s) {} }"))
                .assertClean();
        assertEquals("m.News_SwitchboardClient\nm.Ticker_SwitchboardClient\n", again.clientIndex(),
                "recompiling one client keeps the others");
        assertEquals("m.Quotes_SwitchboardRoute\n", again.index(), "and the routes");

        // javac runs the processor only when the compilation holds some Switchboard annotation: here Sports.
        Result dropped = InMemoryCompiler.compileInto(out, "package m;\nclass Ticker {}\n",
                "package m;\n@dev.switchboard.WebSocketClient class Sports {}\n").assertClean();
        assertEquals("m.News_SwitchboardClient\nm.Sports_SwitchboardClient\n", dropped.clientIndex(),
                "a recompiled class that is no longer a client leaves the index");
    }

    @Test
    void clientAdapterHasAConstructorForTheConnectorToCall() throws Exception {
        Result result = InMemoryCompiler.compile("package k;\n" + IMPORTS + """
                @WebSocketClient class Injected {
                    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME) @interface Inject {}
                    @Inject Injected(StringBuilder log) {}
                }
                """).assertClean();
        assertNull(binding(result, "k.Injected_SwitchboardClient").constructor(),
                "a client made by an injector has no constructor of its own to offer");
        assertFalse(result.sources().get("k.Injected_SwitchboardClient").contains("Injected::new"));
    }

    @Test
    void aClientTheApplicationMakesNeedsNoNoArgumentConstructor() throws Exception {
        Result result = InMemoryCompiler.compile("package k;\n" + IMPORTS + """
                @WebSocketClient class Feed {
                    private final String name;
                    Feed(String name) { this.name = name; }
                    @OnText void text(String text) {}
                }
                """).assertClean();
        assertNull(binding(result, "k.Feed_SwitchboardClient").constructor(),
                "WebSocketConnector.of(new Feed(name)) makes it; of(Feed.class) says it cannot");
    }
}
