package dev.switchboard.containers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Open Liberty from {@code openliberty-runtime}: the installation ({@code wlp/}) is the unpacked distribution,
 * untouched; {@code WLP_USER_DIR} is a fresh folder with one server whose {@code server.xml} enables
 * {@code servlet-6.0}, {@code websocket-2.1} and {@code cdi-4.0}, puts the HTTP endpoint on 127.0.0.1 and the given
 * port (HTTPS off), polls {@code dropins/} every half second and logs INFO to the console. Runs in the foreground
 * with {@code java -jar bin/tools/ws-server.jar} and the JDK options of {@code lib/platform/java} (what
 * {@code bin/server run} does); deployed by dropping the WAR into {@code dropins/}.
 * Stopped by {@code server --stop}.
 */
final class OpenLiberty extends Container {

    private static final String SERVER = "switchboard";

    private List<String> stopCommand;

    OpenLiberty(String name, String version, Path home) {
        super(name, "Open Liberty " + version, home);
    }

    @Override
    protected void prepare(Path home, Path base, int port) throws IOException {
        Path server = server(base);
        Files.createDirectories(server.resolve("dropins"));
        Files.writeString(server.resolve("server.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <server description="Switchboard container tests">
                    <featureManager>
                        <feature>servlet-6.0</feature>
                        <feature>websocket-2.1</feature>
                        <feature>cdi-4.0</feature>
                    </featureManager>
                    <httpEndpoint id="defaultHttpEndpoint" host="127.0.0.1" httpPort="%d" httpsPort="-1"/>
                    <applicationMonitor updateTrigger="polled" pollingRate="500ms" dropinsEnabled="true"/>
                    <applicationManager autoExpand="true"/>
                    <logging consoleLogLevel="INFO"/>
                </server>
                """.formatted(port));
        Files.writeString(server.resolve("jvm.options"), "-Xmx512m\n");
    }

    @Override
    protected List<String> command(Path java, Path home, Path base, int port) {
        // WLP_USER_DIR is read from the environment only: env sets it and execs java, whose pid this stays.
        stopCommand = List.of("/usr/bin/env", "WLP_USER_DIR=" + base.resolve("usr"), java.toString(), "-jar",
                home.resolve("bin/tools/ws-server.jar").toString(), SERVER, "--stop");
        // The JDK options bin/server merges in (CDI's Weld defines proxy classes through java.lang, for one).
        Path options = home.resolve("lib/platform/java/" + (BuildLayout.featureVersion(java.getParent().getParent()) >= 24 ? "java24" : "java9")
                + ".options");
        return List.of("/usr/bin/env", "WLP_USER_DIR=" + base.resolve("usr"), "JAVA_HOME=" + java.getParent().getParent(),
                java.toString(), "-Xmx512m", "@" + options, "-jar", home.resolve("bin/tools/ws-server.jar").toString(),
                SERVER);
    }

    /** {@code server stop}: Liberty's own stop. */
    @Override
    protected void requestStop(Path base) throws IOException {
        run(stopCommand, base, Duration.ofSeconds(60));
    }

    @Override
    protected Path webapps(Path base) {
        return server(base).resolve("dropins");
    }

    private static Path server(Path base) {
        return base.resolve("usr/servers").resolve(SERVER);
    }
}
