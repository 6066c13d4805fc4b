package dev.switchboard.runtime;

import dev.switchboard.PresentSession;
import dev.switchboard.WebSocketSession;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a node keeps its sessions in the cluster's presence: how long its entries outlive it, and which session
 * attributes they carry.
 *
 * @param ttl        how long a node's entries stay after its last refresh; it refreshes them every third of it
 * @param attributes the names of the {@link WebSocketSession#attributes()} to publish, as strings
 */
public record PresenceSettings(Duration ttl, List<String> attributes) {

    /** The default time to live: a node that dies without a goodbye leaves the presence within 30 seconds. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(30);
    /** Below this, refreshes would cost Redis more than they tell. */
    public static final Duration MIN_TTL = Duration.ofSeconds(3);
    /** Thirty seconds, no attributes. */
    public static final PresenceSettings DEFAULT = new PresenceSettings(DEFAULT_TTL, List.of());

    /**
     * @throws IllegalArgumentException if the time to live is below {@link #MIN_TTL}, or a name is blank
     */
    public PresenceSettings {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.compareTo(MIN_TTL) < 0) {
            throw new IllegalArgumentException("A presence time to live of " + ttl + " is below the least, "
                    + MIN_TTL + ": each node refreshes its entries every third of it");
        }
        attributes = List.copyOf(attributes);
        for (String name : attributes) {
            if (name.isBlank()) {
                throw new IllegalArgumentException("A presence attribute name must not be blank");
            }
        }
    }

    /**
     * These settings with another time to live.
     *
     * @param ttl the time to live
     * @return new settings
     */
    public PresenceSettings withTtl(Duration ttl) {
        return new PresenceSettings(ttl, attributes);
    }

    /**
     * These settings with other attribute names.
     *
     * @param names the names of the attributes to publish
     * @return new settings
     */
    public PresenceSettings withAttributes(List<String> names) {
        return new PresenceSettings(ttl, names);
    }

    /**
     * How often a node rewrites its entries and their time to live.
     *
     * @return a third of the time to live
     */
    public Duration refreshEvery() {
        return ttl.dividedBy(3);
    }

    /**
     * The attributes a session publishes now: those named that it has, each as {@link String#valueOf(Object)}.
     *
     * @param session the session
     * @return the attributes, in the order of the names
     */
    public Map<String, String> published(WebSocketSession session) {
        Map<String, String> published = new LinkedHashMap<>();
        for (String name : attributes) {
            Object value = session.attributes().get(name);
            if (value != null) {
                published.put(name, String.valueOf(value));
            }
        }
        return published;
    }

    /**
     * A session of this node as the presence shows it.
     *
     * @param session the session
     * @param nodeId  this node's id
     * @return the entry
     */
    public PresentSession entryOf(WebSocketSession session, String nodeId) {
        return new PresentSession(session.id(), nodeId, published(session));
    }
}
