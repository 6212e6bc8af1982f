package org.foodrisk.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away certificate authority and the PKCS12 stores a TLS test needs, made with the JDK's
 * own {@code keytool} (no library, nothing downloaded): a CA, a truststore holding it, and key
 * stores whose certificates that CA signed. The broker's certificate names 127.0.0.1 and
 * localhost, so clients keep Kafka's default host-name verification on.
 */
public final class TestCertificates {

    private final Path dir;
    private final String password;
    private final Path caStore;
    private final Path caCertificate;
    private final Path truststore;

    private TestCertificates(Path dir, String password) {
        this.dir = dir;
        this.password = password;
        this.caStore = dir.resolve("ca.p12");
        this.caCertificate = dir.resolve("ca.pem");
        this.truststore = dir.resolve("truststore.p12");
    }

    /** Creates the CA and the truststore in {@code dir}; every store and key uses {@code password}. */
    public static TestCertificates createAuthority(Path dir, String password) {
        TestCertificates certificates = new TestCertificates(dir, password);
        certificates.keytool("-genkeypair", "-alias", "ca", "-dname", "CN=foodrisk-test-ca", "-keyalg", "EC",
                "-groupname", "secp256r1", "-validity", "2", "-ext", "bc:c", "-keystore", certificates.caStore.toString());
        certificates.keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", certificates.caStore.toString(),
                "-file", certificates.caCertificate.toString());
        certificates.keytool("-importcert", "-noprompt", "-alias", "ca", "-file", certificates.caCertificate.toString(),
                "-keystore", certificates.truststore.toString());
        return certificates;
    }

    public Path truststore() {
        return truststore;
    }

    /** A key store for the broker at 127.0.0.1 / localhost, signed by the CA. */
    public Path serverKeystore(String name) {
        return keystore(name, "SAN=IP:127.0.0.1,DNS:localhost");
    }

    /** A key store for a client that authenticates with its certificate (principal {@code CN=name}). */
    public Path clientKeystore(String name) {
        return keystore(name, null);
    }

    private Path keystore(String name, String subjectAlternativeNames) {
        Path store = dir.resolve(name + ".p12");
        Path request = dir.resolve(name + ".csr");
        Path signed = dir.resolve(name + ".pem");
        keytool("-genkeypair", "-alias", name, "-dname", "CN=" + name, "-keyalg", "EC", "-groupname", "secp256r1",
                "-validity", "2", "-keystore", store.toString());
        keytool("-certreq", "-alias", name, "-keystore", store.toString(), "-file", request.toString());
        List<String> sign = new ArrayList<>(List.of("-gencert", "-rfc", "-alias", "ca", "-keystore", caStore.toString(),
                "-infile", request.toString(), "-outfile", signed.toString(), "-validity", "2"));
        if (subjectAlternativeNames != null) {
            sign.addAll(List.of("-ext", subjectAlternativeNames));
        }
        keytool(sign.toArray(String[]::new));
        // The chain is complete only once the store knows the CA.
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caCertificate.toString(), "-keystore", store.toString());
        keytool("-importcert", "-noprompt", "-alias", name, "-file", signed.toString(), "-keystore", store.toString());
        return store;
    }

    private void keytool(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", password));
        if (arguments[0].equals("-genkeypair")) {
            command.addAll(List.of("-keypass", password));
        }
        try {
            Files.createDirectories(dir);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
