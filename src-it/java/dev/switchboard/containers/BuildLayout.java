package dev.switchboard.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the build put what the container tests need. Maven's failsafe configuration passes the exact paths as
 * system properties; run from an IDE, the same places are found under {@code target/} by convention.
 */
public final class BuildLayout {

    private BuildLayout() {
    }

    /** {@code target/}. */
    public static Path target() {
        String configured = System.getProperty("containers.target");
        return (configured != null ? Path.of(configured) : Path.of("target")).toAbsolutePath().normalize();
    }

    /** {@code target/test-classes/}: the compiled routes and their generated adapters and index. */
    public static Path testClasses() {
        return target().resolve("test-classes");
    }

    /** {@code target/containers/}: the unpacked distributions, the bases the harness writes, and the logs. */
    public static Path containers() {
        return target().resolve("containers");
    }

    /** The library jar the package phase built, as a user's WAR would carry it in {@code WEB-INF/lib}. */
    public static Path libraryJar() {
        String configured = System.getProperty("switchboard.jar");
        if (configured != null) {
            return existing(Path.of(configured), "the library jar (switchboard.jar)");
        }
        try (Stream<Path> files = Files.list(target())) {
            List<Path> jars = files.filter(file -> {
                String name = file.getFileName().toString();
                return name.startsWith("switchboard-") && name.endsWith(".jar") && !name.endsWith("-sources.jar")
                        && !name.endsWith("-javadoc.jar") && !name.endsWith("-tests.jar");
            }).toList();
            if (jars.size() != 1) {
                throw new IllegalStateException("Expected one library jar target/switchboard-*.jar, found " + jars
                        + ": run the package phase first (mvn verify runs it before the integration tests).");
            }
            return jars.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The unpacked distribution of a container: {@code target/containers/<name>/<the archive's top folder>},
     * as the maven-dependency-plugin's unpack execution left it.
     *
     * @param name       the container's short name ({@code tomcat11}), also the folder name
     * @param topPrefix  how the archive's top folder starts ({@code apache-tomcat-}, {@code jetty-home-})
     */
    static Path distribution(String name, String topPrefix) {
        Path folder = containers().resolve(name);
        String version = System.getProperty("containers." + name + ".version");
        if (version != null) {
            return existing(folder.resolve(topPrefix + version), "the " + name + " distribution");
        }
        try (Stream<Path> entries = Files.list(existing(folder, "the " + name + " distribution folder"))) {
            List<Path> homes = entries.filter(Files::isDirectory)
                    .filter(dir -> dir.getFileName().toString().startsWith(topPrefix)).sorted().toList();
            if (homes.size() != 1) {
                throw new IllegalStateException("Expected one " + topPrefix + "* folder in " + folder + ", found "
                        + homes + ": run mvn clean verify, or pass -Dcontainers." + name + ".version.");
            }
            return homes.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The unpacked distribution of a container whose archive's top folder does not carry the full version, or the
     * copied jar of a container that is one jar: {@code target/containers/<name>/<top>} ({@code glassfish8},
     * {@code wlp}, {@code payara-micro.jar}).
     */
    static Path distributionFolder(String name, String top) {
        return existing(containers().resolve(name).resolve(top), "the " + name + " distribution");
    }

    /**
     * The {@code java} launcher that runs a container: {@code -Dcontainers.<name>.java.home}; else this JVM's if its
     * version is in the container's range; else the newest JDK in that range under {@code /usr/lib/jvm}.
     *
     * @param minimumVersion the oldest Java feature version the container runs on
     * @param maximumVersion the newest ({@link Integer#MAX_VALUE}: no limit)
     */
    static Path java(String name, int minimumVersion, int maximumVersion) {
        String home = System.getProperty("containers." + name + ".java.home");
        int running = Runtime.version().feature();
        if (home == null && running >= minimumVersion && running <= maximumVersion) {
            home = System.getProperty("java.home");
        }
        if (home == null) {
            String range = maximumVersion == Integer.MAX_VALUE ? minimumVersion + "+"
                    : minimumVersion + " to " + maximumVersion;
            home = installedJdk(minimumVersion, maximumVersion).orElseThrow(() -> new IllegalStateException(name
                    + " needs JDK " + range + ", this is " + Runtime.version() + " and /usr/lib/jvm has none: pass "
                    + "-Dcontainers." + name + ".java.home=<a JDK " + range + ">")).toString();
        }
        return existing(Path.of(home, "bin", "java"), "the java launcher for " + name);
    }

    private static Optional<Path> installedJdk(int minimumVersion, int maximumVersion) {
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.filter(jdk -> Files.isExecutable(jdk.resolve("bin/java")))
                    .filter(jdk -> featureVersion(jdk) >= minimumVersion && featureVersion(jdk) <= maximumVersion)
                    .max(Comparator.comparingInt(BuildLayout::featureVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The feature version from a JDK's {@code release} file ({@code JAVA_VERSION="25.0.1"}), 0 if unreadable. */
    static int featureVersion(Path jdk) {
        try (Stream<String> lines = Files.lines(jdk.resolve("release"))) {
            return lines.filter(line -> line.startsWith("JAVA_VERSION=")).findFirst()
                    .map(line -> Integer.parseInt(line.replaceAll("^JAVA_VERSION=\"(\\d+).*$", "$1")))
                    .orElse(0);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private static Path existing(Path path, String what) {
        if (!Files.exists(path)) {
            throw new IllegalStateException("Missing " + what + ": " + path + ". The container distributions are "
                    + "unpacked by mvn pre-integration-test (maven-dependency-plugin, execution unpack-containers), "
                    + "unless -Dcontainers.skip=true.");
        }
        return path;
    }
}
