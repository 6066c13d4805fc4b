package dev.switchboard.it.tls;

import dev.switchboard.ClientSession;
import dev.switchboard.OnText;
import dev.switchboard.Switchboard;
import dev.switchboard.WebSocketClient;
import dev.switchboard.WebSocketConnector;
import dev.switchboard.example.EchoRoute;
import dev.switchboard.example.ExampleApp;
import dev.switchboard.it.AppOutput;
import dev.switchboard.it.clients.RawClient;
import dev.switchboard.it.clients.WsClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The standalone host over TLS, with a self-signed certificate made by the JDK's keytool for this run only.
 */
class TlsIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PASSWORD = "test-only-secret";

    @TempDir
    static Path dir;
    private static Path keystore;

    @BeforeAll
    static void makeSelfSignedKeystore() throws Exception {
        keystore = dir.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        // The IP in the SAN is what lets the JDK client verify the host name of wss://127.0.0.1 without tricks.
        Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "switchboard",
                "-keyalg", "EC", "-groupname", "secp256r1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD,
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "keytool finished");
        assertEquals(0, process.exitValue(), "keytool failed: " + output);
    }

    private static KeyStore load(Path file, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }

    /** A client that trusts exactly the test certificate, as a client would trust a real CA's. */
    private static HttpClient trustingClient() throws Exception {
        return HttpClient.newBuilder().sslContext(trustingContext()).build();
    }

    /** A TLS context that trusts exactly the test certificate. */
    private static SSLContext trustingContext() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", load(keystore, PASSWORD).getCertificate("switchboard"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static URI wss(int port) {
        return URI.create("wss://127.0.0.1:" + port + "/echo");
    }

    private static void assertEchoes(Switchboard server, String text) throws Exception {
        assertTrue(server.secure());
        try (WsClient client = WsClient.connect(trustingClient(), wss(server.port()))) {
            client.sendText(text);
            await().atMost(WAIT).until(() -> client.texts.contains(text));
        }
    }

    /** A client that keeps the texts it receives. */
    @WebSocketClient
    public static class Texts {
        final List<String> texts = new CopyOnWriteArrayList<>();

        @OnText
        void text(String text) {
            texts.add(text);
        }
    }

    @Test
    void theClientConnectsOverWssWithTheTlsContextItIsGiven() throws Exception {
        try (Switchboard server = Switchboard.builder().host("127.0.0.1").port(0).route(EchoRoute.class)
                .tls(keystore, PASSWORD.toCharArray()).build().start()) {
            Texts texts = new Texts();
            ClientSession session = WebSocketConnector.of(texts).uri(wss(server.port())).sslContext(trustingContext())
                    .connect().toCompletableFuture().join();
            session.writeText("over TLS from the client");
            await().atMost(WAIT).until(() -> texts.texts.contains("over TLS from the client"));
            session.close();

            CompletionException untrusted = assertThrows(CompletionException.class, () -> WebSocketConnector
                    .of(new Texts()).uri(wss(server.port())).connect().toCompletableFuture().join());
            assertTrue(untrusted.getCause() instanceof javax.net.ssl.SSLException, untrusted.toString());
        }
    }

    @Test
    void echoesOverWssWithAPkcs12Keystore() throws Exception {
        try (Switchboard server = Switchboard.builder().host("127.0.0.1").port(0).route(EchoRoute.class)
                .tls(keystore, PASSWORD.toCharArray()).build().start()) {
            assertEchoes(server, "over TLS from a keystore");
        }
    }

    @Test
    void broadcastsOverWss() throws Exception {
        try (Switchboard server = Switchboard.builder().host("127.0.0.1").port(0).route(EchoRoute.class)
                .tls(keystore, PASSWORD.toCharArray()).build().start();
             WsClient client = WsClient.connect(trustingClient(), wss(server.port()))) {
            await().atMost(WAIT).until(() -> server.sessions(EchoRoute.class).count() == 1);
            String large = "é".repeat(40_000); // 80,000 bytes: the frame's longest length form
            server.sessions(EchoRoute.class).broadcastText("small");
            server.sessions(EchoRoute.class).broadcastText(large);

            await().atMost(WAIT).until(() -> client.texts.size() == 2);
            assertEquals(List.of("small", large), client.texts);
        }
    }

    @Test
    void echoesOverWssWithAnSslContext() throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(keystore, PASSWORD), PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);

        try (Switchboard server = Switchboard.builder().host("127.0.0.1").port(0).route(EchoRoute.class)
                .tls(context).build().start()) {
            assertEchoes(server, "over TLS from a context");
        }
    }

    @Test
    void plainWebSocketsGetNoHandshakeOnTheTlsPort() throws Exception {
        try (Switchboard server = Switchboard.builder().host("127.0.0.1").port(0).route(EchoRoute.class)
                .tls(keystore, PASSWORD.toCharArray()).build().start()) {
            URI plain = URI.create("ws://127.0.0.1:" + server.port() + "/echo");

            assertThrows(CompletionException.class, () -> WsClient.connect(plain));
            // What a plaintext upgrade request gets back is a TLS alert or nothing, never an HTTP response.
            try (RawClient raw = RawClient.upgrade(plain)) {
                assertFalse(raw.responseHead.startsWith("HTTP"), raw.responseHead);
            }
            assertEquals(0, server.openSessions());
        }
    }

    @Test
    void aWrongKeystorePasswordFailsAtBuildNamingTheFile() {
        IllegalArgumentException refusal = assertThrows(IllegalArgumentException.class,
                () -> Switchboard.builder().port(0).route(EchoRoute.class)
                        .tls(keystore, "not-the-password".toCharArray()).build());

        String message = refusal.getMessage();
        assertTrue(message.startsWith("Cannot open TLS keystore " + keystore.toAbsolutePath() + " as PKCS12"), message);
        assertTrue(message.contains("password"), message);
    }

    @Test
    void theLauncherServesWssFromAKeystoreArgument() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder launch = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ExampleApp.class.getName(), "--host", "127.0.0.1", "--port", "0", "--keystore", keystore.toString())
                .redirectErrorStream(true);
        launch.environment().put("SWITCHBOARD_KEYSTORE_PASSWORD", PASSWORD);
        Process app = launch.start();
        try {
            int port = AppOutput.of(app).port().get(60, TimeUnit.SECONDS);
            try (WsClient client = WsClient.connect(trustingClient(), wss(port))) {
                client.sendText("through the launcher over TLS");
                await().atMost(WAIT).until(() -> client.texts.contains("through the launcher over TLS"));
            }
        } finally {
            app.destroy();
            if (!app.waitFor(20, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }
}
