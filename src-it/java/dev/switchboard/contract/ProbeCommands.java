package dev.switchboard.contract;

import dev.switchboard.CloseStatus;
import dev.switchboard.WebSocketSession;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The commands of the {@link ProbeRoute}. {@code <name>} is the {@code name} query parameter a session
 * connected with; arguments are separated by one space, and the last one may hold spaces.
 *
 * <table>
 *   <caption>Commands and their replies</caption>
 *   <tr><td>{@code reset}</td><td>forgets all sessions and records ({@link ServerSide#reset()})</td></tr>
 *   <tr><td>{@code events <name>}</td><td>{@code event=kind:name[:detail]} per callback, in order</td></tr>
 *   <tr><td>{@code disconnects <name>}</td><td>{@code disconnect=<code> <cause> <reason>} per
 *       {@code @OnDisconnected}</td></tr>
 *   <tr><td>{@code disconnected}</td><td>{@code name=<name>} per session with a recorded disconnect</td></tr>
 *   <tr><td>{@code errors <name>}</td><td>{@code error=<message>} per {@code @OnError}</td></tr>
 *   <tr><td>{@code info <name>}</td><td>{@code id}, {@code pathParams.<k>}, {@code queryParams.<k>} (one
 *       per value), {@code headers.<k>} (one per value), {@code remoteAddress} (the IP, bare if
 *       unresolved), {@code remoteHost}, {@code remotePort}, {@code requestUri}, {@code rawPath},
 *       {@code rawQuery}, {@code subprotocol}, {@code principal} (its name), {@code state}, {@code isOpen},
 *       {@code bufferedAmount}</td></tr>
 *   <tr><td>{@code lookup <name> pathParam|queryParam|header <key>}</td><td>{@code value}: what
 *       {@code pathParam(key)}, {@code queryParam(key)} or {@code header(key)} return</td></tr>
 *   <tr><td>{@code attributes <name> put <key> <value>}</td><td>{@code previous}</td></tr>
 *   <tr><td>{@code attributes <name> get <key>}</td><td>{@code value}</td></tr>
 *   <tr><td>{@code close <name> [<code> [<reason>]]}</td><td>{@code thrown} if the call threw, then
 *       {@code isOpen}, {@code state}</td></tr>
 *   <tr><td>{@code write <name> <text>}</td><td>when the write's stage completed: {@code written=true}, or
 *       {@code failed} with the exception</td></tr>
 *   <tr><td>{@code ping <name> [<payload>]}</td><td>{@code thrown} if the call threw, else as
 *       {@code write}</td></tr>
 *   <tr><td>{@code write-then-ping <name> <length> <payload>}</td><td>writes a text of {@code length}
 *       characters and at once a ping, then replies as {@code write} for the ping</td></tr>
 *   <tr><td>{@code burst <name> <threads> <count>}</td><td>see {@link SessionLoad#burst}</td></tr>
 *   <tr><td>{@code flood <name>}</td><td>see {@link SessionLoad#flood}</td></tr>
 * </table>
 *
 * Exceptions are written by {@link ProbeReply#addThrowable}: the class chain, then {@code <key>.message}.
 */
final class ProbeCommands {

    private ProbeCommands() {
    }

    static CompletionStage<ProbeReply> run(String command) {
        String[] words = command.split(" ", 2);
        String arguments = words.length > 1 ? words[1] : "";
        return switch (words[0]) {
            case "reset" -> {
                ServerSide.reset();
                yield done(new ProbeReply());
            }
            case "events" -> done(list("event", ServerSide.eventsOf(arguments)));
            case "disconnects" -> done(disconnects(arguments));
            case "disconnected" -> done(list("name", List.copyOf(ServerSide.disconnects.keySet())));
            case "errors" -> done(list("error",
                    ServerSide.errors.getOrDefault(arguments, List.of()).stream().map(Throwable::getMessage).toList()));
            case "info" -> done(info(session(arguments)));
            case "lookup" -> done(lookup(arguments.split(" ", 3)));
            case "attributes" -> done(attributes(arguments.split(" ", 4)));
            case "close" -> done(close(arguments.split(" ", 3)));
            case "write" -> write(arguments.split(" ", 2));
            case "ping" -> ping(arguments.split(" ", 2));
            case "write-then-ping" -> writeThenPing(arguments.split(" ", 3));
            case "burst" -> burst(arguments.split(" ", 3));
            case "flood" -> done(SessionLoad.flood(session(arguments)));
            default -> done(ProbeReply.fault("unknown command: " + command));
        };
    }

    private static CompletionStage<ProbeReply> done(ProbeReply reply) {
        return CompletableFuture.completedFuture(reply);
    }

    private static WebSocketSession session(String name) {
        WebSocketSession session = ServerSide.sessions.get(name);
        if (session == null) {
            throw new IllegalArgumentException("no session named " + name);
        }
        return session;
    }

    private static ProbeReply list(String key, List<?> values) {
        ProbeReply reply = new ProbeReply();
        values.forEach(value -> reply.add(key, value));
        return reply;
    }

    private static ProbeReply disconnects(String name) {
        ProbeReply reply = new ProbeReply();
        for (CloseStatus status : ServerSide.disconnects.getOrDefault(name, List.of())) {
            reply.add("disconnect", status.code() + " " + status.cause() + " " + status.reason());
        }
        return reply;
    }

    private static ProbeReply info(WebSocketSession session) {
        ProbeReply reply = new ProbeReply().add("id", session.id());
        session.pathParams().forEach((key, value) -> reply.add("pathParams." + key, value));
        session.queryParams().forEach((key, values) -> values.forEach(value -> reply.add("queryParams." + key, value)));
        session.headers().forEach((key, values) -> values.forEach(value -> reply.add("headers." + key, value)));
        InetSocketAddress remote = session.remoteAddress();
        reply.add("remoteAddress", remote == null || remote.getAddress() == null ? null : remote.getAddress().getHostAddress());
        reply.add("remoteHost", remote == null ? null : remote.getHostString());
        reply.add("remotePort", remote == null ? null : remote.getPort());
        URI uri = session.requestUri();
        reply.add("requestUri", uri);
        reply.add("rawPath", uri == null ? null : uri.getRawPath());
        reply.add("rawQuery", uri == null ? null : uri.getRawQuery());
        reply.add("subprotocol", session.subprotocol());
        reply.add("principal", session.principal() == null ? null : session.principal().getName());
        return reply.add("state", session.state())
                .add("isOpen", session.isOpen())
                .add("bufferedAmount", session.bufferedAmount());
    }

    /** {@code <name> pathParam|queryParam|header <key>}. */
    private static ProbeReply lookup(String[] args) {
        WebSocketSession session = session(args[0]);
        String key = args[2];
        String value = switch (args[1]) {
            case "pathParam" -> session.pathParam(key);
            case "queryParam" -> session.queryParam(key);
            case "header" -> session.header(key);
            default -> throw new IllegalArgumentException("lookup of what? " + args[1]);
        };
        return new ProbeReply().add("value", value);
    }

    /** {@code <name> put <key> <value>} or {@code <name> get <key>}. */
    private static ProbeReply attributes(String[] args) {
        WebSocketSession session = session(args[0]);
        return switch (args[1]) {
            case "put" -> new ProbeReply().add("previous", session.attributes().put(args[2], args[3]));
            case "get" -> new ProbeReply().add("value", session.attributes().get(args[2]));
            default -> throw new IllegalArgumentException("attributes put or get? " + args[1]);
        };
    }

    /** {@code <name> [<code> [<reason>]]}: called on the probe's thread, not one of the session's. */
    private static ProbeReply close(String[] args) {
        WebSocketSession session = session(args[0]);
        ProbeReply reply = new ProbeReply();
        try {
            if (args.length == 1) {
                session.close();
            } else {
                session.close(Integer.parseInt(args[1]), args.length > 2 ? args[2] : null);
            }
        } catch (RuntimeException e) {
            reply.addThrowable("thrown", e);
        }
        return reply.add("isOpen", session.isOpen()).add("state", session.state());
    }

    /** {@code <name> <text>}. */
    private static CompletionStage<ProbeReply> write(String[] args) {
        return outcome(session(args[0]).writeText(args.length > 1 ? args[1] : ""));
    }

    /** {@code <name> [<payload>]}. */
    private static CompletionStage<ProbeReply> ping(String[] args) {
        WebSocketSession session = session(args[0]);
        byte[] payload = (args.length > 1 ? args[1] : "").getBytes(StandardCharsets.UTF_8);
        try {
            return outcome(session.ping(ByteBuffer.wrap(payload)));
        } catch (RuntimeException e) {
            return done(new ProbeReply().addThrowable("thrown", e));
        }
    }

    /** {@code <name> <length> <payload>}: the ping waits in the queue while the text is being written. */
    private static CompletionStage<ProbeReply> writeThenPing(String[] args) {
        WebSocketSession session = session(args[0]);
        session.writeText("w".repeat(Integer.parseInt(args[1])));
        return outcome(session.ping(ByteBuffer.wrap(args[2].getBytes(StandardCharsets.UTF_8))));
    }

    /** {@code <name> <threads> <count>}. */
    private static CompletionStage<ProbeReply> burst(String[] args) {
        return SessionLoad.burst(session(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
    }

    private static CompletionStage<ProbeReply> outcome(CompletionStage<Void> write) {
        return write.handle((ignored, failure) -> failure == null
                ? new ProbeReply().add("written", true)
                : new ProbeReply().addThrowable("failed", failure));
    }
}
