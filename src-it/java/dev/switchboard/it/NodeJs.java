package dev.switchboard.it;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Node.js with the {@code ws} package of {@code src-it/browser}, for the tests that run Node's WebSocket peers. */
public final class NodeJs {

    /** Where the Node scripts and their {@code node_modules} are. */
    public static final Path SCRIPT_DIR = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .toAbsolutePath().resolve("src-it/browser");

    private NodeJs() {
    }

    /**
     * The {@code node} executable, if {@code src-it/browser/node_modules} holds {@code ws}; otherwise the test is
     * skipped, or fails when {@code CI} is set.
     *
     * @param needer what needs it, for the message
     * @return the path of {@code node}
     */
    public static String withWs(String needer) {
        String nodeExecutable = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "node"))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst().orElse(null);
        String missing = Files.isDirectory(SCRIPT_DIR.resolve("node_modules/ws")) ? ""
                : "src-it/browser/node_modules (npm ci --prefix src-it/browser) ";
        if (nodeExecutable == null) {
            missing += "node on the PATH (Node.js 20 or later) ";
        }
        if (!missing.isEmpty()) {
            String message = needer + " needs " + missing.trim().replace(") ", "), ") + "; .ci/run installs them.";
            if (System.getenv("CI") != null) {
                fail(message);
            }
            assumeTrue(false, message);
        }
        return nodeExecutable;
    }
}
