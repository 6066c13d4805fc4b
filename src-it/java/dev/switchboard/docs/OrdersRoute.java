package dev.switchboard.docs;

import dev.switchboard.MessageDecodeException;
import dev.switchboard.OnError;
import dev.switchboard.OnText;
import dev.switchboard.Route;
import dev.switchboard.WebSocketSession;

import java.time.Instant;
import java.util.List;

/**
 * The typed messages of docs/messages.md: records in, records out, a broadcast encoded once, and an answer to a
 * message that is not an order. {@code DocsExamplesIT} runs it.
 */
// tag::route[]
@Route("/orders")
public class OrdersRoute {

    public record Line(String item, int quantity) { }
    public record Order(String id, List<Line> lines, Instant placed) { }
    public record Receipt(String order, int lines, Instant received) { }
    public record Problem(String error, long position) { }

    @OnText
    Receipt placed(WebSocketSession session, Order order) {                // decoded by the route's codec
        session.peers().except(session).broadcastObject(order);           // encoded once for everyone else
        return new Receipt(order.id(), order.lines().size(), Instant.now()); // encoded, sent back
    }

    @OnError
    void failed(WebSocketSession session, Throwable error) {
        if (error instanceof MessageDecodeException notAnOrder) {          // the session stays open
            session.writeObject(new Problem("not an order", notAnOrder.position()));
        }
    }
}
// end::route[]
