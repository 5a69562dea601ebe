package org.openrfid.trace.reader.llrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A throw-away reader key store and a client trust store holding its certificate, made with the JDK's keytool. */
record TestKeystores(Path readerKeyStore, Path clientTrustStore, char[] password) {

    static TestKeystores create(Path dir, String alias) throws IOException, InterruptedException {
        return create(dir, alias, "ip:127.0.0.1,dns:localhost");
    }

    /** @param san the certificate's subject alternative names, keytool syntax */
    static TestKeystores create(Path dir, String alias, String san) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        String pw = "changeit";
        Path ks = dir.resolve(alias + "-key.p12");
        Path cert = dir.resolve(alias + ".crt");
        Path ts = dir.resolve(alias + "-trust.p12");
        run(keytool.toString(), "-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + alias, "-ext", "SAN=" + san, "-validity", "2",
                "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", pw, "-keypass", pw);
        run(keytool.toString(), "-exportcert", "-alias", alias, "-keystore", ks.toString(), "-storepass", pw,
                "-file", cert.toString());
        run(keytool.toString(), "-importcert", "-noprompt", "-alias", alias, "-file", cert.toString(),
                "-storetype", "PKCS12", "-keystore", ts.toString(), "-storepass", pw);
        return new TestKeystores(ks, ts, pw.toCharArray());
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
        assertThat(p.exitValue()).as("keytool: " + output).isZero();
    }
}
