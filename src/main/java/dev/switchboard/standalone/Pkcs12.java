package dev.switchboard.standalone;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Collections;

/**
 * Turns a PKCS12 keystore, as {@code keytool} or {@code openssl pkcs12 -export} write it, into the server's
 * {@link SSLContext}.
 */
public final class Pkcs12 {

    private Pkcs12() {
    }

    /**
     * Loads the keystore and builds a TLS context that presents its private key and certificate chain.
     *
     * @param keystore the PKCS12 file
     * @param password the password of the keystore and of its key (PKCS12 keystores use one for both)
     * @return a TLS context for a server
     * @throws IllegalArgumentException if the file cannot be read, is no PKCS12 keystore, the password is wrong,
     *                                  or it holds no private key; the message names the file
     */
    public static SSLContext serverContext(Path keystore, char[] password) {
        KeyStore store;
        try (InputStream in = Files.newInputStream(keystore)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("TLS keystore " + keystore.toAbsolutePath() + " does not exist", e);
        } catch (IOException | GeneralSecurityException e) {
            // The JDK reports a wrong password as an IOException ("keystore password was incorrect").
            throw new IllegalArgumentException("Cannot open TLS keystore " + keystore.toAbsolutePath()
                    + " as PKCS12: " + e, e);
        }
        try {
            // Without a key entry the server would start and then fail every handshake: refuse it now.
            boolean hasKey = false;
            for (String alias : Collections.list(store.aliases())) {
                hasKey |= store.isKeyEntry(alias);
            }
            if (!hasKey) {
                throw new IllegalArgumentException("TLS keystore " + keystore.toAbsolutePath()
                        + " holds no private key: a server needs a key with its certificate (keytool -genkeypair)");
            }
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot use the key in TLS keystore " + keystore.toAbsolutePath()
                    + ": " + e.getMessage(), e);
        }
    }
}
