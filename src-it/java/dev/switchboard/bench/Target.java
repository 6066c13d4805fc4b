package dev.switchboard.bench;

import java.net.URI;
import java.util.List;

/**
 * A server compared by {@link VersusTyrusBenchmark}: its name, how to start it, once started its process, and
 * where on it the compared echo and chat room are.
 *
 * @param name     the name in the report
 * @param main     its main class ({@link BenchServer} or {@link TyrusBenchServer})
 * @param args     its arguments besides the port
 * @param server   its running process, shared by the cases (the startup case starts fresh ones)
 * @param echoPath the path of its echo
 * @param roomPath the path of its chat room, with {@code {room}} for the room's name
 */
record Target(String name, Class<?> main, List<String> args, ServerProcess server, String echoPath,
              String roomPath) {

    /** The echo of the running server. */
    URI echo() {
        return server.uri(echoPath);
    }

    /** A chat room of the running server. */
    URI room(String room) {
        return server.uri(roomPath.replace("{room}", room));
    }

    /** The same server under another name, with another endpoint as its chat room. */
    Target as(String otherName, String otherRoomPath) {
        return new Target(otherName, main, args, server, echoPath, otherRoomPath);
    }
}
