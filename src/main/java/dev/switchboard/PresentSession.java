package dev.switchboard;

import java.util.Map;
import java.util.Objects;

/**
 * One session as the cluster's presence knows it: which node holds it, and the attributes the application chose to
 * publish with {@link Cluster#presenceAttributes(String...)}.
 *
 * @param id         the session's {@link WebSocketSession#id()}, unique on its node (not across nodes)
 * @param nodeId     the {@link Cluster#nodeId()} of the node the client is connected to
 * @param attributes the published attributes the session has, as strings; unmodifiable
 */
public record PresentSession(String id, String nodeId, Map<String, String> attributes) {

    /**
     * @throws NullPointerException if any argument is {@code null}
     */
    public PresentSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(nodeId, "nodeId");
        attributes = Map.copyOf(attributes);
    }
}
