package dev.switchboard.bench.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * A benchmark server ({@link BenchServer}, {@link TyrusBenchServer}) in a child JVM, launched as its
 * {@link ServerCommand} says, so the server's CPU, heap and JIT are measured apart from the load generator's;
 * it inherits this process's limits, the open-files limit included. It talks to the child over stdin and
 * stdout as {@link ServerControl} describes. Its stderr (the server's log) goes to a file, because a failing
 * server can log a stack trace per connection and drown the report; {@link #logTrouble()} picks the warnings
 * out of it.
 */
public final class ServerProcess implements BenchHost {

    private final ServerCommand command;
    private final Process process;
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final Path log;
    /** The answer to the pending command; only {@link #ask} replaces it. */
    private final AtomicReference<CompletableFuture<String>> answer = new AtomicReference<>(new CompletableFuture<>());

    private ServerProcess(ServerCommand command, Process process, Path log) {
        this.command = command;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts a server and waits for its port.
     *
     * @param command         how to launch it
     * @param deadlineSeconds how long to wait for the port
     * @return the running server
     * @throws IOException if it cannot be started or prints no port in time
     */
    public static ServerProcess start(ServerCommand command, long deadlineSeconds) throws IOException {
        ServerProcess server = launch(command);
        boolean started = false;
        try {
            server.awaitPort(deadlineSeconds);
            started = true;
            return server;
        } finally {
            if (!started) {
                server.kill();
            }
        }
    }

    /**
     * Starts a server without waiting for it: {@link #port()} waits.
     *
     * @throws IOException if the process cannot be started
     */
    public static ServerProcess launch(ServerCommand command) throws IOException {
        Path log = Files.createTempFile("switchboard-bench-server-", ".log");
        Process process = new ProcessBuilder(command.toList()).redirectError(log.toFile()).start();
        ServerProcess server = new ServerProcess(command, process, log);
        Thread reader = new Thread(server::readStdout, "bench-server-stdout");
        reader.setDaemon(true);
        reader.start();
        return server;
    }

    private void awaitPort(long deadlineSeconds) throws IOException {
        try {
            port.get(deadlineSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage() + "; see " + log, e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("The server printed no port within " + deadlineSeconds + " s; see " + log, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while starting the server", e);
        }
    }

    /** How it was launched. */
    public ServerCommand command() {
        return command;
    }

    /** The port it printed; waits for it (at most a minute) if need be. */
    int port() {
        try {
            awaitPort(60);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return port.join();
    }

    /** {@code ws://127.0.0.1:PORT<path>}: the benchmark servers serve their routes at the root. */
    @Override
    public URI uri(String path) {
        return URI.create("ws://127.0.0.1:" + port() + path);
    }

    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public Path log() {
        return log;
    }

    /**
     * The records the server logged at WARNING or SEVERE so far, one line each (java.util.logging's default
     * format puts the level at the start of the message line).
     *
     * @return the lines, empty if none or if the log cannot be read
     */
    @Override
    public List<String> logTrouble() {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.startsWith("WARNING:") || line.startsWith("SEVERE:")).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    @Override
    public void deleteLog() {
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // A leftover temporary file is harmless.
        }
    }

    /**
     * The messages the example chat route's outbound queue limits dropped since the server started.
     *
     * @return the count, or -1 if the server did not answer within 5 s or counts none
     */
    @Override
    public long droppedMessages() {
        String stats = ask("stats", 5);
        return stats == null ? -1 : Long.parseLong(stats);
    }

    /**
     * The server's heap in use after full collections (see {@link ServerControl#heapAfterFullGc()}).
     *
     * @return bytes, or -1 if the server did not answer within 60 s
     */
    @Override
    public long heapAfterFullGc() {
        String heap = ask("heap", 60);
        return heap == null ? -1 : Long.parseLong(heap);
    }

    /** Sends a command and returns the value of its answer line, or null if none came in time. */
    private synchronized String ask(String command, long timeoutSeconds) {
        CompletableFuture<String> reply = new CompletableFuture<>();
        answer.set(reply);
        try {
            OutputStream stdin = process.getOutputStream();
            stdin.write((command + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            return reply.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (IOException | ExecutionException | TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Closes the server's stdin so it stops cleanly, then makes sure it is gone. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // Already gone: nothing to tell it.
        }
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                System.out.println("The server did not stop within 15 s of its stdin closing; killing it.");
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void kill() {
        process.destroyForcibly();
    }

    /**
     * Takes the port from the {@code PORT <n>} line and the answers to commands from {@code STATS <n>} and
     * {@code HEAP <n>} lines, and passes anything else the server prints through.
     */
    private void readStdout() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith("PORT ") && !port.isDone()) {
                    port.complete(Integer.parseInt(line.substring(5).trim()));
                } else if (line.startsWith("STATS ") || line.startsWith("HEAP ")) {
                    answer.get().complete(line.substring(line.indexOf(' ') + 1).trim());
                } else {
                    System.out.println("[server] " + line);
                }
            }
        } catch (IOException | RuntimeException e) {
            port.completeExceptionally(e);
        } finally {
            port.completeExceptionally(new IOException("The server exited before printing its port"));
        }
    }
}
