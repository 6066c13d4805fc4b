package dev.switchboard.containers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Eclipse Jetty from {@code jetty-home}: {@code jetty.home} is the unpacked distribution, untouched;
 * {@code jetty.base} is a fresh folder set up the documented way ({@code java -jar start.jar --add-modules=...})
 * for one EE environment: {@code http}, {@code eeNN-deploy}, {@code eeNN-annotations} (which finds the
 * {@code ServletContainerInitializer} and its {@code @HandlesTypes}) and {@code eeNN-websocket-jakarta}.
 * Runs with {@code java -jar start.jar} on 127.0.0.1 and a free port, scanning {@code webapps/} every second
 * for hot deployment. Stopped by SIGTERM, which runs Jetty's graceful stop.
 */
final class Jetty extends Container {

    private final String environment;

    /**
     * @param environment the EE environment, {@code ee11} or {@code ee10}
     */
    Jetty(String name, Path home, String environment) {
        super(name, "Jetty " + version(home) + " " + environment, home);
        this.environment = environment;
    }

    @Override
    protected void prepare(Path home, Path base, int port) throws IOException {
        String modules = String.join(",", "http", "graceful", environment + "-deploy", environment + "-annotations",
                environment + "-websocket-jakarta");
        run(List.of(java().toString(), "-jar", home.resolve("start.jar").toString(),
                "jetty.home=" + home, "jetty.base=" + base, "--add-modules=" + modules), base, Duration.ofMinutes(1));
        Files.createDirectories(webapps(base));
        Files.createDirectories(base.resolve("work")); // Jetty unpacks WARs here rather than in java.io.tmpdir
    }

    @Override
    protected List<String> command(Path java, Path home, Path base, int port) {
        return List.of(java.toString(), "-Xmx512m", "-jar", home.resolve("start.jar").toString(),
                "jetty.home=" + home, "jetty.base=" + base,
                "jetty.http.host=127.0.0.1", "jetty.http.port=" + port,
                "jetty.deploy.scanInterval=1");
    }

    @Override
    protected Path webapps(Path base) {
        return base.resolve("webapps");
    }

    /** {@code 12.1.12} from {@code jetty-home-12.1.12}. */
    private static String version(Path home) {
        return home.getFileName().toString().replaceFirst("^jetty-home-", "");
    }
}
