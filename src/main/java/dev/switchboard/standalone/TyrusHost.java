package dev.switchboard.standalone;

import dev.switchboard.runtime.FrameWriter;
import dev.switchboard.runtime.Host;
import jakarta.websocket.Extension;
import jakarta.websocket.Session;
import org.glassfish.grizzly.threadpool.Threads;

import java.util.List;

/**
 * The standalone host as the engine sees it: Tyrus on Switchboard's own Grizzly server. Tyrus only queues pings
 * and closes, the routes offer permessage-deflate when enabled, and broadcast frames are encoded once and written
 * by each connection's own frame writer.
 */
final class TyrusHost implements Host {

    private final boolean handlersOnIoThreads;
    private final List<Extension> extensions;

    /**
     * @param handlersOnIoThreads whether handlers run on the I/O thread that read their message
     * @param extensions          the extensions every route offers
     */
    TyrusHost(boolean handlersOnIoThreads, List<Extension> extensions) {
        this.handlersOnIoThreads = handlersOnIoThreads;
        this.extensions = List.copyOf(extensions);
    }

    @Override
    public boolean handlersOnIoThreads() {
        return handlersOnIoThreads;
    }

    @Override
    public boolean controlFramesBlock() {
        return false;
    }

    /**
     * Not on a Grizzly selector thread, where handlers run unless they may block: it writes its connections'
     * frames once the socket takes them, which it cannot while it waits.
     */
    @Override
    public boolean threadMayWait() {
        return !Threads.isService();
    }

    @Override
    public List<Extension> extensions() {
        return extensions;
    }

    /** None for a session that negotiated compression: its compressor encodes its broadcasts as its other messages. */
    @Override
    public FrameWriter sharedFrames(Session session) {
        return session.getNegotiatedExtensions().isEmpty() ? OpeningConnection.writer() : null;
    }
}
