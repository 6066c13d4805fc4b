package dev.switchboard.example;

import dev.switchboard.Cluster;
import dev.switchboard.Switchboard;

/**
 * The example app: {@link EchoRoute} at {@code /echo}, {@link ChatRoute} at {@code /chat/{room}} and its chat
 * page (the class-path folder {@code public/}) at {@code /}, on 0.0.0.0:8080 unless {@code --host} or
 * {@code --port} say otherwise, until the process is told to stop (SIGTERM, Ctrl+C). With {@code --redis URI}, it
 * is a node of a cluster: chat rooms span every node that shares the Redis.
 */
public final class ExampleApp {

    private ExampleApp() {
    }

    public static void main(String[] args) throws InterruptedException {
        server().commandLine(args).build().serveUntilShutdown();
    }

    /**
     * The example app's server before its command line: its routes, its chat page, and the session attribute its
     * chat's online list reads from every node.
     *
     * @return the builder
     */
    public static Switchboard.Builder server() {
        return Switchboard.builder().route(EchoRoute.class).route(ChatRoute.class).route(InboxRoute.class)
                .staticFiles("public")
                .cluster(Cluster.local().presenceAttributes("name")); // --redis URI keeps it
    }
}
