package dev.switchboard.it.cluster;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A Redis of a test's own, on a free port of 127.0.0.1, that keeps nothing on disk; Debian's {@code redis-server},
 * which .ci/run installs. Without it the test is skipped, or fails when the environment variable {@code CI} is set.
 * Public for the cluster benchmark ({@code dev.switchboard.bench.ClusterBenchmark}), which starts its Redis the same
 * way.
 */
public final class RedisServer implements AutoCloseable {

    /** What Redis logs once it listens, followed by the kind of listener ("tcp") in Redis 7. */
    private static final String READY = "Ready to accept connections";

    private final int port;
    private final String executable;
    private Process process;

    private RedisServer(String executable, int port) {
        this.executable = executable;
        this.port = port;
    }

    /** Starts a Redis on a free port, or skips the test (fails it on CI) if there is no {@code redis-server}. */
    public static RedisServer start() throws Exception {
        String executable = Stream.concat(
                        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)),
                        Stream.of("/usr/bin", "/usr/sbin", "/usr/local/bin"))
                .map(dir -> Path.of(dir, "redis-server"))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst().orElse(null);
        if (executable == null) {
            String message = "The cluster tests need redis-server (apt-get install -y redis-server); .ci/run "
                    + "installs it.";
            if (System.getenv("CI") != null) {
                fail(message);
            }
            assumeTrue(false, message);
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        RedisServer redis = new RedisServer(executable, port);
        redis.run();
        return redis;
    }

    /** Starts the server, again after {@link #kill()}, on the same port; returns once it accepts connections. */
    void run() throws Exception {
        process = new ProcessBuilder(executable, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no")
                .redirectErrorStream(true)
                .start();
        CompletableFuture<Void> ready = new CompletableFuture<>();
        StringBuffer log = new StringBuffer();
        Process started = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(started.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) {
                    log.append(line).append('\n');
                    if (line.contains(READY)) {
                        ready.complete(null);
                    }
                }
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
            ready.completeExceptionally(new IOException("redis-server ended"));
        }, "redis-server-output");
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("redis-server did not start:\n" + log, e);
        }
    }

    /** Kills the server at once, as a crash would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    /** The server's process id, e.g. to pin it to a CPU. */
    public long pid() {
        return process.pid();
    }

    /** The URI the nodes connect to. */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
