package dev.switchboard.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.switchboard.processor.InMemoryCompiler.Result;

import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One test per handler rule: the broken route, the exact message, and the element javac points at. */
class HandlerRulesTest {

    /** A route at "/chat/{room}" with the given members. */
    static Result chatRoom(String members) {
        return InMemoryCompiler.compile("""
                package com.example;

                import dev.switchboard.*;
                import java.nio.ByteBuffer;

                @Route("/chat/{room}")
                class ChatRoom {
                %s
                }
                """.formatted(members));
    }

    @Test
    void textHandlerWithoutMessage() {
        chatRoom("""
                    @OnText void said(WebSocketSession session) {}
                """).assertErrors(
                "@OnText handler needs the message as one parameter: found no message parameter in"
                        + " ChatRoom#said. Fix: add a String parameter for the message text, a parameter of the type"
                        + " the route's codec decodes it into, such as a record, a java.io.Reader to read it as it"
                        + " arrives, or a String part with a boolean last.",
                "@OnText void said(WebSocketSession session) {}");
    }

    @Test
    void binaryHandlerWithoutMessage() {
        chatRoom("""
                    @OnBinary void data(@PathParam("room") String room) {}
                """).assertErrors(
                "@OnBinary handler needs the message as one parameter: found no message parameter in"
                        + " ChatRoom#data. Fix: add a byte[] or java.nio.ByteBuffer parameter for the message data, one"
                        + " of the type the route's codec decodes it into, a java.io.InputStream to read it as it"
                        + " arrives, or a part with a boolean last.",
                "@OnBinary void data(@PathParam(\"room\") String room) {}");
    }

    @Test
    void errorHandlerWithoutThrowable() {
        chatRoom("""
                    @OnError void failed(WebSocketSession session) {}
                """).assertErrors(
                "@OnError handler needs the error as one Throwable parameter: found no Throwable parameter in"
                        + " ChatRoom#failed. Fix: add a Throwable parameter for the error.",
                "@OnError void failed(WebSocketSession session) {}");
    }

    @Test
    void errorHandlerTakingASubtypeOfThrowable() {
        chatRoom("""
                    @OnError void failed(WebSocketSession session, Exception problem) {}
                """).assertErrors(
                "@OnError handler's error parameter must be declared Throwable: found Exception problem in"
                        + " ChatRoom#failed. Fix: declare it as Throwable problem; the handler receives every failure,"
                        + " also Errors and checked exceptions, so test the type with instanceof.",
                "Exception problem");
    }

    @Test
    void twoTextMessageParameters() {
        chatRoom("""
                    @OnText void said(String text, WebSocketSession session, String room) {}
                """).assertErrors(
                "@OnText handler takes exactly one message parameter: found a second one, String room,"
                        + " after String text in ChatRoom#said. Fix: remove one; to receive a path variable, annotate"
                        + " a String with @PathParam(\"name\").",
                "String room");
    }

    @Test
    void twoBinaryMessageParameters() {
        chatRoom("""
                    @OnBinary void data(byte[] bytes,
                                        ByteBuffer buffer) {}
                """).assertErrors(
                "@OnBinary handler takes exactly one message parameter: found a second one, ByteBuffer buffer,"
                        + " after byte[] bytes in ChatRoom#data. Fix: remove one; to receive a path variable, annotate"
                        + " a String with @PathParam(\"name\").",
                "ByteBuffer buffer");
    }

    @Test
    void twoOptionalMessageParameters() {
        chatRoom("""
                    @OnDisconnected void left(CloseStatus status, CloseStatus again) {}
                """).assertErrors(
                "@OnDisconnected handler takes at most one CloseStatus parameter: found a second one, CloseStatus"
                        + " again, after CloseStatus status in ChatRoom#left. Fix: remove one of them.",
                "CloseStatus again");
    }

    @Test
    void parameterOfUnsupportedType() {
        chatRoom("""
                    @OnPong void ponged(ByteBuffer payload, int count) {}
                """).assertErrors(
                "@OnPong handler parameter has an unsupported type: found int count in ChatRoom#ponged. Fix:"
                        + " remove it; a @OnPong handler takes only an optional ByteBuffer payload, a WebSocketSession"
                        + " and String parameters annotated @PathParam.",
                "int count");
    }

    @Test
    void stringParameterWithoutPathParamWhereNoStringMessageIsTaken() {
        chatRoom("""
                    @OnConnected void joined(WebSocketSession session, String room) {}
                """).assertErrors(
                "@OnConnected handler parameter has an unsupported type: found String room in ChatRoom#joined."
                        + " Fix: annotate it with @PathParam(\"name\") to receive a path variable, or remove it; a"
                        + " @OnConnected handler takes only a WebSocketSession and String parameters annotated"
                        + " @PathParam.",
                "String room");
    }

    @Test
    void genericParameterTypesAreShownWithSimpleNames() {
        chatRoom("""
                    @OnPong void pong(java.util.List<java.nio.ByteBuffer> payloads) {}
                """).assertErrors(
                "@OnPong handler parameter has an unsupported type: found List<ByteBuffer> payloads in"
                        + " ChatRoom#pong. Fix: remove it; a @OnPong handler takes only an optional ByteBuffer payload,"
                        + " a WebSocketSession and String parameters annotated @PathParam.",
                "java.util.List<java.nio.ByteBuffer> payloads");
    }

    @Test
    void secondSession() {
        chatRoom("""
                    @OnText void said(WebSocketSession session, String text, WebSocketSession other) {}
                """).assertErrors(
                "@OnText handler takes at most one WebSocketSession parameter: found a second one, WebSocketSession"
                        + " other, in ChatRoom#said. Fix: remove it; both would receive the same session.",
                "WebSocketSession other");
    }

    @Test
    void pathParamThatIsNotAString() {
        chatRoom("""
                    @OnText void said(@PathParam("room") int room, String text) {}
                """).assertErrors(
                "@OnText handler's @PathParam parameter must be a String: found @PathParam(\"room\") int room in"
                        + " ChatRoom#said. Fix: declare it as String room and convert the value in the method.",
                "@PathParam(\"room\") int room");
    }

    @Test
    void pathParamNamingAnUnknownVariable() {
        chatRoom("""
                    @OnText void said(String text, @PathParam("rom") String room) {}
                """).assertErrors(
                "@OnText handler's @PathParam must name a variable of the route's template: found"
                        + " @PathParam(\"rom\") String room in ChatRoom#said. Fix: name one of the variables of"
                        + " \"/chat/{room}\": room.",
                "@PathParam(\"rom\") String room");
    }

    @Test
    void pathParamOnARouteWithoutVariables() {
        InMemoryCompiler.compile("""
                package com.example;

                import dev.switchboard.*;

                @Route("/lobby")
                class Lobby {
                    @OnConnected void joined(@PathParam("room") String room) {}
                }
                """).assertErrors(
                "@OnConnected handler's @PathParam must name a variable of the route's template: found"
                        + " @PathParam(\"room\") String room in Lobby#joined. Fix: \"/lobby\" has no variables; add"
                        + " {room} to the @Route path, or remove the parameter.",
                "@PathParam(\"room\") String room");
    }

    @Test
    void pathParamOnAMethodThatIsNotAHandler() {
        chatRoom("""
                    void helper(@PathParam("room") String room) {}
                """).assertErrors(
                "@PathParam parameter must belong to a handler method: found @PathParam(\"room\") String room on a"
                        + " method without a handler annotation in ChatRoom#helper. Fix: annotate the method as a"
                        + " handler, such as @OnText, or remove @PathParam.",
                "@PathParam(\"room\") String room");
    }

    @Test
    void typedMessageParameterWithoutACodec() {
        InMemoryCompiler.compileWithoutJsonLibraries("""
                package com.example;

                import dev.switchboard.*;

                @Route("/chat/{room}")
                class ChatRoom {
                    record Message(String text) { }
                    @OnText void said(WebSocketSession session,
                                      Message message) {}
                }
                """).assertErrors(
                "@OnText handler's typed message needs a codec: found the parameter ChatRoom.Message message, on a route that"
                        + " names no codec, with neither Jackson nor JSON-B on the class path in ChatRoom#said. Fix:"
                        + " add the dependency com.fasterxml.jackson.core:jackson-databind, or"
                        + " jakarta.json.bind:jakarta.json.bind-api with org.eclipse:yasson, or name a codec with"
                        + " @Route(codec = MyCodec.class).",
                "Message message");
    }

    @Test
    void typedReplyWithoutACodec() {
        InMemoryCompiler.compileWithoutJsonLibraries("""
                package com.example;

                import dev.switchboard.*;
                import java.util.concurrent.CompletionStage;

                @Route("/chat/{room}")
                class ChatRoom {
                    record Receipt(long id) { }
                    @OnBinary CompletionStage<Receipt> data(byte[] data) { return null; }
                }
                """).assertErrors(
                "@OnBinary handler's typed message needs a codec: found the return type CompletionStage<ChatRoom.Receipt>,"
                        + " on a route that names no codec, with neither Jackson nor JSON-B on the class path in"
                        + " ChatRoom#data. Fix: add the dependency com.fasterxml.jackson.core:jackson-databind, or"
                        + " jakarta.json.bind:jakarta.json.bind-api with org.eclipse:yasson, or name a codec with"
                        + " @Route(codec = MyCodec.class).",
                "@OnBinary CompletionStage<Receipt> data(byte[] data) { return null; }");
    }

    @Test
    void messagesThatNeedNoCodecCompileWithoutJsonLibraries() {
        Result result = InMemoryCompiler.compileWithoutJsonLibraries("""
                package com.example;

                import dev.switchboard.*;
                import java.nio.ByteBuffer;
                import java.util.concurrent.CompletionStage;

                @Route("/chat/{room}")
                class ChatRoom {
                    @OnText CompletionStage<String> said(String text) { return null; }
                    @OnBinary CompletionStage<Void> data(ByteBuffer data) { return null; }
                }
                """);
        assertTrue(result.success(), result.errorMessages().toString());
    }

    @Test
    void typedMessagesWithACodecOfTheRoutesOwnCompileWithoutJsonLibraries() {
        Result result = InMemoryCompiler.compileWithoutJsonLibraries("""
                package com.example;

                import dev.switchboard.*;
                import java.lang.reflect.Type;

                @Route(value = "/chat/{room}", codec = ChatRoom.Plain.class)
                class ChatRoom {
                    public static final class Plain implements Codec {
                        public String encodeText(Object value) { return value.toString(); }
                        public Object decodeText(String text, Type type) { return Integer.valueOf(text); }
                    }
                    @OnText Integer said(Integer number) { return number + 1; }
                }
                """);
        assertTrue(result.success(), result.errorMessages().toString());
    }

    @Test
    void messageTypeWithATypeVariable() {
        chatRoom("""
                    @OnText <T> void said(java.util.List<T> items) {}
                """).assertErrors(
                "@OnText handler's message type must be fully known at compile time: found List<T> items, whose type"
                        + " has a type variable in ChatRoom#said. Fix: declare the type the codec decodes into, such as"
                        + " List<Message> rather than List<T>; a route that extends a generic class can bind its type"
                        + " variables in its extends clause.",
                "java.util.List<T> items");
    }

    @Test
    void nonVoidReturnWhereNoReplyIsSent() {
        chatRoom("""
                    @OnConnected String joined() { return "hi"; }
                """).assertErrors(
                "@OnConnected handler must return void: found String in ChatRoom#joined. Fix: declare it void,"
                        + " and send messages through a WebSocketSession parameter.",
                "@OnConnected String joined() { return \"hi\"; }");
    }

    @Test
    void twoHandlersOfTheSameKind() {
        chatRoom("""
                    @OnText void said(String text) {}
                    @OnText void echoed(String text) {}
                    @OnText void shouted(String text) {}
                """).assertErrors(
                "@OnText handler must be the only one of its kind in a route: found a second @OnText method, after"
                        + " said in ChatRoom#echoed. Fix: merge the two into said, or remove @OnText from one of them.",
                "@OnText void echoed(String text) {}",
                "@OnText handler must be the only one of its kind in a route: found a second @OnText method, after"
                        + " said in ChatRoom#shouted. Fix: merge the two into said, or remove @OnText from one of"
                        + " them.",
                "@OnText void shouted(String text) {}");
    }

    @Test
    void twoHandlerAnnotationsOnOneMethod() {
        chatRoom("""
                    @OnText @OnBinary void received(String text) {}
                """).assertErrors(
                "@OnText handler must carry no other handler annotation: found @OnText and @OnBinary in"
                        + " ChatRoom#received. Fix: keep one handler annotation per method and give each kind its own"
                        + " method.",
                "@OnText @OnBinary void received(String text) {}");
    }

    @Test
    void privateHandler() {
        chatRoom("""
                    @OnText private void said(String text) {}
                """).assertErrors(
                "@OnText handler must not be private: found a private method in ChatRoom#said. Fix: remove"
                        + " 'private'; package-private, protected and public all work, since the generated adapter is"
                        + " in the same package.",
                "@OnText private void said(String text) {}");
    }

    @Test
    void staticHandler() {
        chatRoom("""
                    @OnText static void said(String text) {}
                """).assertErrors(
                "@OnText handler must not be static: found a static method in ChatRoom#said. Fix: remove 'static';"
                        + " handlers run on the route instance of the connection.",
                "@OnText static void said(String text) {}");
    }

    @Test
    void handlerInAClassWithoutRoute() {
        Result result = InMemoryCompiler.compile("""
                package com.example;

                import dev.switchboard.*;

                class Lobby {
                    static class Desk {
                        @OnText @OnBinary void said(String text) {}
                    }
                }
                """);
        result.assertErrors(
                "@OnText handler must be declared in a @Route or @WebSocketClient class or a superclass of one:"
                        + " found neither @Route nor @WebSocketClient on Lobby.Desk, and no such class extending it in"
                        + " Lobby.Desk#said. Fix: annotate Lobby.Desk with @Route(\"/path\") or @WebSocketClient, move"
                        + " the method into such a class, or declare Lobby.Desk abstract to make it a base class of"
                        + " routes or clients.",
                "@OnText @OnBinary void said(String text) {}");
        assertNull(result.index());
    }

    @Test
    void handlerInAnInterface() {
        InMemoryCompiler.compile("""
                package com.example;

                import dev.switchboard.*;

                interface Greeter {
                    @OnConnected default void joined(WebSocketSession session) {}
                }
                """, """
                package com.example;

                @dev.switchboard.Route("/greet")
                class Greeting implements Greeter {}
                """).assertErrors(
                "@OnConnected handler must be declared in a @Route or @WebSocketClient class or a superclass of"
                        + " one: found the interface Greeter in Greeter#joined. Fix: move the method into a @Route or"
                        + " @WebSocketClient class or an abstract base class of them; routes and clients do not"
                        + " inherit handlers from interfaces.",
                "@OnConnected default void joined(WebSocketSession session) {}");
    }

    @Test
    void secondHandlerOfAKindInASubclass() {
        InMemoryCompiler.compile("""
                package com.example;

                import dev.switchboard.*;

                abstract class Base {
                    @OnText void said(String text) {}
                }
                """, """
                package com.example;

                import dev.switchboard.*;

                @Route("/chat")
                class ChatRoom extends Base {
                    @OnText void echoed(String text) {}
                }
                """).assertErrors(
                "@OnText handler must be the only one of its kind in a route: found a second @OnText method, after"
                        + " Base#said in ChatRoom#echoed. Fix: merge the two into Base#said, or remove @OnText from"
                        + " one of them.",
                "@OnText void echoed(String text) {}");
    }

    @Test
    void overrideWithAnotherHandlerAnnotation() {
        InMemoryCompiler.compile("""
                package com.example;

                import dev.switchboard.*;

                abstract class Base {
                    @OnText void received(String text) {}
                }
                """, """
                package com.example;

                import dev.switchboard.*;

                @Route("/chat")
                class ChatRoom extends Base {
                    @OnBinary @Override void received(String text) {}
                }
                """).assertErrors(
                "@OnBinary handler must carry no other handler annotation: found @OnBinary and @OnText in"
                        + " ChatRoom#received. Fix: keep one handler annotation per method and give each kind its own"
                        + " method.",
                "@OnBinary @Override void received(String text) {}");
    }

    @Test
    void inheritedHandlerThatTheAdapterCannotCall() {
        InMemoryCompiler.compile("""
                package com.base;

                import dev.switchboard.*;

                public abstract class Base {
                    @OnText protected void said(String text) {}
                    @OnBinary void data(byte[] data) {}
                    @OnPong private void pong() {}
                    @OnConnected public void joined() {}
                }
                """, """
                package com.example;

                @dev.switchboard.Route("/chat")
                public class ChatRoom extends com.base.Base {}
                """).assertErrors(
                "@OnText handler inherited from another package must be public: found a protected method in"
                        + " Base#said (inherited by ChatRoom). Fix: make it public; the generated adapter, in package"
                        + " com.example, can call no other method of a class in package com.base.",
                "@OnText protected void said(String text) {}",
                "@OnBinary handler inherited from another package must be public: found a package-private method in"
                        + " Base#data (inherited by ChatRoom). Fix: make it public; the generated adapter, in package"
                        + " com.example, can call no other method of a class in package com.base.",
                "@OnBinary void data(byte[] data) {}",
                "@OnPong handler inherited from another package must be public: found a private method in"
                        + " Base#pong (inherited by ChatRoom). Fix: make it public; the generated adapter, in package"
                        + " com.example, can call no other method of a class in package com.base.",
                "@OnPong private void pong() {}");
    }

    @Test
    void inheritedHandlersAreCheckedForEachRoute() {
        Result result = InMemoryCompiler.compile("""
                package com.example;

                import dev.switchboard.*;

                abstract class Base {
                    @OnConnected void joined(@PathParam("room") String room) {}
                }
                """, """
                package com.example;

                @dev.switchboard.Route("/chat/{room}")
                class ChatRoom extends Base {}
                """, """
                package com.example;

                @dev.switchboard.Route("/lobby")
                class Lobby extends Base {}
                """);
        result.assertErrors(
                "@OnConnected handler's @PathParam must name a variable of the route's template: found"
                        + " @PathParam(\"room\") String room in Base#joined (inherited by Lobby). Fix: \"/lobby\" has no"
                        + " variables; add {room} to the @Route path, or remove the parameter.",
                "@PathParam(\"room\") String room");
        assertEquals(Set.of("com.example.ChatRoom_SwitchboardRoute"), result.sources().keySet(),
                "the route whose template has the variable still gets its adapter");
    }

    @Test
    void allProblemsOfAClassAreReportedInOneCompilation() {
        Result result = chatRoom("""
                    @OnText private void said(String text) {}
                    @OnPong void data(int size) {}
                    @OnConnected void joined(@PathParam("user") String user) {}
                """);
        result.assertErrors(
                "@OnText handler must not be private: found a private method in ChatRoom#said. Fix: remove"
                        + " 'private'; package-private, protected and public all work, since the generated adapter is"
                        + " in the same package.",
                "@OnText private void said(String text) {}",
                "@OnPong handler parameter has an unsupported type: found int size in ChatRoom#data. Fix: remove"
                        + " it; a @OnPong handler takes only an optional ByteBuffer payload, a WebSocketSession and"
                        + " String parameters annotated @PathParam.",
                "int size",
                "@OnConnected handler's @PathParam must name a variable of the route's template: found"
                        + " @PathParam(\"user\") String user in ChatRoom#joined. Fix: name one of the variables of"
                        + " \"/chat/{room}\": room.",
                "@PathParam(\"user\") String user");
        assertTrue(result.sources().isEmpty(), "no adapter for a route with errors");
    }

    @Test
    void unresolvedTypesAreLeftToJavac() {
        Result result = chatRoom("""
                    @OnText void said(String text, Missing missing) {}
                """);
        assertFalse(result.success());
        assertEquals(1, result.errors().size(), result.errorMessages().toString());
        assertTrue(result.errors().get(0).getMessage(Locale.ROOT).startsWith("cannot find symbol"),
                result.errorMessages().toString());
    }
}
