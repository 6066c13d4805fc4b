package dev.switchboard.it.cluster;

import dev.switchboard.example.ExampleApp;
import dev.switchboard.it.AppOutput;
import dev.switchboard.it.TestClassPath;
import dev.switchboard.it.clients.WsClient;
import dev.switchboard.runtime.PresenceSettings;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * A {@link ClusterNodeApp} in a JVM of its own: nodes share nothing but Redis.
 */
final class ClusterNode implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final String id;
    private final Process process;
    private final AppOutput output;
    private final int port;
    private final AtomicInteger tags = new AtomicInteger();

    private ClusterNode(String id, Process process, AppOutput output, int port) {
        this.id = id;
        this.process = process;
        this.output = output;
        this.port = port;
    }

    /** Starts a node and returns once it serves and its bus is up. */
    static ClusterNode start(String redisUri, String id) throws Exception {
        return start(redisUri, id, PresenceSettings.DEFAULT_TTL);
    }

    /** Starts a node whose presence entries have a time to live, and returns once it serves and its bus is up. */
    static ClusterNode start(String redisUri, String id, Duration presenceTtl) throws Exception {
        return launch(id, ClusterNodeApp.class, List.of(redisUri, id, Long.toString(presenceTtl.toSeconds())),
                "cluster state UP");
    }

    /** Starts the example app as a node, from its command line, and returns once it serves and its bus is up. */
    static ClusterNode exampleApp(String redisUri, String id) throws Exception {
        return launch(id, ExampleApp.class, List.of("--host", "127.0.0.1", "--port", "0", "--redis", redisUri,
                "--node-id", id), "Cluster bus of node " + id + ": CONNECTING -> UP");
    }

    private static ClusterNode launch(String id, Class<?> main, List<String> args, String upText) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", TestClassPath.entries().stream().map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator)), main.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        AppOutput output = AppOutput.of(process);
        try {
            int port = output.port().get(60, TimeUnit.SECONDS);
            ClusterNode node = new ClusterNode(id, process, output, port);
            node.awaitOutput(upText);
            return node;
        } catch (Exception | AssertionError e) {
            process.destroyForcibly();
            throw new IllegalStateException("node " + id + " did not start:\n" + output.text(), e);
        }
    }

    /** A client of this node. */
    WsClient connect(String pathAndQuery) {
        return WsClient.connect(URI.create("ws://127.0.0.1:" + port + pathAndQuery));
    }

    /** A client in a room of this node, once it joined the room. */
    WsClient join(String room) {
        WsClient client = WsClient.connect(URI.create("ws://127.0.0.1:" + port + "/cluster/" + room));
        await().atMost(WAIT).until(() -> client.texts.contains("joined " + room));
        client.texts.clear();
        return client;
    }

    /** A client in a room of this node with a user name its presence shows, once it joined the room. */
    WsClient join(String room, String user) {
        WsClient client = WsClient.connect(URI.create("ws://127.0.0.1:" + port + "/cluster/" + room + "?user=" + user));
        await().atMost(WAIT).until(() -> client.texts.contains("joined " + room));
        client.texts.clear();
        return client;
    }

    /**
     * The members of a room on every node, as this node's {@code Sessions.clusterList()} gives them: their count,
     * then each as {@code node-id/user} in order, or {@code failed} and why.
     */
    String who(String room) {
        return ask("who", room);
    }

    /** The sessions of the route on every node, as this node's {@code Sessions.clusterCount()} gives them. */
    String count() {
        return ask("count", "");
    }

    /** The cluster bus's meters on this node: {@code published=1 unpublished=0 received=2 up=1}. */
    String metrics() {
        return ask("metrics", "");
    }

    /** Sends a command with a new tag, and returns the rest of the line the node answered it with. */
    private String ask(String command, String argument) {
        String tag = Integer.toString(tags.incrementAndGet());
        command(command + " " + tag + " " + argument);
        String answer = command + " " + tag + " ";
        await().atMost(WAIT).until(() -> output.text().contains(answer));
        String text = output.text();
        int start = text.indexOf(answer) + answer.length();
        int end = text.indexOf('\n', start);
        return (end < 0 ? text.substring(start) : text.substring(start, end)).strip();
    }

    /** A client in a room of this node that hands each text to a consumer, once it joined the room. */
    WsClient join(String room, Consumer<String> texts) {
        CompletableFuture<Void> joined = new CompletableFuture<>();
        WsClient client = WsClient.connect(URI.create("ws://127.0.0.1:" + port + "/cluster/" + room), text -> {
            if (text.equals("joined " + room)) {
                joined.complete(null);
            } else {
                texts.accept(text);
            }
        });
        await().atMost(WAIT).until(joined::isDone);
        return client;
    }

    /** Broadcasts to a room from outside any handler. */
    void broadcast(String room, String text) {
        command("broadcast " + room + " " + text);
    }

    /** Broadcasts to every session of the route, from outside any handler. */
    void broadcastToEveryone(String text) {
        command("everyone " + text);
    }

    /** Broadcasts to this node's members of a room only. */
    void broadcastHere(String room, String text) {
        command("here " + room + " " + text);
    }

    /** Broadcasts the numbers from 1 to {@code count} to a room, from outside any handler. */
    void burst(String room, int count) {
        command("burst " + room + " " + count);
    }

    private void command(String line) {
        try {
            OutputStream in = process.getOutputStream();
            in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the node printed a line containing a text. */
    void awaitOutput(String text) {
        await().atMost(WAIT).until(() -> output.text().contains(text));
    }

    /** What the node printed. */
    String output() {
        return output.text();
    }

    String id() {
        return id;
    }

    /** Stops the node as an operator would: its server stops, and says goodbye to the cluster. */
    void stop() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("node " + id + " did not stop:\n" + output.text());
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
