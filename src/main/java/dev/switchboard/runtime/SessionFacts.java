package dev.switchboard.runtime;

import dev.switchboard.WebSocketSession;

import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * What a session knows of its connection, fixed at the handshake, and its attributes: the part of a
 * {@link WebSocketSession} that only reads. {@link ConnectionSession} adds what it does.
 */
abstract class SessionFacts implements WebSocketSession {

    @SuppressWarnings("rawtypes")
    private static final AtomicReferenceFieldUpdater<SessionFacts, Map> ATTRIBUTES =
            AtomicReferenceFieldUpdater.newUpdater(SessionFacts.class, Map.class, "attributes");

    private final ConnectionInfo info;
    /** Made when first asked for. */
    private volatile Map<String, Object> attributes;

    SessionFacts(ConnectionInfo info) {
        this.info = info;
    }

    @Override
    public String id() {
        return info.id();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return info.remoteAddress();
    }

    @Override
    public String pathParam(String name) {
        return info.pathParams().get(name);
    }

    @Override
    public Map<String, String> pathParams() {
        return info.pathParams();
    }

    @Override
    public String queryParam(String name) {
        return first(info.queryParams().get(name));
    }

    @Override
    public Map<String, List<String>> queryParams() {
        return info.queryParams();
    }

    @Override
    public String header(String name) {
        return first(info.headers().get(name));
    }

    @Override
    public Map<String, List<String>> headers() {
        return info.headers();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> attributes() {
        return OnFirstUse.get(ATTRIBUTES, this, ConcurrentHashMap::new);
    }

    @Override
    public String subprotocol() {
        return info.subprotocol();
    }

    @Override
    public URI requestUri() {
        return info.requestUri();
    }

    @Override
    public Principal principal() {
        return info.principal();
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
