package org.openrfid.trace.reader.llrp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * SSL contexts from key and trust stores (PKCS12 or JKS, detected by the JDK). LLRP over TLS (port
 * 5085 by convention) uses ordinary TLS 1.2/1.3: the reader presents its certificate, the client
 * trusts it through the configured trust store and, when the reader asks, presents its own key.
 */
public final class LlrpTls {

    private LlrpTls() {
    }

    /**
     * @param trustStore         trusted reader certificates (or their CA); null = the JDK's default trust
     * @param trustStorePassword may be null
     * @param keyStore           client key for mutual TLS, or null
     * @param keyStorePassword   may be null
     */
    public static SSLContext context(Path trustStore, char[] trustStorePassword, Path keyStore, char[] keyStorePassword) {
        try {
            TrustManager[] trust = null;
            if (trustStore != null) {
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(load(trustStore, trustStorePassword));
                trust = tmf.getTrustManagers();
            }
            KeyManager[] keys = null;
            if (keyStore != null) {
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(load(keyStore, keyStorePassword), keyStorePassword);
                keys = kmf.getKeyManagers();
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keys, trust, null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot set up LLRP TLS from trust store " + trustStore + " / key store "
                    + keyStore + ": " + e.getMessage(), e);
        }
    }

    /** A server-side context (the simulator's): its key store only. */
    public static SSLContext serverContext(Path keyStore, char[] password) {
        return context(null, null, keyStore, password);
    }

    /** The JDK's default store type (PKCS12) also reads JKS files (keystore.type.compat). */
    private static KeyStore load(Path path, char[] password) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(in, password);
            return ks;
        }
    }
}
