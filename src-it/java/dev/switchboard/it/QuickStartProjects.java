package dev.switchboard.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quick start's projects (src-it/quickstart), which the docs show whole, as a user would take them: copied, and
 * built by the build's own Maven against the library jar just built, which is installed in the build's local
 * repository for them once per test JVM. Online: on a fresh machine Maven fetches what the projects use.
 */
public final class QuickStartProjects {

    /** The quick start's projects, each in a folder of its own. */
    public static final Path DIR = Path.of(System.getProperty("basedir", "")).toAbsolutePath()
            .resolve("src-it/quickstart");
    /** The version of the library just built, which every project's pom.xml names. */
    public static final String VERSION = System.getProperty("switchboard.version");
    /** The longest a project's build may take. */
    public static final Duration BUILD = Duration.ofMinutes(4);
    private static final Duration WAIT = Duration.ofSeconds(20);

    private static boolean installed;

    private QuickStartProjects() {
    }

    /** Checks that a project's pom.xml depends on the version of the library just built. */
    public static void assertDependsOnTheLibrary(String project) throws IOException {
        String pom = Files.readString(DIR.resolve(project).resolve("pom.xml"));
        assertTrue(pom.contains("<artifactId>switchboard</artifactId>\n      <version>" + VERSION + "</version>"),
                "the quick start's " + project + " pom.xml must name the version just built, " + VERSION);
    }

    /** Installs the library jar just built into the build's local repository, once per JVM. */
    public static synchronized void installLibrary() throws Exception {
        if (!installed) {
            Path root = DIR.getParent().getParent();
            mavenSucceeds(root, "installing the library", "install:install-file",
                    "-Dfile=" + System.getProperty("switchboard.jar"), "-DpomFile=pom.xml");
            installed = true;
        }
    }

    /** A copy of a project's pom.xml and sources, as a user would make it. */
    public static Path copy(String name, Path dir) throws IOException {
        Path from = DIR.resolve(name);
        Path to = dir.resolve(name);
        Files.createDirectories(to);
        Files.copy(from.resolve("pom.xml"), to.resolve("pom.xml"));
        try (Stream<Path> files = Files.walk(from.resolve("src"))) {
            files.forEach(file -> {
                try {
                    Files.copy(file, to.resolve(from.relativize(file).toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return to;
    }

    /** Runs Maven in a folder to its end, and fails with its output unless it succeeded. */
    public static void mavenSucceeds(Path dir, String what, String... arguments) throws Exception {
        Process build = maven(dir, arguments);
        AppOutput output = AppOutput.of(build);
        assertTrue(build.waitFor(BUILD.toSeconds(), TimeUnit.SECONDS), "Maven did not end: " + what);
        await().atMost(WAIT).until(output::ended);
        assertEquals(0, build.exitValue(), what + " failed:\n" + output.text());
    }

    /** The build's own Maven, on the JDK of this test, with the build's local repository. */
    public static Process maven(Path dir, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(), "-B", "-ntp"));
        String repository = System.getProperty("maven.repo.local");
        if (repository != null && !repository.isBlank()) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return builder.start();
    }
}
