package io.edgejava.hub.iothub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCertificateAuthorityTests {

    private static final List<String> NAMES = List.of("localhost", "local-edge-hub", "127.0.0.1");

    @TempDir Path folder;

    @Test
    void theServerCertificateNamesEveryGatewayHostAndIsTrustedThroughTheCaFile() throws Exception {
        LocalCertificateAuthority.ServerIdentity identity =
                LocalCertificateAuthority.prepare(folder, NAMES, Clock.systemUTC());

        X509Certificate[] chain = chain(identity);
        List<Object> alternatives = new ArrayList<>();
        chain[0].getSubjectAlternativeNames().forEach(name -> alternatives.add(name.get(1)));
        assertThat(alternatives).containsExactly("localhost", "local-edge-hub", "127.0.0.1");
        assertThat(chain[0].getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1");
        assertThatCode(() -> trusting(identity.caFile()).checkServerTrusted(chain, "ECDHE_ECDSA"))
                .doesNotThrowAnyException();
        assertThat(identity.caPem()).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void aRestartReusesTheCaAndTheServerCertificate() throws Exception {
        LocalCertificateAuthority.ServerIdentity first =
                LocalCertificateAuthority.prepare(folder, NAMES, Clock.systemUTC());
        Certificate server = chain(first)[0];
        String ca = first.caPem();

        LocalCertificateAuthority.ServerIdentity second =
                LocalCertificateAuthority.prepare(folder, NAMES, Clock.systemUTC());

        assertThat(second.caPem()).isEqualTo(ca);
        assertThat(chain(second)[0]).isEqualTo(server);
    }

    @Test
    void newHostNamesGetANewServerCertificateFromTheSameCa() throws Exception {
        LocalCertificateAuthority.ServerIdentity first =
                LocalCertificateAuthority.prepare(folder, NAMES, Clock.systemUTC());

        LocalCertificateAuthority.ServerIdentity second =
                LocalCertificateAuthority.prepare(
                        folder, List.of("localhost", "edge.example"), Clock.systemUTC());

        assertThat(second.caPem()).isEqualTo(first.caPem());
        assertThat(chain(second)[0].getSubjectAlternativeNames().toString())
                .contains("edge.example");
        assertThatCode(
                        () ->
                                trusting(second.caFile())
                                        .checkServerTrusted(chain(second), "ECDHE_ECDSA"))
                .doesNotThrowAnyException();
    }

    @Test
    void aServerCertificateCloseToItsEndIsIssuedAgain() throws Exception {
        Instant yearAgo = Instant.now().minus(Duration.ofDays(340));
        LocalCertificateAuthority.ServerIdentity old =
                LocalCertificateAuthority.prepare(
                        folder, NAMES, Clock.fixed(yearAgo, ZoneOffset.UTC));
        X509Certificate oldServer = chain(old)[0];

        LocalCertificateAuthority.ServerIdentity renewed =
                LocalCertificateAuthority.prepare(folder, NAMES, Clock.systemUTC());

        assertThat(chain(renewed)[0].getNotAfter()).isAfter(oldServer.getNotAfter());
    }

    @Test
    void privateKeysAndTheKeyStoreAreReadableByTheOwnerOnly() throws Exception {
        LocalCertificateAuthority.prepare(folder, NAMES, Clock.systemUTC());

        for (String secret : List.of("ca-key.pem", "server.jks", "server.jks.password")) {
            assertThat(
                            PosixFilePermissions.toString(
                                    Files.getPosixFilePermissions(folder.resolve(secret))))
                    .as(secret)
                    .isEqualTo("rw-------");
        }
    }

    private static X509Certificate[] chain(LocalCertificateAuthority.ServerIdentity identity)
            throws Exception {
        KeyStore store = KeyStore.getInstance("JKS");
        try (InputStream in = Files.newInputStream(identity.keystore())) {
            store.load(in, identity.password().toCharArray());
        }
        Certificate[] chain = store.getCertificateChain("server");
        X509Certificate[] x509 = new X509Certificate[chain.length];
        for (int i = 0; i < chain.length; i++) {
            x509[i] = (X509Certificate) chain[i];
        }
        return x509;
    }

    private static X509TrustManager trusting(Path caFile) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            trusted.setCertificateEntry(
                    "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        return (X509TrustManager) factory.getTrustManagers()[0];
    }
}
