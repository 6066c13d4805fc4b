package dev.switchboard.containers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Payara Micro from its jar: {@code java -jar payara-micro.jar} with a fresh root folder ({@code --rootdir}), its
 * runtime unpacked into the base rather than {@code java.io.tmpdir}, Hazelcast (the data grid, which would listen
 * on every interface) off, and the HTTP listener bound to 127.0.0.1 by a pre-boot {@code asadmin} command, since
 * no option does it. Deployed by dropping the WAR into the root's {@code autodeploy/}, which Payara Micro scans at
 * boot and every few seconds after, as GlassFish does; removing it undeploys. Runs on JDK 21 at most. Stopped by
 * SIGTERM, which runs Payara Micro's shutdown.
 */
final class PayaraMicro extends Container {

    PayaraMicro(String name, String version, Path jar) {
        super(name, "Payara Micro " + version, jar);
    }

    @Override
    protected void prepare(Path jar, Path base, int port) throws IOException {
        Files.createDirectories(webapps(base));
        Files.writeString(preboot(base), "set configs.config.server-config.network-config.network-listeners"
                + ".network-listener.http-listener.address=127.0.0.1\n");
    }

    @Override
    protected List<String> command(Path java, Path jar, Path base, int port) {
        return List.of(java.toString(), "-Xmx512m", "-jar", jar.toString(),
                "--rootdir", base.resolve("root").toString(), "--unpackdir", base.resolve("runtime").toString(),
                "--prebootcommandfile", preboot(base).toString(), "--port", String.valueOf(port),
                "--nohazelcast", "--disablephonehome");
    }

    @Override
    protected int maximumJava() {
        return 21;
    }

    @Override
    protected Path webapps(Path base) {
        return base.resolve("root/autodeploy");
    }

    private static Path preboot(Path base) {
        return base.resolve("preboot.asadmin");
    }
}
