package dev.switchboard.containers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WildFly from {@code wildfly-dist}: {@code jboss.home.dir} is the unpacked distribution, untouched;
 * {@code jboss.server.base.dir} is a fresh folder with a copy of its {@code standalone/} in which every
 * {@code <socket-binding>} of {@code standalone.xml} is moved to a free port (HTTP to the given one; the public
 * and management interfaces stay on 127.0.0.1, their default) and the deployment scanner checks every second.
 * Runs with {@code java -jar jboss-modules.jar -mp modules org.jboss.as.standalone}, with the JDK options
 * {@code standalone.sh} passes; deployed by dropping the WAR into {@code deployments/}. Stopped by SIGTERM,
 * which runs WildFly's shutdown hook.
 */
final class WildFly extends Container {

    private static final Pattern BINDING = Pattern.compile("(<socket-binding name=\"([^\"]+)\"[^>]*?port=\")([^\"]+)(\")");

    WildFly(String name, Path home) {
        super(name, "WildFly " + version(home), home);
    }

    @Override
    protected void prepare(Path home, Path base, int port) throws IOException {
        Path standalone = base.resolve("standalone");
        Path source = home.resolve("standalone");
        copyTree(source, standalone);
        Files.createDirectories(webapps(base));
        Path standaloneXml = standalone.resolve("configuration/standalone.xml");
        String xml = Files.readString(standaloneXml);
        Matcher matcher = BINDING.matcher(xml);
        StringBuilder moved = new StringBuilder();
        boolean http = false;
        while (matcher.find()) {
            String binding = matcher.group(2);
            int to = binding.equals("http") ? port : freePort();
            http |= binding.equals("http");
            matcher.appendReplacement(moved, Matcher.quoteReplacement(matcher.group(1) + to + matcher.group(4)));
        }
        matcher.appendTail(moved);
        if (!http) {
            throw new IllegalStateException("No <socket-binding name=\"http\" port=...> in " + standaloneXml
                    + ": the distribution's configuration changed, update the harness.");
        }
        xml = replaceOnce(moved.toString(), "scan-interval=\"5000\"", "scan-interval=\"1000\"", standaloneXml);
        Files.writeString(standaloneXml, xml);
    }

    @Override
    protected List<String> command(Path java, Path home, Path base, int port) {
        Path standalone = base.resolve("standalone");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx512m",
                "-Djava.net.preferIPv4Stack=true",
                "-Djboss.modules.system.pkgs=org.jboss.byteman",
                "-Djava.awt.headless=true",
                "--add-exports=java.desktop/sun.awt=ALL-UNNAMED",
                "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED",
                "--add-exports=java.naming/com.sun.jndi.url.ldap=ALL-UNNAMED",
                "--add-exports=java.naming/com.sun.jndi.url.ldaps=ALL-UNNAMED",
                "--add-exports=jdk.naming.dns/com.sun.jndi.dns=ALL-UNNAMED",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
                "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
                "--add-opens=java.base/java.io=ALL-UNNAMED",
                "--add-opens=java.base/java.net=ALL-UNNAMED",
                "--add-opens=java.base/java.security=ALL-UNNAMED",
                "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                "--add-opens=java.management/javax.management=ALL-UNNAMED",
                "--add-opens=java.naming/javax.naming=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 22) {
            command.add("--enable-native-access=ALL-UNNAMED");
        }
        command.addAll(List.of(
                "-Dorg.jboss.boot.log.file=" + standalone.resolve("log/server.log"),
                "-Dlogging.configuration=file:" + standalone.resolve("configuration/logging.properties"),
                "-jar", home.resolve("jboss-modules.jar").toString(),
                "-mp", home.resolve("modules").toString(),
                "org.jboss.as.standalone",
                "-Djboss.home.dir=" + home,
                "-Djboss.server.base.dir=" + standalone,
                "-Djboss.bind.address=127.0.0.1",
                "-Djboss.bind.address.management=127.0.0.1"));
        return command;
    }

    @Override
    protected Path webapps(Path base) {
        return base.resolve("standalone/deployments");
    }

    /** {@code 39.0.1.Final} from {@code wildfly-39.0.1.Final}. */
    private static String version(Path home) {
        return home.getFileName().toString().replaceFirst("^wildfly-", "");
    }
}
