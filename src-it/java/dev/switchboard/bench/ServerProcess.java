package dev.switchboard.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * {@link BenchServer} in a child JVM, so the server's CPU, heap and JIT are measured apart from the load
 * generator's; it inherits this process's limits, the open-files limit included. Its stderr (the server's
 * log) goes to a file, because a failing server can log a stack trace per connection and drown the report;
 * {@link #logTrouble()} picks the warnings out of it.
 */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;
    /** The answer to the pending {@code stats} request; only {@link #droppedMessages()} replaces it. */
    private final AtomicReference<CompletableFuture<Long>> stats;

    private ServerProcess(Process process, int port, Path log, AtomicReference<CompletableFuture<Long>> stats) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.stats = stats;
    }

    /**
     * Starts the server with the class path of this JVM and waits for its port.
     *
     * @param heap            the child's -Xmx value
     * @param deadlineSeconds how long to wait for the port
     * @return the running server
     * @throws IOException if it cannot be started or prints no port in time
     */
    static ServerProcess start(String heap, long deadlineSeconds) throws IOException {
        List<String> command = List.of(javaExecutable(), "-Xmx" + heap,
                "-cp", System.getProperty("java.class.path"), BenchServer.class.getName());
        Path log = Files.createTempFile("switchboard-bench-server-", ".log");
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        ServerProcess server = null;
        try {
            CompletableFuture<Integer> port = new CompletableFuture<>();
            AtomicReference<CompletableFuture<Long>> stats = new AtomicReference<>(new CompletableFuture<>());
            Thread reader = new Thread(() -> readStdout(process, port, stats), "bench-server-stdout");
            reader.setDaemon(true);
            reader.start();
            server = new ServerProcess(process, port.get(deadlineSeconds, TimeUnit.SECONDS), log, stats);
            return server;
        } catch (ExecutionException e) {
            throw new IOException(e.getCause().getMessage() + "; see " + log, e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("The server printed no port within " + deadlineSeconds + " s; see " + log, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while starting the server", e);
        } finally {
            if (server == null) {
                process.destroyForcibly();
            }
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /**
     * The records the server logged at WARNING or SEVERE so far, one line each (java.util.logging's default
     * format puts the level at the start of the message line).
     *
     * @return the lines, empty if none or if the log cannot be read
     */
    List<String> logTrouble() {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.startsWith("WARNING:") || line.startsWith("SEVERE:")).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Removes the server's log, for a run where it holds nothing worth keeping. */
    void deleteLog() {
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // A leftover temporary file is harmless.
        }
    }

    /**
     * The messages the example chat route's outbound queue limits dropped since the server started.
     *
     * @return the count, or -1 if the server did not answer within 5 s
     */
    synchronized long droppedMessages() {
        CompletableFuture<Long> answer = new CompletableFuture<>();
        stats.set(answer);
        try {
            OutputStream stdin = process.getOutputStream();
            stdin.write("stats\n".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            return answer.get(5, TimeUnit.SECONDS);
        } catch (IOException | ExecutionException | TimeoutException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The server's CPU times now. */
    CpuMeter.Snapshot cpu() {
        return CpuMeter.otherProcess(process.pid());
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

    /** Kills the server without waiting; for shutdown hooks. */
    void kill() {
        process.destroyForcibly();
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * Takes the port from the {@code PORT <n>} line and the answers to {@code stats} from {@code STATS <n>} lines,
     * and passes anything else the server prints through.
     */
    private static void readStdout(Process process, CompletableFuture<Integer> port,
                                   AtomicReference<CompletableFuture<Long>> stats) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith("PORT ") && !port.isDone()) {
                    port.complete(Integer.parseInt(line.substring(5).trim()));
                } else if (line.startsWith("STATS ")) {
                    stats.get().complete(Long.parseLong(line.substring(6).trim()));
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
