package dev.switchboard.bench.server;

import dev.switchboard.bench.baseline.RawEchoEndpoint;
import dev.switchboard.bench.json.TradeEchoRoute;
import dev.switchboard.containers.Container;
import dev.switchboard.containers.Containers;
import dev.switchboard.containers.War;
import dev.switchboard.containers.WarBuilder;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Tomcat 11 with the benchmark WAR deployed, the way the container tests run it ({@link Containers#tomcat11()}:
 * the distribution the build unpacked into {@code target/containers/tomcat11}, 127.0.0.1 only, a free port, a
 * fresh base, its output in {@code target/containers/tomcat11.log}). The WAR, {@code bench-echo.war}, carries
 * the example package (so {@code EchoRoute} with its generated adapter, found by Switchboard's initializer), the
 * JSON echo's package ({@link TradeEchoRoute} and its adapter, and the {@code Trade} record), the baseline package
 * with {@link RawEchoEndpoint} and the Jackson {@code RawJsonEchoEndpoint} (found by Tomcat's own scan), and the
 * JSON libraries in {@code WEB-INF/lib}, all in one application and one JVM.
 */
public final class TomcatHost implements BenchHost {

    private final Container tomcat;
    private final War war;

    private TomcatHost(Container tomcat, War war) {
        this.tomcat = tomcat;
        this.war = war;
    }

    /** Builds the WAR from the compiled test classes and the library jar, starts Tomcat, awaits the app. */
    public static TomcatHost start() {
        War war = WarBuilder.named("bench-echo")
                .packages(List.of("dev.switchboard.example", RawEchoEndpoint.class.getPackageName(),
                        TradeEchoRoute.class.getPackageName()))
                .libraries(WarBuilder.jsonLibraries())
                .build();
        // start() stops Tomcat again if it or the deployment fails.
        return new TomcatHost(Containers.tomcat11().deploy(war).start(), war);
    }

    @Override
    public URI uri(String path) {
        return tomcat.ws(war.contextPath() + path);
    }

    @Override
    public long pid() {
        return tomcat.pid();
    }

    /** Unknown: the application has no channel to ask; the WAR benchmark does not need it. */
    @Override
    public long droppedMessages() {
        return -1;
    }

    /** Unknown: the application has no channel to ask. */
    @Override
    public long heapAfterFullGc() {
        return -1;
    }

    /** Tomcat's console lines at WARNING or SEVERE ({@code <date> <time> WARNING [thread] ...}) since its launch. */
    @Override
    public List<String> logTrouble() {
        return tomcat.log().lines().filter(line -> line.contains(" WARNING [") || line.contains(" SEVERE ["))
                .toList();
    }

    @Override
    public Path log() {
        return tomcat.logFile();
    }

    /** Nothing: Tomcat's log is the container harness's, which every run appends to. */
    @Override
    public void deleteLog() {
    }

    /** A graceful stop, as the container tests do. */
    @Override
    public void close() {
        tomcat.stop();
    }

    /** Nothing to do: the container harness's own shutdown hook kills every container still running. */
    @Override
    public void kill() {
    }
}
