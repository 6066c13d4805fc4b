package dev.switchboard.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.switchboard.processor.InMemoryCompiler.Result;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rules of a {@code @WebSocketClient} class: a route's class and handler rules, in words that fit a client, and
 * the two of its own (no {@code @PathParam}, not a route too). Each test's bad client is inside it.
 */
class ClientRulesTest {

    private static Result compile(String source) {
        return InMemoryCompiler.compile("package com.example;\n\nimport dev.switchboard.*;\n\n" + source);
    }

    private static final String NO_PATH = "a client has no path, so read the server's URI from session.requestUri()"
            + " instead";

    @Test
    void pathParamOnAClientHandler() {
        Result result = compile("""
                @WebSocketClient
                class Feed {
                    @OnConnected void joined(WebSocketSession session, @PathParam("room") String room) {}
                    @OnText void said(@PathParam("user") String user, String text) {}
                }
                """);
        result.assertErrors(
                "@OnConnected handler of a client takes no @PathParam parameter: found @PathParam(\"room\") String room"
                        + " in Feed#joined. Fix: remove the parameter; " + NO_PATH + ".",
                "@PathParam(\"room\") String room",
                "@OnText handler of a client takes no @PathParam parameter: found @PathParam(\"user\") String user in"
                        + " Feed#said. Fix: remove the parameter; " + NO_PATH + ".",
                "@PathParam(\"user\") String user");
        assertEquals(Set.of(), result.sources().keySet(), "a client with errors gets no adapter");
        assertNull(result.clientIndex());
    }

    @Test
    void pathParamInheritedByAClient() {
        InMemoryCompiler.compile("""
                package com.example;
                import dev.switchboard.*;
                public abstract class Base {
                    @OnConnected void joined(@PathParam("room") String room) {}
                }
                """, """
                package com.example;
                @dev.switchboard.WebSocketClient class Feed extends Base {}
                """).assertErrors(
                "@OnConnected handler of a client takes no @PathParam parameter: found @PathParam(\"room\") String room"
                        + " in Base#joined (inherited by Feed). Fix: remove the parameter; " + NO_PATH + ".",
                "@PathParam(\"room\") String room");
    }

    @Test
    void pathParamOnAMethodOfAClientThatIsNoHandler() {
        compile("""
                @WebSocketClient
                class Feed {
                    void helper(@PathParam("room") String room) {}
                }
                """).assertErrors(
                "@PathParam parameter must belong to a handler method: found @PathParam(\"room\") String room on a"
                        + " method without a handler annotation in Feed#helper. Fix: remove @PathParam; " + NO_PATH
                        + ".",
                "@PathParam(\"room\") String room");
    }

    @Test
    void aClassCannotBeBothARouteAndAClient() {
        Result result = compile("""
                @Route("/feed") @WebSocketClient
                class Feed {
                    @OnText void said(@PathParam("room") String room, String text) {}
                }
                """);
        result.assertErrors(
                "@WebSocketClient class must not also be a @Route: found both @Route and @WebSocketClient in Feed. Fix:"
                        + " remove one of the two; a route and a client need a class each, which can share handlers"
                        + " through an abstract base class.",
                "@Route(\"/feed\") @WebSocketClient class Feed {");
        assertEquals(Set.of(), result.sources().keySet());
        assertNull(result.index());
        assertNull(result.clientIndex());
    }

    @Test
    void abstractClient() {
        compile("@WebSocketClient abstract class Feed {}").assertErrors(
                "@WebSocketClient class must not be abstract: found an abstract class in Feed. Fix: remove 'abstract';"
                        + " the runtime creates an instance of the client class itself.",
                "@WebSocketClient abstract class Feed {}");
    }

    @Test
    void interfaceClient() {
        compile("@WebSocketClient interface Feed {}").assertErrors(
                "@WebSocketClient class must be a plain class: found an interface in Feed. Fix: put @WebSocketClient on"
                        + " a concrete class with a no-argument constructor.",
                "@WebSocketClient interface Feed {}");
    }

    @Test
    void clientInsideAPrivateClass() {
        compile("""
                class Holder {
                    private static class Hidden {
                        @WebSocketClient static class Feed {}
                    }
                }
                """).assertErrors(
                "@WebSocketClient class must not be inside a private class: found the private enclosing class"
                        + " Holder.Hidden in Holder.Hidden.Feed. Fix: make Hidden package-private or wider, or move the"
                        + " client out of it.",
                "@WebSocketClient static class Feed {}");
    }

    @Test
    void twoTextHandlersInAClient() {
        compile("""
                @WebSocketClient
                class Feed {
                    @OnText void said(String text) {}
                    @OnText void again(String text) {}
                }
                """).assertErrors(
                "@OnText handler must be the only one of its kind in a client: found a second @OnText method, after"
                        + " said in Feed#again. Fix: merge the two into said, or remove @OnText from one of them.",
                "@OnText void again(String text) {}");
    }

    @Test
    void staticHandlerInAClient() {
        compile("""
                @WebSocketClient
                class Feed {
                    @OnPong static void pong() {}
                }
                """).assertErrors(
                "@OnPong handler must not be static: found a static method in Feed#pong. Fix: remove 'static';"
                        + " handlers run on the client instance of the connection.",
                "@OnPong static void pong() {}");
    }

    @Test
    void unsupportedParameterOfAClientHandlerIsNotOfferedAPathVariable() {
        compile("""
                @WebSocketClient
                class Feed {
                    @OnConnected void joined(String room) {}
                    @OnDisconnected void left(String room) {}
                }
                """).assertErrors(
                "@OnConnected handler parameter has an unsupported type: found String room in Feed#joined. Fix: remove"
                        + " it; a @OnConnected handler of a client takes only a WebSocketSession.",
                "String room",
                "@OnDisconnected handler parameter has an unsupported type: found String room in Feed#left. Fix:"
                        + " remove it; a @OnDisconnected handler of a client takes only an optional CloseStatus and a"
                        + " WebSocketSession.",
                "String room");
    }

    @Test
    void jakartaAnnotationsOnAClient() {
        compile("""
                @WebSocketClient
                class Feed {
                    @jakarta.websocket.OnMessage void said(String text) {}
                    @OnConnected void joined(@jakarta.websocket.server.PathParam("room") String room) {}
                }
                """).assertErrors(
                "@jakarta.websocket.OnMessage annotation must not be used on a client: found Jakarta WebSocket's"
                        + " annotation, which Switchboard never reads, in Feed#said. Fix: import dev.switchboard.OnText,"
                        + " OnBinary or OnPong instead of jakarta.websocket.OnMessage, whichever fits the message the"
                        + " method takes.",
                "@jakarta.websocket.OnMessage void said(String text) {}",
                "@jakarta.websocket.server.PathParam annotation must not be used on a client: found Jakarta"
                        + " WebSocket's annotation, which Switchboard never reads, on String room in Feed#joined."
                        + " Fix: remove it; " + NO_PATH + ".",
                "@jakarta.websocket.server.PathParam(\"room\")");
    }

    @Test
    void clientCodecWithoutANoArgumentConstructor() {
        Result result = compile("""
                @WebSocketClient(codec = Feed.Json.class)
                class Feed {
                    public static final class Json implements Codec {
                        public Json(String name) {}
                        public String encodeText(Object value) { return ""; }
                        public Object decodeText(String text, java.lang.reflect.Type type) { return null; }
                    }
                }
                """);
        result.assertErrors(
                "@WebSocketClient codec needs a no-argument constructor that the client's adapter can call: found"
                        + " Feed.Json, which has no no-argument constructor, in Feed. Fix: give Feed.Json a public"
                        + " no-argument constructor that throws no checked exception, and make Feed.Json a public class,"
                        + " top-level or static nested, not abstract; the client's adapter, in package com.example,"
                        + " creates it with new Feed.Json().",
                "@WebSocketClient(codec = Feed.Json.class) class Feed {");
        assertNull(result.clientIndex());
    }

    @Test
    void typedMessageOfAClientWithoutACodec() {
        InMemoryCompiler.compileWithoutJsonLibraries("""
                package com.example;
                import dev.switchboard.*;
                @WebSocketClient
                class Feed {
                    record Quote(String symbol, double price) {}
                    @OnText void quoted(Quote quote) {}
                }
                """).assertErrors(
                "@OnText handler's typed message needs a codec: found the parameter Feed.Quote quote, on a client that"
                        + " names no codec, with neither Jackson nor JSON-B on the class path in Feed#quoted. Fix: add"
                        + " the dependency com.fasterxml.jackson.core:jackson-databind, or"
                        + " jakarta.json.bind:jakarta.json.bind-api with org.eclipse:yasson, or name a codec with"
                        + " @WebSocketClient(codec = MyCodec.class).",
                "Quote quote");
    }

    @Test
    void onlyClientsWithErrorsLoseTheirAdapter() {
        Result result = InMemoryCompiler.compile("""
                package com.example;
                @dev.switchboard.WebSocketClient class Good {}
                """, """
                package com.example;
                @dev.switchboard.WebSocketClient abstract class Bad {}
                """);
        assertEquals(1, result.errors().size(), result.errorMessages().toString());
        assertEquals(Set.of("com.example.Good_SwitchboardClient"), result.sources().keySet());
        assertEquals(List.of("com.example.Good_SwitchboardClient"), result.clientIndex().lines().toList());
        assertNull(result.index(), "a client is never in the route index");
    }
}
