package dev.switchboard.contract;

import dev.switchboard.Jackson3Codec;
import dev.switchboard.JacksonCodec;
import dev.switchboard.JsonbCodec;
import dev.switchboard.MessageDecodeException;
import dev.switchboard.OnBinary;
import dev.switchboard.OnConnected;
import dev.switchboard.OnError;
import dev.switchboard.OnText;
import dev.switchboard.Route;
import dev.switchboard.WebSocketSession;
import dev.switchboard.contract.Orders.Item;
import dev.switchboard.contract.Orders.Order;
import dev.switchboard.contract.Orders.Summary;
import dev.switchboard.contract.Orders.Undecodable;
import dev.switchboard.contract.Orders.Welcome;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Routes of typed messages: records in and out through each JSON codec, a list parameter with a
 * {@code CompletionStage} reply, {@code writeObject} and {@code broadcastObject}, and messages that do not decode,
 * answered by {@code @OnError} or, on a route without one, closing with 1007.
 */
public final class TypedRoutes {

    private TypedRoutes() {
    }

    /** Echoes orders as text and as binary, and answers a message that does not decode. */
    public abstract static class Echo {

        @OnText
        public Order echo(Order order) {
            return order;
        }

        @OnBinary
        public Order echoBinary(Order order) {
            return order;
        }

        @OnError
        public void failed(WebSocketSession session, Throwable error) {
            if (error instanceof MessageDecodeException undecodable) {
                session.writeObject(new Undecodable(undecodable.targetType().getTypeName(), undecodable.position(),
                        undecodable.text()));
            } else {
                session.close(1011, "unexpected " + error);
            }
        }
    }

    /** {@link Echo} through Jackson. */
    @Route(value = "/typed/jackson", codec = JacksonCodec.class)
    public static class JacksonEcho extends Echo {
    }

    /** {@link Echo} through Jackson 3. */
    @Route(value = "/typed/jackson3", codec = Jackson3Codec.class)
    public static class Jackson3Echo extends Echo {
    }

    /** {@link Echo} through JSON-B. */
    @Route(value = "/typed/jsonb", codec = JsonbCodec.class)
    public static class JsonbEcho extends Echo {
    }

    /** Adds up a list of items, on another thread: the reply is sent when its stage completes. */
    @Route("/typed/total")
    public static class Total {

        @OnText
        public CompletionStage<Summary> total(List<Item> items) {
            return CompletableFuture.supplyAsync(() ->
                    new Summary(items.size(), items.stream().mapToInt(Item::quantity).sum()));
        }
    }

    /** Echoes orders, with no {@code @OnError}: a message that does not decode closes the session with 1007. */
    @Route("/typed/strict")
    public static class Strict {

        @OnText
        public Order echo(Order order) {
            return order;
        }
    }

    /** Welcomes each session with an object, and broadcasts each item it sends to the others. */
    @Route("/typed/room")
    public static class Room {

        @OnConnected
        public void joined(WebSocketSession session) {
            session.writeObject(new Welcome(session.id()));
        }

        @OnText
        public void said(WebSocketSession session, Item item) {
            session.peers().except(session).broadcastObject(item);
        }
    }
}
