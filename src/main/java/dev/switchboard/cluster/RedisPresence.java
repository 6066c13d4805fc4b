package dev.switchboard.cluster;

import dev.switchboard.PresentSession;
import dev.switchboard.WebSocketSession;
import dev.switchboard.runtime.PresenceSettings;
import io.lettuce.core.Range;
import io.lettuce.core.api.async.RedisAsyncCommands;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * This node's part of the cluster's presence in Redis, and the reading of the other nodes' parts. Per route and per
 * group, a node keeps one hash of its members ({@link PresenceKeys}), each with a time to live that it refreshes
 * every third of it: the entries of a node that dies without a goodbye are gone within the time to live. Entries
 * and leaves are written at once; whenever the bus comes up, the node's hashes are written whole again, since what
 * changed while Redis was away was not sent, and a Redis that restarted lost them. A directory of node ids tells
 * readers whose hashes to read; a node that stops takes its hashes with it.
 */
final class RedisPresence {

    private static final System.Logger LOG = System.getLogger(RedisPresence.class.getName());
    /** How long a cluster-wide count or list waits for Redis. */
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(5);
    /** How long a node id stays in the directory after its last refresh; its hashes are long gone by then. */
    private static final Duration DIRECTORY_TTL = Duration.ofHours(1);

    private final String nodeId;
    private final PresenceSettings settings;
    private final byte[] node;
    /** This node's members per route and group; guarded by this, with the commands that follow each change. */
    private final Map<Key, Map<String, WebSocketSession>> members = new HashMap<>();
    private RedisAsyncCommands<byte[], byte[]> redis; // guarded by this; null while the bus is down
    private Executor lettuceThread; // guarded by this: where calls into Lettuce are made, in the order given

    RedisPresence(String nodeId, PresenceSettings settings) {
        this.nodeId = nodeId;
        this.settings = settings;
        this.node = PresenceKeys.utf8(nodeId);
    }

    synchronized void entered(String route, String group, WebSocketSession session) {
        Key key = new Key(route, group);
        members.computeIfAbsent(key, k -> new HashMap<>()).put(session.id(), session);
        if (redis == null) {
            return; // written with the others when the bus comes up
        }
        byte[] hash = key.of(nodeId);
        byte[] field = PresenceKeys.utf8(session.id());
        byte[] value = PresenceKeys.encode(settings.published(session));
        long ttl = settings.ttl().toMillis();
        send(commands -> {
            commands.hset(hash, field, value);
            commands.pexpire(hash, ttl); // a hash Redis dropped meanwhile starts again with one
        });
    }

    synchronized void left(String route, String group, WebSocketSession session) {
        Key key = new Key(route, group);
        Map<String, WebSocketSession> sessions = members.get(key);
        if (sessions == null || sessions.remove(session.id()) == null) {
            return;
        }
        if (sessions.isEmpty()) {
            members.remove(key);
        }
        if (redis == null) {
            return; // the bus coming up rewrites the hashes; one left empty meanwhile expires with its time to live
        }
        byte[] hash = key.of(nodeId);
        byte[] field = PresenceKeys.utf8(session.id());
        send(commands -> commands.hdel(hash, field)); // the last field's removal removes the hash
    }

    /**
     * The bus is up on a connection: everything this node has is written again, whole.
     *
     * @param commands      the connection's commands
     * @param lettuceThread the one thread all calls into Lettuce are made on
     */
    synchronized void up(RedisAsyncCommands<byte[], byte[]> commands, Executor lettuceThread) {
        this.redis = commands;
        this.lettuceThread = lettuceThread;
        List<byte[]> hashes = hashes();
        send(now -> hashes.forEach(now::del)); // the entries that left while the bus was down go too
        refresh();
    }

    /** The bus is down: changes are kept here until {@link #up}. */
    synchronized void down() {
        redis = null;
    }

    /**
     * Writes every hash of this node with the attributes its sessions have now, renews their time to live and this
     * node's place in the directory, and prunes the directory of nodes long gone.
     */
    synchronized void refresh() {
        if (redis == null) {
            return;
        }
        Map<byte[], Map<byte[], byte[]>> hashes = new LinkedHashMap<>();
        members.forEach((key, sessions) -> {
            Map<byte[], byte[]> entries = new LinkedHashMap<>();
            sessions.forEach((id, session) -> entries.put(PresenceKeys.utf8(id),
                    PresenceKeys.encode(settings.published(session))));
            hashes.put(key.of(nodeId), entries);
        });
        long ttl = settings.ttl().toMillis();
        long now = System.currentTimeMillis();
        send(commands -> {
            hashes.forEach((hash, entries) -> {
                commands.hset(hash, entries);
                commands.pexpire(hash, ttl);
            });
            commands.zadd(PresenceKeys.NODES, now, node);
            commands.zremrangebyscore(PresenceKeys.NODES, Range.create(0, now - DIRECTORY_TTL.toMillis()));
        });
    }

    /** This node stops: its hashes and directory entry go, and the caller may wait for that. */
    synchronized CompletableFuture<Void> goodbye() {
        CompletableFuture<Void> gone = new CompletableFuture<>();
        if (redis == null) {
            gone.complete(null);
            return gone;
        }
        List<byte[]> hashes = hashes();
        send(commands -> {
            List<CompletableFuture<?>> done = new ArrayList<>();
            hashes.forEach(hash -> done.add(commands.del(hash).toCompletableFuture()));
            done.add(commands.zrem(PresenceKeys.NODES, node).toCompletableFuture());
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).whenComplete((all, failure) -> {
                if (failure != null) {
                    gone.completeExceptionally(failure);
                } else {
                    gone.complete(null);
                }
            });
        });
        members.clear();
        redis = null;
        return gone;
    }

    /** The names of this node's hashes now; under this lock. */
    private List<byte[]> hashes() {
        return members.keySet().stream().map(key -> key.of(nodeId)).toList();
    }

    /**
     * Sends commands on the Lettuce thread if the bus is up, in the order given: the caller holds this lock, whose
     * state the commands reflect. They are asynchronous: one that fails is made good by the next time the bus comes
     * up, or the next refresh. Nothing here may fail the opening or closing of a session, or stop the refreshes.
     */
    private void send(Consumer<RedisAsyncCommands<byte[], byte[]>> commands) {
        RedisAsyncCommands<byte[], byte[]> connection = redis;
        if (connection == null) {
            return;
        }
        lettuceThread.execute(() -> {
            try {
                commands.accept(connection);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "Node " + nodeId + " could not write its presence now: " + e);
            }
        });
    }

    CompletionStage<Long> countElsewhere(String route, String group) {
        return elsewhere(route, group, RedisAsyncCommands::hlen, (other, count) -> count)
                .thenApply(counts -> counts.stream().mapToLong(Long::longValue).sum());
    }

    CompletionStage<List<PresentSession>> presentElsewhere(String route, String group) {
        return elsewhere(route, group, RedisAsyncCommands::hgetall, (other, entries) -> {
            List<PresentSession> sessions = new ArrayList<>(entries.size());
            entries.forEach((id, value) -> sessions.add(new PresentSession(new String(id, StandardCharsets.UTF_8),
                    other, attributesOf(value))));
            return sessions;
        }).thenApply(perNode -> perNode.stream().flatMap(List::stream).toList());
    }

    /**
     * Reads the hash of a route or group of every other node in the directory, and makes something of each. A node
     * whose hash expired, or that has no member, reads as an empty hash.
     */
    private <R, T> CompletableFuture<List<T>> elsewhere(String route, String group,
            BiFunction<RedisAsyncCommands<byte[], byte[]>, byte[], CompletionStage<R>> read,
            BiFunction<String, R, T> make) {
        RedisAsyncCommands<byte[], byte[]> commands;
        Executor thread;
        synchronized (this) {
            commands = redis;
            thread = lettuceThread;
        }
        if (commands == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("The cluster bus of node " + nodeId
                    + " is not up: the other nodes' sessions are unknown now; count() and list() give this node's"));
        }
        Key key = new Key(route, group);
        // the first command on the Lettuce thread; the others on Lettuce's own, where the directory arrives
        return CompletableFuture.supplyAsync(() -> commands.zrange(PresenceKeys.NODES, 0, -1), thread)
                .thenCompose(nodes -> nodes).thenCompose(nodes -> {
            List<String> others = new ArrayList<>();
            List<CompletableFuture<R>> reads = new ArrayList<>();
            for (byte[] other : nodes) {
                String id = new String(other, StandardCharsets.UTF_8);
                if (!id.equals(nodeId)) {
                    others.add(id);
                    reads.add(read.apply(commands, key.of(id)).toCompletableFuture());
                }
            }
            return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(done -> {
                List<T> made = new ArrayList<>(reads.size());
                for (int i = 0; i < reads.size(); i++) {
                    made.add(make.apply(others.get(i), reads.get(i).join()));
                }
                return made;
            });
        }).orTimeout(QUERY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** An entry another node wrote that this node cannot read shows without attributes, and is reported. */
    private Map<String, String> attributesOf(byte[] value) {
        try {
            return PresenceKeys.decode(value);
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "Node " + nodeId + " read a presence entry without its attributes: "
                    + e.getMessage() + "; do all nodes run the same Switchboard version?");
            return Map.of();
        }
    }

    /** A route, or one of its groups. */
    private record Key(String route, String group) {
        byte[] of(String nodeId) {
            return PresenceKeys.of(nodeId, route, group);
        }
    }
}
