package dev.switchboard.containers;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Apache Tomcat from its zip: {@code catalina.home} is the unpacked distribution, untouched; {@code catalina.base}
 * is a fresh folder with a copy of its {@code conf/} (the connector moved to 127.0.0.1 and a free port, the
 * shutdown port disabled, a one-second deployment check for hot deployment) and an empty {@code webapps/}.
 * The zip loses the scripts' exec bits, so the JVM is launched directly, with the options catalina.sh passes.
 * Stopped by SIGTERM, which runs Tomcat's shutdown hook (a graceful stop).
 */
final class Tomcat extends Container {

    Tomcat(String name, Path home) {
        super(name, "Tomcat " + version(home), home);
    }

    /** Tomcat checks every stopped application for threads it started and thread-local values it left. */
    @Override
    public List<String> leakReports() {
        return log().lines()
                .filter(line -> line.contains("WebappClassLoaderBase.clearReferencesThreads")
                        || line.contains("WebappClassLoaderBase.checkThreadLocalMapForLeaks"))
                .toList();
    }

    @Override
    protected void prepare(Path home, Path base, int port) throws IOException {
        for (String folder : List.of("conf", "webapps", "logs", "temp", "work")) {
            Files.createDirectories(base.resolve(folder));
        }
        try (Stream<Path> conf = Files.list(home.resolve("conf"))) {
            for (Path file : conf.filter(Files::isRegularFile).toList()) {
                Files.copy(file, base.resolve("conf").resolve(file.getFileName()));
            }
        }
        Path serverXml = base.resolve("conf/server.xml");
        String xml = Files.readString(serverXml);
        xml = replaceOnce(xml, "<Server port=\"8005\"", "<Server port=\"-1\"", serverXml);
        xml = replaceOnce(xml, "<Connector port=\"8080\" protocol=\"HTTP/1.1\"",
                "<Connector port=\"" + port + "\" address=\"127.0.0.1\" protocol=\"HTTP/1.1\"", serverXml);
        xml = replaceOnce(xml, "<Engine name=\"Catalina\" defaultHost=\"localhost\">",
                "<Engine name=\"Catalina\" defaultHost=\"localhost\" backgroundProcessorDelay=\"1\">", serverXml);
        Files.writeString(serverXml, xml);
    }

    @Override
    protected List<String> command(Path java, Path home, Path base, int port) {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx512m",
                "-Djava.util.logging.config.file=" + base.resolve("conf/logging.properties"),
                "-Djava.util.logging.manager=org.apache.juli.ClassLoaderLogManager",
                "-Djdk.tls.ephemeralDHKeySize=2048",
                "-Djava.protocol.handler.pkgs=org.apache.catalina.webresources",
                "-Dorg.apache.catalina.security.SecurityListener.UMASK=0027",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
                "--add-opens=java.base/java.io=ALL-UNNAMED",
                "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                "--add-opens=java.rmi/sun.rmi.transport=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.addAll(List.of(
                "-classpath", home.resolve("bin/bootstrap.jar") + File.pathSeparator + home.resolve("bin/tomcat-juli.jar"),
                "-Dcatalina.home=" + home,
                "-Dcatalina.base=" + base,
                "-Djava.io.tmpdir=" + base.resolve("temp"),
                "org.apache.catalina.startup.Bootstrap", "start"));
        return command;
    }

    @Override
    protected Path webapps(Path base) {
        return base.resolve("webapps");
    }

    /** {@code 11.0.24} from {@code apache-tomcat-11.0.24}. */
    private static String version(Path home) {
        return home.getFileName().toString().replaceFirst("^apache-tomcat-", "");
    }
}
