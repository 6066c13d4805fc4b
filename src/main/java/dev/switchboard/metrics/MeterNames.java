package dev.switchboard.metrics;

/**
 * The names and tags of the meters, as docs/operations.md lists them: Micrometer's conventions (dotted lower-case
 * names, base units), each registry renders them in its own style ({@code switchboard_sessions_opened_total} in
 * Prometheus).
 */
final class MeterNames {

    static final String SESSIONS_OPENED = "switchboard.sessions.opened";
    static final String SESSIONS_CLOSED = "switchboard.sessions.closed";
    static final String SESSIONS_OPEN = "switchboard.sessions.open";
    static final String MESSAGES_RECEIVED = "switchboard.messages.received";
    static final String MESSAGES_SENT = "switchboard.messages.sent";
    static final String MESSAGES_DROPPED = "switchboard.messages.dropped";
    static final String SEND_QUEUE_MESSAGES = "switchboard.send.queue.messages";
    static final String SEND_QUEUE_BYTES = "switchboard.send.queue.bytes";
    static final String WRITE_FLUSH = "switchboard.write.flush";
    static final String HANDSHAKES_REFUSED = "switchboard.handshakes.refused";
    static final String HEARTBEAT_TIMEOUTS = "switchboard.heartbeat.timeouts";
    static final String CLUSTER_PUBLISHED = "switchboard.cluster.published";
    static final String CLUSTER_UNPUBLISHED = "switchboard.cluster.unpublished";
    static final String CLUSTER_RECEIVED = "switchboard.cluster.received";
    static final String CLUSTER_UNREADABLE = "switchboard.cluster.unreadable";
    static final String CLUSTER_UP = "switchboard.cluster.up";

    /** The route's path template, e.g. {@code /chat/{room}}: never a session's own path, which would be unbounded. */
    static final String ROUTE = "route";
    /** Why a session closed: a {@code CloseCause} in lower case, e.g. {@code client_closed}. */
    static final String CAUSE = "cause";
    /** {@code text} or {@code binary}. */
    static final String TYPE = "type";
    /** The overflow action that dropped messages: an {@code OverflowAction} in lower case, e.g. {@code fail_send}. */
    static final String ACTION = "action";
    /** The HTTP status a refused handshake was answered with, e.g. {@code 403}. */
    static final String STATUS = "status";
    /** The cluster node's id, {@code Cluster.nodeId()}. */
    static final String NODE = "node";

    static final String BYTES = "bytes";

    private MeterNames() {
    }
}
