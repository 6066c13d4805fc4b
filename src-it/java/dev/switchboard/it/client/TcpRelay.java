package dev.switchboard.it.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between a client and a server, for what servers never do on their own: a connection dropped without
 * a close frame, a port that refuses connections for a while, and a server that goes silent with its connection
 * still open.
 */
final class TcpRelay implements AutoCloseable {

    private final int target;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listening;
    private volatile boolean frozen;
    private volatile boolean stalled;

    /** A relay on a free port to a server on 127.0.0.1 at {@code target}. */
    TcpRelay(int target) throws IOException {
        this.target = target;
        this.listening = listen(0);
        this.port = listening.getLocalPort();
    }

    int port() {
        return port;
    }

    private ServerSocket listen(int onPort) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
        Thread accepting = new Thread(() -> accept(server), "relay-accept");
        accepting.setDaemon(true);
        accepting.start();
        return server;
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                sockets.add(client);
                sockets.add(upstream);
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while (awaitUnstalled() && (read = in.read(buffer)) >= 0) {
                    if (!frozen) {
                        out.write(buffer, 0, read);
                    }
                }
            } catch (IOException ended) {
                // either side went away: the other follows
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "relay-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether the pipe may read on: it waits while the relay is stalled; {@code false} once interrupted. */
    private boolean awaitUnstalled() {
        synchronized (this) {
            while (stalled) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Reads nothing more either way, with every connection left open: a peer that stopped reading, whose TCP
     * buffers fill until the sender can write no more.
     */
    void stall() {
        stalled = true;
    }

    /** Reads again after {@link #stall()}. */
    synchronized void unstall() {
        stalled = false;
        notifyAll();
    }

    /** Closes every relayed connection with a FIN on both sides, and no close frame. */
    void dropConnections() {
        sockets.forEach(TcpRelay::closeQuietly);
        sockets.clear();
    }

    /** Stops listening: connections to the relay's port are refused until {@link #listenAgain()}. */
    void refuseConnections() throws IOException {
        listening.close();
    }

    /** Listens again on the same port. */
    void listenAgain() throws IOException {
        listening = listen(port);
    }

    /** Swallows everything both ways from now on, with every connection left open: a server gone silent. */
    void freeze() {
        frozen = true;
    }

    /** Relays again. */
    void thaw() {
        frozen = false;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all that was wanted
        }
    }

    @Override
    public void close() throws IOException {
        unstall();
        listening.close();
        dropConnections();
    }
}
