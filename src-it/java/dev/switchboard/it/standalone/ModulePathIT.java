package dev.switchboard.it.standalone;

import dev.switchboard.containers.BuildLayout;
import dev.switchboard.it.AppOutput;
import dev.switchboard.it.TestClassPath;
import dev.switchboard.it.clients.WsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An application module that requires {@code dev.switchboard}: compiled with the library jar on the module path
 * and its processor on the processor module path, run with {@code java -p ... -m}, and answering over a real
 * socket. Everything else runs the jar on the class path.
 */
class ModulePathIT {

    /** The jars a standalone application needs besides the library, as their file names start. */
    private static final Pattern STANDALONE_JARS = Pattern.compile(
            "(jakarta\\.websocket-|jakarta\\.xml\\.bind-api|jakarta\\.activation-api|tyrus-|grizzly-).*\\.jar");

    @TempDir
    Path work;

    @Test
    void anApplicationModuleServesItsRoutes() throws Exception {
        String modulePath = modulePath();
        Path sources = work.resolve("src/demo");
        write(sources.resolve("module-info.java"), """
                module demo {
                    requires dev.switchboard;
                    requires org.glassfish.tyrus.container.grizzly.server;
                    provides dev.switchboard.binding.RouteBinding with demo.Echo_SwitchboardRoute;
                }
                """);
        write(sources.resolve("demo/Echo.java"), """
                package demo;

                import dev.switchboard.OnText;
                import dev.switchboard.Route;

                @Route("/echo")
                public class Echo {
                    @OnText
                    String echo(String text) {
                        return "module: " + text;
                    }
                }
                """);
        write(sources.resolve("demo/Main.java"), """
                package demo;

                import dev.switchboard.Switchboard;

                public class Main {
                    public static void main(String[] args) throws InterruptedException {
                        Switchboard.builder().host("127.0.0.1").port(0).route(Echo.class).build().serveUntilShutdown();
                    }
                }
                """);
        Path classes = work.resolve("out");
        compile(modulePath, classes);

        Process app = run(classes, modulePath);
        try {
            AppOutput output = AppOutput.of(app);
            int port = output.port().get(60, TimeUnit.SECONDS);
            try (WsClient client = WsClient.connect(URI.create("ws://127.0.0.1:" + port + "/echo"))) {
                client.sendText("hello");
                await().atMost(Duration.ofSeconds(20)).until(() -> client.texts.contains("module: hello"));
            }
            app.toHandle().destroy();
            assertTrue(app.waitFor(20, TimeUnit.SECONDS), "the application exits after draining");
            assertEquals(0, app.exitValue(), output.text());
        } finally {
            app.destroyForcibly();
        }
    }

    @Test
    void aModuleThatDoesNotProvideItsAdaptersIsToldTheClauseToAdd() throws Exception {
        String modulePath = modulePath();
        Path sources = work.resolve("src/demo");
        write(sources.resolve("module-info.java"), """
                module demo {
                    requires dev.switchboard;
                    requires org.glassfish.tyrus.container.grizzly.server;
                }
                """);
        write(sources.resolve("demo/Echo.java"), """
                package demo;

                @dev.switchboard.Route("/echo")
                public class Echo {
                }
                """);
        write(sources.resolve("demo/Main.java"), """
                package demo;

                public class Main {
                    public static void main(String[] args) {
                        dev.switchboard.Switchboard.builder().port(0).route(Echo.class).build();
                    }
                }
                """);
        Path classes = work.resolve("out");
        compile(modulePath, classes);

        Process app = run(classes, modulePath);
        try {
            String output = new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(app.waitFor(20, TimeUnit.SECONDS));
            assertEquals(1, app.exitValue(), output);
            assertTrue(output.contains("demo.Echo is annotated @Route in module demo, which does not provide its "
                    + "adapter: add \"provides dev.switchboard.binding.RouteBinding with demo.Echo_SwitchboardRoute;\" "
                    + "to its module-info.java"), output);
        } finally {
            app.destroyForcibly();
        }
    }

    private static Process run(Path classes, String modulePath) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-p", classes.resolve("demo") + File.pathSeparator + modulePath,
                "-m", "demo/demo.Main").redirectErrorStream(true).start();
    }

    private void compile(String modulePath, Path classes) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, diagnostics, diagnostics, "-d", classes.toString(),
                "--module-source-path", work.resolve("src").toString(), "--module", "demo",
                "--module-path", modulePath, "--processor-module-path", modulePath);
        assertEquals(0, status, "the module does not compile:\n" + diagnostics.toString(StandardCharsets.UTF_8));
    }

    /** The library jar and the standalone host's jars, from this test's own class path. */
    private static String modulePath() throws IOException {
        List<Path> jars = new ArrayList<>(List.of(BuildLayout.libraryJar()));
        for (Path entry : TestClassPath.entries()) {
            if (STANDALONE_JARS.matcher(entry.getFileName().toString()).matches()) {
                jars.add(entry);
            }
        }
        return jars.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
