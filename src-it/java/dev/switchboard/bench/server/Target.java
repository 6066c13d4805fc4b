package dev.switchboard.bench.server;

import dev.switchboard.bench.baseline.RawChatEndpoint;
import dev.switchboard.bench.baseline.RawEchoEndpoint;
import dev.switchboard.bench.baseline.RawJsonEchoEndpoint;
import dev.switchboard.bench.json.TradeEchoRoute;

import java.net.URI;
import java.util.List;

/**
 * What a case loads and names in the report: a server, and where on it the compared echo, JSON echo and chat room
 * are. Switchboard's routes and the baseline endpoints may share a server ({@link BenchServer}, the WAR) or not
 * (the Tyrus comparison, whose servers serve no JSON echo).
 *
 * @param name         the name in the report
 * @param host         the running server, shared by the cases
 * @param echoPath     the path of its echo
 * @param jsonEchoPath the path of its echo of JSON {@code Trade}s
 * @param roomPath     the path of its chat room, with {@code {room}} for the room's name
 * @param countsDrops  whether the drops the server counts are this target's: those of Switchboard's
 *                     {@code ChatRoute}, so only the Switchboard target's
 */
public record Target(String name, BenchHost host, String echoPath, String jsonEchoPath, String roomPath,
                     boolean countsDrops) {

    /** Switchboard's example {@code EchoRoute} and {@code ChatRoute}, and {@link TradeEchoRoute}, on the server. */
    public static Target switchboard(BenchHost host) {
        return new Target("switchboard", host, "/echo", TradeEchoRoute.PATH, "/chat/{room}", true);
    }

    /**
     * The baseline endpoints, {@link RawEchoEndpoint}, {@link RawJsonEchoEndpoint} and {@link RawChatEndpoint}, on
     * the server.
     */
    public static Target baseline(String name, BenchHost host) {
        return new Target(name, host, RawEchoEndpoint.PATH, RawJsonEchoEndpoint.PATH, RawChatEndpoint.PATH, false);
    }

    /** Tyrus's own broadcast ({@link TyrusBroadcastEndpoint}) as the chat room of a {@link TyrusBenchServer}. */
    public static Target tyrusBroadcast(BenchHost tyrus) {
        return new Target("tyrus-broadcast", tyrus, RawEchoEndpoint.PATH, RawJsonEchoEndpoint.PATH,
                TyrusBroadcastEndpoint.PATH, false);
    }

    /** The same target under another name in the report. */
    public Target named(String newName) {
        return new Target(newName, host, echoPath, jsonEchoPath, roomPath, countsDrops);
    }

    /** The targets' names, in order, as the report takes them. */
    public static List<String> names(List<Target> targets) {
        return targets.stream().map(Target::name).toList();
    }

    public URI echo() {
        return host.uri(echoPath);
    }

    public URI jsonEcho() {
        return host.uri(jsonEchoPath);
    }

    public URI room(String room) {
        return host.uri(roomPath.replace("{room}", room));
    }

    /** The room on every node of the host, the first being {@link #room(String)}. */
    public List<URI> roomOnEveryNode(String room) {
        return host.uris(roomPath.replace("{room}", room));
    }

    /**
     * The messages this target's outbound queue limits dropped since the server started.
     *
     * @return the count, or -1 if unknown or not this target's to count
     */
    public long droppedMessages() {
        return countsDrops ? host.droppedMessages() : -1;
    }
}
