package dev.switchboard;

import dev.switchboard.processor.InMemoryCompiler;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runtime refuses routes it cannot serve, with a message that says what to do.
 */
class SwitchboardBuilderTest {

    private static final String CHAT = """
            package com.example;
            @dev.switchboard.Route("/lobby/{room}")
            public class Chat { @dev.switchboard.OnText String said(String text) { return text; } }
            """;
    private static final String OTHER_CHAT = """
            package com.other;
            @dev.switchboard.Route("/lobby/{id}")
            public class Chat { @dev.switchboard.OnText String said(String text) { return text; } }
            """;

    @Test
    void aRouteCompiledWithoutTheProcessorIsRefused(@TempDir Path classes) throws Exception {
        InMemoryCompiler.compileWithoutProcessorInto(classes, CHAT).assertClean();
        try (URLClassLoader loader = loaderOf(classes)) {
            Class<?> chat = loader.loadClass("com.example.Chat");

            IllegalStateException refusal = assertThrows(IllegalStateException.class,
                    () -> Switchboard.builder().port(0).classLoader(loader).route(chat).build());

            String message = refusal.getMessage();
            assertTrue(message.startsWith("com.example.Chat is annotated @Route but has no generated adapter"), message);
            assertTrue(message.contains("Is annotation processing enabled?"), message);
            assertTrue(message.contains("-proc:full"), message);
        }
    }

    @Test
    void aClassWithoutRouteIsRefused() {
        IllegalStateException refusal = assertThrows(IllegalStateException.class,
                () -> Switchboard.builder().route(String.class).build());
        assertTrue(refusal.getMessage().startsWith("java.lang.String is not a route"), refusal.getMessage());
    }

    @Test
    void routesWithEquivalentPathsFromSeparateBuildsAreRefused(@TempDir Path one, @TempDir Path two) throws Exception {
        InMemoryCompiler.compileInto(one, CHAT).assertClean();
        InMemoryCompiler.compileInto(two, OTHER_CHAT).assertClean();
        try (URLClassLoader loader = loaderOf(one, two)) {
            IllegalStateException refusal = assertThrows(IllegalStateException.class,
                    () -> Switchboard.builder().port(0).classLoader(loader).discoverRoutes().build());

            assertTrue(refusal.getMessage().equals("Routes com.example.Chat (/lobby/{room}) and com.other.Chat "
                    + "(/lobby/{id}) serve the same path: give each route its own path."), refusal.getMessage());
        }
    }

    @Test
    void aServerWithoutRoutesIsRefused(@TempDir Path empty) throws Exception {
        try (URLClassLoader loader = loaderOf(empty)) {
            IllegalStateException refusal = assertThrows(IllegalStateException.class,
                    () -> Switchboard.builder().classLoader(loader).build());
            assertTrue(refusal.getMessage().startsWith("No routes to serve"), refusal.getMessage());
        }
    }

    @Test
    void aMissingKeystoreIsRefusedNamingTheFile(@TempDir Path dir) {
        Path missing = dir.resolve("missing.p12");
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                () -> endpointOnly().tls(missing, "secret".toCharArray()).build());
        assertEquals("TLS keystore " + missing.toAbsolutePath() + " does not exist", refusal.getMessage());
    }

    @Test
    void aFileThatIsNoPkcs12KeystoreIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        Path pem = Files.writeString(dir.resolve("server.pem"), "-----BEGIN CERTIFICATE-----\n");
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                () -> endpointOnly().tls(pem, "secret".toCharArray()).build());
        assertTrue(refusal.getMessage().startsWith("Cannot open TLS keystore " + pem.toAbsolutePath() + " as PKCS12"),
                refusal.getMessage());
    }

    @Test
    void aKeystoreWithoutAPrivateKeyIsRefused(@TempDir Path dir) throws Exception {
        Path empty = dir.resolve("empty.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        try (OutputStream out = Files.newOutputStream(empty)) {
            store.store(out, "secret".toCharArray());
        }
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                () -> endpointOnly().tls(empty, "secret".toCharArray()).build());
        assertTrue(refusal.getMessage().startsWith("TLS keystore " + empty.toAbsolutePath() + " holds no private key"),
                refusal.getMessage());
    }

    /** A server with nothing but a plain endpoint, so that no route needs compiling. */
    private static Switchboard.Builder endpointOnly() {
        return Switchboard.builder().port(0)
                .endpoint(ServerEndpointConfig.Builder.create(Endpoint.class, "/x").build());
    }

    private static URLClassLoader loaderOf(Path... directories) throws Exception {
        URL[] urls = new URL[directories.length];
        for (int i = 0; i < directories.length; i++) {
            urls[i] = directories[i].toUri().toURL();
        }
        return new URLClassLoader(urls, SwitchboardBuilderTest.class.getClassLoader());
    }

    @Test
    void handshakeLimitsOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> Switchboard.builder().handshakeTimeout(java.time.Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> Switchboard.builder().maxHandshakeHeaderBytes(512));
        assertThrows(IllegalArgumentException.class, () -> Switchboard.builder().maxHandshakeHeaderBytes(2 << 20));
    }
}
