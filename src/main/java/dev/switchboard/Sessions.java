package dev.switchboard;

import dev.switchboard.runtime.Engine;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * Open sessions to count, list and broadcast to: all sessions of a route, a named group of them, or any
 * filtered view. A view is live: each call looks at the sessions open at that moment.
 *
 * <pre>{@code
 * session.peers().except(session).broadcastText(text);           // everyone else on this route
 * session.join("room:" + room);
 * Sessions.of(ChatRoute.class).group("room:lobby").broadcastText("the lobby closes in 5 minutes");
 * }</pre>
 *
 * <p>A broadcast queues the message on each recipient's outbound queue and returns at once: a slow, stuck
 * or closing recipient never fails, blocks or slows the delivery to the others. Each recipient's queue
 * limits and overflow action apply; the {@link BroadcastResult} counts the outcomes.
 *
 * <p>With a {@link Cluster} of several nodes, a broadcast on a route, a group, or either without one session is
 * delivered here, then published to the other nodes, which deliver it to their own sessions of the view; the counts
 * are this node's. {@link #count()}, {@link #list()} and views made with {@link #matching} or {@link #thisNode()}
 * are this node's; {@link #clusterCount()} and {@link #clusterList()} ask every node.
 */
public interface Sessions {

    /**
     * The open sessions of a route, from anywhere: a handler, a timer, an HTTP handler, another thread.
     * Works standalone and in a WAR; it covers every server in this class loader that serves the route.
     *
     * @param routeClass the {@link Route} class
     * @return a live view of the route's open sessions; empty while no server serves the route
     */
    static Sessions of(Class<?> routeClass) {
        return Engine.sessionsEverywhere(routeClass);
    }

    /**
     * How many sessions this view holds now.
     *
     * @return the number of open sessions
     */
    int count();

    /**
     * The sessions this view holds now.
     *
     * @return a snapshot, in no particular order
     */
    List<WebSocketSession> list();

    /**
     * How many sessions this view has on every node of the {@link Cluster}, measured asynchronously: this node's as
     * {@link #count()} gives them, the other nodes' from the presence they keep in Redis. Views that act on this node
     * only ({@link #matching}, {@link #thisNode()}, a group of a group) and the in-process cluster complete at once
     * with {@link #count()}. The cluster-wide calls cover what a broadcast on the same view reaches.
     *
     * @return completes with the count; fails with an {@link IllegalStateException} while the cluster bus is not up
     *         (this node's {@link #count()} still answers), and with a
     *         {@link java.util.concurrent.TimeoutException} if Redis does not answer within 5 seconds
     */
    CompletionStage<ClusterCount> clusterCount();

    /**
     * The sessions this view has on every node of the {@link Cluster}, measured asynchronously, each with its node
     * id and the attributes chosen with {@link Cluster#presenceAttributes(String...)}; see {@link #clusterCount()}.
     *
     * @return completes with the list; fails as {@link #clusterCount()} does
     */
    CompletionStage<ClusterList> clusterList();

    /**
     * This view without one session, typically the sender of a message.
     *
     * @param session the session to leave out
     * @return a live view
     */
    Sessions except(WebSocketSession session);

    /**
     * The sessions of this view that match a predicate, evaluated at each call. A predicate cannot travel to the
     * other nodes of a {@link Cluster}: the view acts on this node's sessions, and its broadcasts are not published.
     *
     * @param predicate which sessions to keep
     * @return a live view
     */
    Sessions matching(Predicate<? super WebSocketSession> predicate);

    /**
     * This view, on this node only: its broadcasts are not published to the other nodes of the {@link Cluster}.
     * {@link #count()} and {@link #list()} are this node's for every view.
     *
     * @return a live view
     */
    Sessions thisNode();

    /**
     * The sessions of this view that joined a group with {@link WebSocketSession#join(String)}.
     *
     * @param name the group name
     * @return a live view
     */
    Sessions group(String name);

    /**
     * Messages that outbound queue limits kept from being sent on the routes this view covers, since the
     * routes started serving, closed sessions included. Groups and filters do not narrow it: it is a figure
     * of the route; {@link WebSocketSession#droppedMessages()} gives one session's.
     *
     * @return the number of dropped messages
     */
    long droppedMessages();

    /**
     * Queues a text message for every session of this view.
     *
     * @param text the message
     * @return how many sessions took it, dropped it, or were closing
     */
    BroadcastResult broadcastText(String text);

    /**
     * Queues a binary message for every session of this view. The array must not change afterwards.
     *
     * @param data the message
     * @return how many sessions took it, dropped it, or were closing
     */
    BroadcastResult broadcastData(byte[] data);

    /**
     * Queues a binary message, the buffer's remaining bytes, for every session of this view. The buffer must
     * not change afterwards; its position is left as it is.
     *
     * @param data the message
     * @return how many sessions took it, dropped it, or were closing
     */
    BroadcastResult broadcastData(ByteBuffer data);

    /**
     * Queues an object for every session of this view, encoded by its route's {@link Codec} once for all of them
     * (once per codec, for a view over routes with codecs of their own).
     *
     * @param value the object, not {@code null}
     * @return how many sessions took it, dropped it, or were closing
     * @throws IllegalArgumentException if the codec cannot encode the object
     * @throws IllegalStateException    if a route of the view has no codec; the message names the libraries to add
     */
    BroadcastResult broadcastObject(Object value);
}
