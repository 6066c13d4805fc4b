package dev.switchboard.containers;

import dev.switchboard.it.clients.Handshake;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * One Jakarta container distribution, run as a child JVM on 127.0.0.1 with a free port, its own fresh base
 * folder under {@code target/containers/<name>-base}, and its output in {@code target/containers/<name>.log}.
 * Apps are deployed the way users do: a WAR copied into the container's deployment folder before start
 * ({@link #deploy(War)} before {@link #start()}), or after it (hot deployment, awaited).
 *
 * <pre>{@code
 * Container tomcat = Containers.tomcat11().deploy(WarBuilder.contractApp()).start();
 * URI base = tomcat.base();   // ws://127.0.0.1:PORT/contract-app
 * tomcat.stop();
 * }</pre>
 *
 * Every phase (prepare, start, deploy, stop) is timed and printed, and appended to
 * {@code target/containers/timings.log}. A JVM shutdown hook kills whatever is still running.
 *
 * <p>A container is one subclass: it writes its configuration into the base ({@link #prepare}), names its
 * command line ({@link #command}) and its deployment folder ({@link #webapps}).
 */
public abstract class Container implements AutoCloseable {

    private static final Set<Container> RUNNING = ConcurrentHashMap.newKeySet();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Container::kill), "containers-reaper"));
    }

    private final String name;
    private final String title;
    private final Path home;
    private final List<War> staged = new ArrayList<>();
    private final List<War> deployed = new ArrayList<>();
    private Duration startTimeout = Duration.ofMinutes(3);
    private Duration deployTimeout = Duration.ofMinutes(2);
    private Duration stopTimeout = Duration.ofSeconds(30);

    private Path base;
    private Path logFile;
    private long logStart;
    private int port;
    private Process process;

    /**
     * @param name  short name: folder and log names, system property prefix ({@code tomcat11})
     * @param title what the output calls it ({@code Tomcat 11.0.24})
     * @param home  the unpacked distribution
     */
    protected Container(String name, String title, Path home) {
        this.name = name;
        this.title = title;
        this.home = home;
    }

    /** Writes the container's configuration into a fresh, empty base folder: HTTP on 127.0.0.1:{@code port}. */
    protected abstract void prepare(Path home, Path base, int port) throws IOException;

    /** The command line that runs the container in the foreground; {@code java} is the launcher to use. */
    protected abstract List<String> command(Path java, Path home, Path base, int port);

    /** The folder a WAR is copied into to deploy it. */
    protected abstract Path webapps(Path base);

    /** Asks a running container to stop its own way, before the SIGTERM that follows; nothing unless overridden. */
    protected void requestStop(Path base) throws IOException {
    }

    /** The oldest Java feature version the container runs on. */
    protected int minimumJava() {
        return 17;
    }

    /** The newest Java feature version the container runs on: no limit unless overridden. */
    protected int maximumJava() {
        return Integer.MAX_VALUE;
    }

    /** The {@code java} launcher that runs the container and its set-up tools. */
    protected Path java() {
        return BuildLayout.java(name, minimumJava(), maximumJava());
    }

    public String name() {
        return name;
    }

    public String title() {
        return title;
    }

    /** How long the container may take to answer HTTP after launch; 3 minutes unless changed. */
    public Container startTimeout(Duration timeout) {
        this.startTimeout = timeout;
        return this;
    }

    /** How long an app may take to answer after its deployment began; 2 minutes unless changed. */
    public Container deployTimeout(Duration timeout) {
        this.deployTimeout = timeout;
        return this;
    }

    /**
     * Deploys a WAR: before {@link #start()}, it is copied into the deployment folder before launch and awaited
     * by {@code start()}; after, it is hot-deployed and awaited here (its probe path answers 101).
     */
    public Container deploy(War war) {
        if (process == null) {
            staged.add(war);
            return this;
        }
        Instant began = Instant.now();
        copyIntoWebapps(war);
        awaitServed(war, began);
        return this;
    }

    /**
     * Hot-deploys a WAR without waiting for it to be served: for an app whose deployment is expected to fail.
     * Follow with {@link #awaitLog(String)}.
     */
    public Container deployWithoutWaiting(War war) {
        if (process == null) {
            throw new IllegalStateException(title + " is not running: start() it first");
        }
        copyIntoWebapps(war);
        return this;
    }

    /**
     * Undeploys an app the way users do, by removing its WAR from the deployment folder, and waits until its
     * probe path no longer answers 101.
     */
    public Container undeploy(War war) {
        requireRunning();
        Instant began = Instant.now();
        try {
            Files.delete(webapps(base).resolve(war.file().getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot undeploy " + war.file() + " from " + title, e);
        }
        URI probe = ws(war.contextPath() + war.probePath());
        awaitCondition("stop serving " + probe, deployTimeout, () -> !upgrades(probe));
        deployed.remove(war);
        phase("undeploy " + war.contextPath(), began);
        return this;
    }

    /** Launches the container and waits until it answers HTTP and every staged app is served. */
    public Container start() {
        if (process != null) {
            throw new IllegalStateException(title + " is already running");
        }
        try {
            Instant began = Instant.now();
            port = freePort();
            base = BuildLayout.containers().resolve(name + "-base");
            deleteRecursively(base);
            Files.createDirectories(base);
            prepare(home, base, port);
            for (War war : staged) {
                Files.copy(war.file(), webapps(base).resolve(war.file().getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            phase("prepare", began);

            logFile = BuildLayout.containers().resolve(name + ".log");
            Files.writeString(logFile, "=== " + title + " on 127.0.0.1:" + port + ", started " + Instant.now() + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            logStart = Files.size(logFile);
            List<String> command = command(java(), home, base, port);
            ProcessBuilder builder = new ProcessBuilder(command).directory(base.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().keySet().removeIf(key -> key.startsWith("CATALINA_") || key.startsWith("JETTY_")
                    || key.equals("JAVA_OPTS") || key.equals("JAVA_TOOL_OPTIONS") || key.equals("JDK_JAVA_OPTIONS"));
            Instant launched = Instant.now();
            process = builder.start();
            RUNNING.add(this);
            System.out.println("[containers] " + title + ": pid " + process.pid() + ", http://127.0.0.1:" + port
                    + ", log " + logFile);

            awaitCondition("answer HTTP on 127.0.0.1:" + port, startTimeout, this::answersHttp);
            phase("start", launched);
            Instant answering = Instant.now();
            for (War war : staged) {
                awaitServed(war, answering);
            }
            deployed.addAll(staged);
            staged.clear();
            return this;
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("Cannot start " + title, e);
        } catch (RuntimeException | Error e) {
            stop();
            throw e;
        }
    }

    /** The HTTP port on 127.0.0.1. */
    public int port() {
        requireRunning();
        return port;
    }

    /** The id of the process the harness launched, for measuring its CPU (the benchmarks). */
    public long pid() {
        requireRunning();
        return process.pid();
    }

    /** The WebSocket root of the last deployed app: {@code ws://127.0.0.1:PORT/contract-app}, no trailing slash. */
    public URI base() {
        if (deployed.isEmpty()) {
            throw new IllegalStateException("No app is deployed on " + title);
        }
        return base(deployed.get(deployed.size() - 1));
    }

    /** The WebSocket root of an app: {@code ws://127.0.0.1:PORT/<context>}. */
    public URI base(War war) {
        return ws(war.contextPath());
    }

    /** {@code ws://127.0.0.1:PORT<path>}. */
    public URI ws(String path) {
        return URI.create("ws://127.0.0.1:" + port() + path);
    }

    /** {@code http://127.0.0.1:PORT<path>}. */
    public URI http(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    /** The container's output (stdout and stderr) since this run's launch. */
    public String log() {
        if (logFile == null) {
            return "";
        }
        try {
            byte[] all = Files.readAllBytes(logFile);
            int from = (int) Math.min(logStart, all.length);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the container reported of applications leaving threads or thread-local values behind when they
     * were undeployed, in its log since it started; empty where it does not check.
     */
    public List<String> leakReports() {
        return List.of();
    }

    /** {@code target/containers/<name>.log}. */
    public Path logFile() {
        return logFile;
    }

    /** Waits until the container's output contains a text, for the deploy timeout at most. */
    public Container awaitLog(String text) {
        awaitCondition("log \"" + text + "\"", deployTimeout, () -> log().contains(text));
        return this;
    }

    /**
     * Stops the container: its own stop command if it has one ({@link #requestStop}), then SIGTERM (its graceful
     * shutdown), then a forced kill after 30 s. Idempotent.
     */
    public void stop() {
        Process running = process;
        if (running == null) {
            return;
        }
        Instant began = Instant.now();
        try {
            requestStop(base);
        } catch (IOException e) {
            System.out.println("[containers] " + title + ": its stop command failed, SIGTERM follows: " + e);
        }
        List<ProcessHandle> descendants = running.descendants().toList();
        running.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!running.waitFor(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                System.out.println("[containers] " + title + " did not stop within " + stopTimeout + ": killing it");
                kill();
                running.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        RUNNING.remove(this);
        process = null;
        deployed.clear();
        phase("stop", began);
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return title;
    }

    /** A port free on 127.0.0.1 now. */
    protected static int freePort() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces exactly one occurrence of a text, or fails naming the file: config formats change between versions. */
    protected static String replaceOnce(String content, String what, String with, Path file) {
        int at = content.indexOf(what);
        if (at < 0 || content.indexOf(what, at + 1) >= 0) {
            throw new IllegalStateException("Expected exactly one \"" + what + "\" in " + file
                    + ": the distribution's configuration changed, update the harness.");
        }
        return content.substring(0, at) + with + content.substring(at + what.length());
    }

    /** Copies a folder and everything in it: a distribution's configuration, into a fresh base. */
    protected static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path from : files.sorted(Comparator.naturalOrder()).toList()) {
                Path to = target.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
    }

    /** Runs a command to completion (set-up steps like Jetty's --add-modules), its output into the log. */
    protected void run(List<String> command, Path directory, Duration timeout) throws IOException {
        Path setupLog = BuildLayout.containers().resolve(name + "-setup.log");
        Process setup = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(setupLog.toFile())).start();
        try {
            if (!setup.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                setup.destroyForcibly();
                throw new IOException("Timed out: " + command);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            setup.destroyForcibly();
            throw new IOException("Interrupted: " + command, e);
        }
        if (setup.exitValue() != 0) {
            throw new IOException("Exit " + setup.exitValue() + " from " + command + ":\n" + Files.readString(setupLog));
        }
    }

    private void copyIntoWebapps(War war) {
        try {
            // Copy beside, then move in atomically: a scanner never sees half a WAR.
            Path incoming = base.resolve("incoming");
            Files.createDirectories(incoming);
            Path copy = Files.copy(war.file(), incoming.resolve(war.file().getFileName()), StandardCopyOption.REPLACE_EXISTING);
            Files.move(copy, webapps(base).resolve(war.file().getFileName()), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot deploy " + war.file() + " on " + title, e);
        }
    }

    private void awaitServed(War war, Instant began) {
        if (war.probePath() == null) {
            throw new IllegalArgumentException(war.file() + " has no probe path: deploy it with deployWithoutWaiting");
        }
        URI probe = ws(war.contextPath() + war.probePath());
        awaitCondition("serve " + probe + " (101)", deployTimeout, () -> upgrades(probe));
        if (!deployed.contains(war) && !staged.contains(war)) {
            deployed.add(war);
        }
        phase("deploy " + war.contextPath(), began);
    }

    private boolean answersHttp() {
        try {
            HTTP.send(HttpRequest.newBuilder(http("/")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean upgrades(URI uri) {
        try {
            return Handshake.attempt(uri).status() == 101;
        } catch (IOException e) {
            return false;
        }
    }

    private void awaitCondition(String what, Duration timeout, BooleanSupplier condition) {
        requireRunning();
        try {
            await(title + " " + what).atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                    .failFast(title + " exited", () -> !process.isAlive())
                    .until(condition::getAsBoolean);
        } catch (ConditionTimeoutException | org.awaitility.core.TerminalFailureException e) {
            throw new IllegalStateException(title + " did not " + what + " (" + e.getMessage() + "). Last lines of "
                    + logFile + ":\n" + tail(40), e);
        }
    }

    private String tail(int lines) {
        List<String> all = log().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    private void requireRunning() {
        if (process == null) {
            throw new IllegalStateException(title + " is not running");
        }
    }

    private void kill() {
        Process running = process;
        if (running != null) {
            running.descendants().forEach(ProcessHandle::destroyForcibly);
            running.destroyForcibly();
        }
    }

    private void phase(String phase, Instant began) {
        double seconds = Duration.between(began, Instant.now()).toMillis() / 1000.0;
        String line = String.format(Locale.ROOT, "[containers] %s: %s %.2f s", title, phase, seconds);
        System.out.println(line);
        try {
            Files.createDirectories(BuildLayout.containers());
            Files.writeString(BuildLayout.containers().resolve("timings.log"),
                    String.format(Locale.ROOT, "%s\t%s\t%s\t%.2f%n", Instant.now(), name, phase, seconds),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // timings are a courtesy
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
