package dev.switchboard.build;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Installing the library without its tests fetches and unpacks no container distribution: those are for the
 * WAR tests alone (about 1 GB of downloads on a fresh machine). Runs this project's own Maven build.
 */
class BuildWithoutTestsIT {

    @Test
    void skippingTestsSkipsTheContainerDistributions() throws Exception {
        for (String skip : List.of("-DskipTests", "-DskipITs", "-Dmaven.test.skip=true")) {
            String output = maven(skip, "dependency:unpack@unpack-containers", "dependency:copy@copy-containers");
            assertEquals(2, count(output, "Skipping plugin execution"), skip + " must skip both container steps:\n"
                    + output);
        }
    }

    private static String maven(String... goals) throws IOException, InterruptedException {
        String home = System.getProperty("maven.home");
        List<String> command = new ArrayList<>(List.of(Path.of(home, "bin", "mvn").toString(), "-B"));
        String repository = System.getProperty("maven.repo.local");
        if (repository != null && !repository.isBlank()) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        command.addAll(List.of(goals));
        Process maven = new ProcessBuilder(command).directory(Path.of(System.getProperty("basedir")).toFile())
                .redirectErrorStream(true).start();
        byte[] output = maven.getInputStream().readAllBytes();
        assertTrue(maven.waitFor(5, TimeUnit.MINUTES), "Maven did not end");
        String text = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, maven.exitValue(), "Maven failed:\n" + text);
        return text;
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
