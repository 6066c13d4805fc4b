package dev.switchboard.it.contract;

import dev.switchboard.ClientSession;
import dev.switchboard.CloseCause;
import dev.switchboard.CloseStatus;
import dev.switchboard.JacksonCodec;
import dev.switchboard.OnConnected;
import dev.switchboard.OnDisconnected;
import dev.switchboard.OnText;
import dev.switchboard.WebSocketClient;
import dev.switchboard.WebSocketConnector;
import dev.switchboard.WebSocketSession;
import dev.switchboard.contract.Orders.Item;
import dev.switchboard.contract.Orders.Order;
import dev.switchboard.contract.Orders.Status;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Switchboard's client on any host: typed messages both ways with the contract app's Jackson echo, and a close the
 * client asks for, reported once on its side.
 */
public interface ClientContract {

    /**
     * A URI of the contract app.
     *
     * @param pathAndQuery the path and query after the app's root
     * @return the URI
     */
    URI appUri(String pathAndQuery);

    /** A client that keeps the orders it receives. */
    @WebSocketClient(codec = JacksonCodec.class)
    class OrderClient {
        final List<Order> orders = new CopyOnWriteArrayList<>();
        final List<CloseStatus> disconnects = new CopyOnWriteArrayList<>();
        volatile WebSocketSession connected;

        @OnConnected
        void connected(WebSocketSession session) {
            connected = session;
        }

        @OnText
        void order(Order order) {
            orders.add(order);
        }

        @OnDisconnected
        void disconnected(CloseStatus status) {
            disconnects.add(status);
        }
    }

    @Test
    default void theClientSendsAndReceivesTypedMessages() {
        OrderClient client = new OrderClient();
        ClientSession session = WebSocketConnector.of(client).uri(appUri("/typed/jackson"))
                .connect().toCompletableFuture().join();
        Order order = new Order("c-1", Status.PAID, List.of(new Item("tea", 2)), Map.of("rush", 1),
                Instant.parse("2026-12-05T10:15:30Z"), LocalDate.parse("2026-12-24"), null);

        session.writeObject(order);
        await().atMost(Duration.ofSeconds(20)).until(() -> client.orders.size() == 1);
        assertEquals(order, client.orders.get(0));
        assertEquals(session, client.connected, "handlers are given the client's session");

        session.close(CloseStatus.NORMAL, "done");
        CloseStatus closed = session.closed().toCompletableFuture().join();
        assertEquals(CloseCause.CLIENT_CLOSED, closed.cause());
        assertEquals(List.of(closed), client.disconnects);
    }
}
