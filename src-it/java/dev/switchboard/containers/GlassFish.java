package dev.switchboard.containers;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Eclipse GlassFish from its zip: the installation is the unpacked distribution, untouched; the domain is a copy
 * of {@code domain1} in a fresh folder ({@code --domaindir}), whose {@code server-config} has every port moved to
 * a free one (HTTP to the given one), every listener bound to 127.0.0.1, and the JMS broker disabled. Runs with
 * {@code asadmin start-domain --verbose} (launched as {@code bin/asadmin} does), which keeps the server JVM as its
 * child and its output on the console; deployed by dropping the WAR into {@code autodeploy/}. Each major version
 * has its own JDK range (GlassFish 8 needs 21+, GlassFish 7 runs on 21 at most; see {@link BuildLayout#java}).
 * Stopped by {@code asadmin stop-domain}.
 */
final class GlassFish extends Container {

    private List<String> asadmin;

    private static final Pattern PORT = Pattern.compile("port=\"(\\d+)\"");

    private final int minimumJava;
    private final int maximumJava;

    /**
     * @param minimumJava the oldest Java feature version this GlassFish runs on
     * @param maximumJava the newest ({@link Integer#MAX_VALUE}: no limit)
     */
    GlassFish(String name, String version, Path home, int minimumJava, int maximumJava) {
        super(name, "GlassFish " + version, home);
        this.minimumJava = minimumJava;
        this.maximumJava = maximumJava;
    }

    @Override
    protected void prepare(Path home, Path base, int port) throws IOException {
        Path source = home.resolve("glassfish/domains/domain1");
        Path domain = base.resolve("domain1");
        copyTree(source, domain);
        Files.createDirectories(webapps(base));
        Path domainXml = domain.resolve("config/domain.xml");
        String xml = Files.readString(domainXml);
        String marker = "<config name=\"default-config\"";
        int split = xml.indexOf(marker);
        if (split < 0 || xml.indexOf("<config name=\"server-config\">") < 0) {
            throw new IllegalStateException("No server-config and default-config in " + domainXml
                    + ": the distribution's configuration changed, update the harness.");
        }
        String server = xml.substring(0, split);
        String rest = xml.substring(split);
        server = replaceOnce(server, "<network-listener port=\"8080\"", "<network-listener port=\"" + port + "\"", domainXml);
        Matcher matcher = PORT.matcher(server);
        StringBuilder moved = new StringBuilder();
        while (matcher.find()) {
            String to = matcher.group(1).equals(String.valueOf(port)) ? matcher.group(1) : String.valueOf(freePort());
            matcher.appendReplacement(moved, "port=\"" + to + "\"");
        }
        matcher.appendTail(moved);
        server = moved.toString();
        server = server.replace("address=\"0.0.0.0\"", "address=\"127.0.0.1\"");
        server = server.replace("<network-listener port=", "<network-listener address=\"127.0.0.1\" port=");
        server = replaceOnce(server, "name=\"JMS_PROVIDER_PORT\" value=\"7676\"",
                "name=\"JMS_PROVIDER_PORT\" value=\"" + freePort() + "\"", domainXml);
        server = replaceOnce(server, "-Dosgi.shell.telnet.port=6666", "-Dosgi.shell.telnet.port=" + freePort(), domainXml);
        if (server.contains("<jms-service")) {
            server = server.replaceFirst("<jms-service type=\"[A-Z]+\"", "<jms-service type=\"DISABLED\"");
        } else {
            server = replaceOnce(server, "</config>",
                    "  <jms-service type=\"DISABLED\" default-jms-host=\"default_JMS_host\"/>\n    </config>", domainXml);
        }
        Files.writeString(domainXml, server + rest);
    }

    @Override
    protected List<String> command(Path java, Path home, Path base, int port) {
        asadmin = asadmin(java, home.resolve("glassfish"));
        List<String> command = new ArrayList<>(asadmin);
        command.addAll(List.of("start-domain", "--verbose", "--domaindir", base.toString(), "domain1"));
        return command;
    }

    /** {@code asadmin stop-domain}: GlassFish's own stop. */
    @Override
    protected void requestStop(Path base) throws IOException {
        List<String> command = new ArrayList<>(asadmin);
        command.addAll(List.of("stop-domain", "--domaindir", base.toString(), "domain1"));
        run(command, base, Duration.ofSeconds(60));
    }

    @Override
    protected int minimumJava() {
        return minimumJava;
    }

    @Override
    protected int maximumJava() {
        return maximumJava;
    }

    @Override
    protected Path webapps(Path base) {
        return base.resolve("domain1/autodeploy");
    }

    /**
     * {@code asadmin} launched as the distribution's {@code bin/asadmin} launches it: GlassFish 7 runs one
     * executable jar, GlassFish 8 a module path and a class path. {@code start-domain} starts the server JVM from
     * {@code JAVA_HOME} when it is set, not from asadmin's own JDK: the build's {@code JAVA_HOME} (JDK 25 in CI)
     * would run GlassFish 7 outside its range, so it is set to asadmin's JDK ({@code env} execs java, whose pid
     * this stays).
     */
    private static List<String> asadmin(Path java, Path install) {
        List<String> asadmin = new ArrayList<>(List.of("/usr/bin/env", "JAVA_HOME=" + java.getParent().getParent(),
                java.toString()));
        Path glassfish7Cli = install.resolve("lib/client/appserver-cli.jar");
        if (Files.exists(glassfish7Cli)) {
            asadmin.addAll(List.of("-jar", glassfish7Cli.toString()));
            return asadmin;
        }
        String classpath = String.join(File.pathSeparator, install.resolve("appserver-cli.jar").toString(),
                install.resolve("admin-cli.jar").toString(), install.resolve("lib/asadmin/*").toString(),
                install.resolve("modules/*").toString());
        asadmin.addAll(List.of("-Djava.util.logging.manager=org.glassfish.main.jul.GlassFishLogManager",
                "--module-path", install.resolve("lib/bootstrap").toString(), "--add-modules", "ALL-MODULE-PATH",
                "-cp", classpath, "org.glassfish.admin.cli.AsadminMain"));
        return asadmin;
    }
}
