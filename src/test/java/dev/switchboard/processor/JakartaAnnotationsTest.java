package dev.switchboard.processor;

import org.junit.jupiter.api.Test;

/**
 * Jakarta WebSocket's annotations of the same names as Switchboard's, one wrong import away: each is refused
 * on a route with the annotation to import instead.
 */
class JakartaAnnotationsTest {

    @Test
    void jakartaOnOpen() {
        HandlerRulesTest.chatRoom("""
                    @jakarta.websocket.OnOpen void joined(WebSocketSession session) {}
                """).assertErrors(
                "@jakarta.websocket.OnOpen annotation must not be used on a route: found Jakarta WebSocket's"
                        + " annotation, which Switchboard never reads, in ChatRoom#joined. Fix: import"
                        + " dev.switchboard.OnConnected instead of jakarta.websocket.OnOpen.",
                "@jakarta.websocket.OnOpen void joined(WebSocketSession session) {}");
    }

    @Test
    void jakartaOnMessage() {
        HandlerRulesTest.chatRoom("""
                    @jakarta.websocket.OnMessage String said(String text) { return text; }
                """).assertErrors(
                "@jakarta.websocket.OnMessage annotation must not be used on a route: found Jakarta WebSocket's"
                        + " annotation, which Switchboard never reads, in ChatRoom#said. Fix: import"
                        + " dev.switchboard.OnText, OnBinary or OnPong instead of jakarta.websocket.OnMessage,"
                        + " whichever fits the message the method takes.",
                "@jakarta.websocket.OnMessage String said(String text) { return text; }");
    }

    @Test
    void jakartaOnError() {
        InMemoryCompiler.compile("""
                package com.example;

                import dev.switchboard.*;
                import jakarta.websocket.OnError;

                @Route("/chat")
                class ChatRoom {
                    @OnText void said(String text) {}
                    @OnError void failed(Throwable error) {}
                }
                """).assertErrors(
                "@jakarta.websocket.OnError annotation must not be used on a route: found Jakarta WebSocket's"
                        + " annotation, which Switchboard never reads, in ChatRoom#failed. Fix: import"
                        + " dev.switchboard.OnError instead of jakarta.websocket.OnError.",
                "@OnError void failed(Throwable error) {}");
    }

    @Test
    void jakartaOnCloseOnAnInheritedMethod() {
        InMemoryCompiler.compile("""
                package com.example;

                import jakarta.websocket.OnClose;

                abstract class Base {
                    @OnClose void left() {}
                }
                """, """
                package com.example;

                @dev.switchboard.Route("/chat")
                class ChatRoom extends Base {}
                """).assertErrors(
                "@jakarta.websocket.OnClose annotation must not be used on a route: found Jakarta WebSocket's"
                        + " annotation, which Switchboard never reads, in Base#left (inherited by ChatRoom). Fix:"
                        + " import dev.switchboard.OnDisconnected instead of jakarta.websocket.OnClose.",
                "@OnClose void left() {}");
    }

    @Test
    void jakartaPathParam() {
        InMemoryCompiler.compile("""
                package com.example;

                import dev.switchboard.*;
                import jakarta.websocket.server.PathParam;

                @Route("/chat/{room}")
                class ChatRoom {
                    @OnText void said(@PathParam("room") String room, String text) {}
                }
                """).assertErrors(
                "@jakarta.websocket.server.PathParam annotation must not be used on a route: found Jakarta"
                        + " WebSocket's annotation, which Switchboard never reads, on String room in ChatRoom#said."
                        + " Fix: import dev.switchboard.PathParam instead of jakarta.websocket.server.PathParam.",
                "@PathParam(\"room\") String room");
    }

    @Test
    void jakartaEndpointsBesideRoutesAreLeftAlone() {
        InMemoryCompiler.compile("""
                package com.example;

                import jakarta.websocket.*;
                import jakarta.websocket.server.*;

                @ServerEndpoint("/plain/{room}")
                public class PlainEndpoint {
                    @OnOpen public void opened(Session session, @PathParam("room") String room) {}
                    @OnMessage public String said(String text) { return text; }
                    @OnClose public void closed() {}
                    @OnError public void failed(Throwable error) {}
                }
                """, """
                package com.example;

                @dev.switchboard.Route("/chat")
                class ChatRoom {
                    @dev.switchboard.OnText String said(String text) { return text; }
                }
                """).assertClean();
    }
}
