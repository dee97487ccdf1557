package io.edgejava.hub.iothub;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's own certificate authority, made on first start, as the IoT Edge runtime makes one on a
 * device: modules trust its certificate ({@code ca.pem}: {@code EdgeModuleCACertificateFile}, or
 * the workload API's trust bundle) and the hub serves TLS with a server certificate it signed,
 * whose names are the hub's gateway host names (the SDK checks the host name).
 *
 * <p>Kept in one folder of the hub's data: the CA is made once; the server certificate is issued
 * again when the host names change or it has less than 30 days left. Private keys and the key store
 * are readable by the owner only.
 */
final class LocalCertificateAuthority {

    private static final Logger log = LoggerFactory.getLogger(LocalCertificateAuthority.class);

    static final String CA_FILE = "ca.pem";
    private static final String CA_KEY_FILE = "ca-key.pem";
    private static final String KEYSTORE_FILE = "server.jks";
    private static final String PASSWORD_FILE = "server.jks.password";
    private static final String ALIAS = "server";
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    private static final Duration SERVER_VALIDITY = Duration.ofDays(365);
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final Pattern IP_ADDRESS =
            Pattern.compile("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:.]*");
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * What the hub serves TLS with.
     *
     * @param caFile the CA certificate, PEM, for modules to trust
     * @param keystore the server's key and certificate chain, JKS (HiveMQ reads key stores as JKS)
     * @param password the key store's and the key's password
     */
    record ServerIdentity(Path caFile, Path keystore, String password) {

        /** The CA certificate as PEM text. */
        String caPem() {
            try {
                return Files.readString(caFile, StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private LocalCertificateAuthority() {}

    /**
     * Makes or reuses the CA and the server certificate.
     *
     * @param folder where they are kept
     * @param hostNames the names the server certificate must carry
     * @param clock the time, for validity
     * @return what to serve TLS with
     */
    static ServerIdentity prepare(Path folder, Collection<String> hostNames, Clock clock) {
        try {
            Files.createDirectories(folder);
            Path caFile = folder.resolve(CA_FILE);
            Path caKeyFile = folder.resolve(CA_KEY_FILE);
            X509Certificate ca;
            PrivateKey caKey;
            if (Files.exists(caFile) && Files.exists(caKeyFile)) {
                ca = (X509Certificate) readCertificate(caFile);
                caKey = readKey(caKeyFile);
            } else {
                KeyPair pair = keyPair();
                ca = issueCa(pair, clock.instant());
                caKey = pair.getPrivate();
                writeSecret(caKeyFile, pem(pair.getPrivate()));
                write(caFile, pem(ca));
                log.info("Made the hub's local CA: {}", caFile.toAbsolutePath());
            }
            Path keystore = folder.resolve(KEYSTORE_FILE);
            Path passwordFile = folder.resolve(PASSWORD_FILE);
            Set<String> names = new LinkedHashSet<>(hostNames);
            if (!currentServerCertificateFits(keystore, passwordFile, ca, names, clock.instant())) {
                String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(24));
                KeyPair pair = keyPair();
                X509Certificate server = issueServer(pair, ca, caKey, names, clock.instant());
                KeyStore store = KeyStore.getInstance("JKS");
                store.load(null, null);
                store.setKeyEntry(
                        ALIAS,
                        pair.getPrivate(),
                        password.toCharArray(),
                        new Certificate[] {server, ca});
                Path temporary = folder.resolve(KEYSTORE_FILE + ".tmp");
                try (OutputStream out = Files.newOutputStream(temporary)) {
                    store.store(out, password.toCharArray());
                }
                restrict(temporary);
                writeSecret(passwordFile, password);
                move(temporary, keystore);
                log.info("Issued the hub's server certificate for {}", names);
            }
            return new ServerIdentity(
                    caFile, keystore, Files.readString(passwordFile, StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot prepare the hub's certificates in " + folder.toAbsolutePath(), e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot make the hub's certificates: " + e, e);
        }
    }

    private static boolean currentServerCertificateFits(
            Path keystore, Path passwordFile, X509Certificate ca, Set<String> names, Instant now)
            throws IOException, GeneralSecurityException {
        if (!Files.exists(keystore) || !Files.exists(passwordFile)) {
            return false;
        }
        KeyStore store = KeyStore.getInstance("JKS");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, Files.readString(passwordFile, StandardCharsets.US_ASCII).toCharArray());
        }
        X509Certificate server = (X509Certificate) store.getCertificate(ALIAS);
        if (server == null) {
            return false;
        }
        try {
            server.verify(ca.getPublicKey());
        } catch (GeneralSecurityException e) {
            return false;
        }
        Set<String> current = new LinkedHashSet<>();
        if (server.getSubjectAlternativeNames() != null) {
            server.getSubjectAlternativeNames()
                    .forEach(entry -> current.add((String) entry.get(1)));
        }
        if (!current.equals(names)) {
            log.info(
                    "The hub's host names changed from {} to {}: issuing a new server certificate",
                    current,
                    names);
            return false;
        }
        if (server.getNotAfter().toInstant().isBefore(now.plus(RENEW_BEFORE))) {
            log.info(
                    "The hub's server certificate expires {}: issuing a new one",
                    server.getNotAfter());
            return false;
        }
        return true;
    }

    private static X509Certificate issueCa(KeyPair pair, Instant now)
            throws GeneralSecurityException, OperatorCreationException, CertIOException {
        X500Name name = new X500Name("CN=local-edge-hub local CA");
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder =
                new JcaX509v3CertificateBuilder(
                                name,
                                serial(),
                                Date.from(now.minus(Duration.ofHours(1))),
                                Date.from(now.plus(CA_VALIDITY)),
                                name,
                                pair.getPublic())
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                        .addExtension(
                                Extension.keyUsage,
                                true,
                                new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                        .addExtension(
                                Extension.subjectKeyIdentifier,
                                false,
                                extensions.createSubjectKeyIdentifier(pair.getPublic()));
        return sign(builder, pair.getPrivate());
    }

    private static X509Certificate issueServer(
            KeyPair pair, X509Certificate ca, PrivateKey caKey, Set<String> names, Instant now)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        List<GeneralName> alternatives = new ArrayList<>();
        for (String name : names) {
            alternatives.add(
                    IP_ADDRESS.matcher(name).matches()
                            ? new GeneralName(
                                    GeneralName.iPAddress,
                                    InetAddress.getByName(name).getHostAddress())
                            : new GeneralName(GeneralName.dNSName, name));
        }
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        X509v3CertificateBuilder builder =
                new JcaX509v3CertificateBuilder(
                                ca,
                                serial(),
                                Date.from(now.minus(Duration.ofHours(1))),
                                Date.from(now.plus(SERVER_VALIDITY)),
                                new X500Name("CN=" + names.iterator().next()),
                                pair.getPublic())
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                        .addExtension(
                                Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                        .addExtension(
                                Extension.extendedKeyUsage,
                                false,
                                new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                        .addExtension(
                                Extension.subjectAlternativeName,
                                false,
                                new GeneralNames(alternatives.toArray(GeneralName[]::new)))
                        .addExtension(
                                Extension.authorityKeyIdentifier,
                                false,
                                extensions.createAuthorityKeyIdentifier(ca))
                        .addExtension(
                                Extension.subjectKeyIdentifier,
                                false,
                                extensions.createSubjectKeyIdentifier(pair.getPublic()));
        return sign(builder, caKey);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
            throws GeneralSecurityException, OperatorCreationException {
        return new JcaX509CertificateConverter()
                .getCertificate(
                        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(1, bytes(16));
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static Certificate readCertificate(Path file)
            throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in);
        }
    }

    private static PrivateKey readKey(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            Object read = parser.readObject();
            if (!(read instanceof PrivateKeyInfo info)) {
                throw new IOException(file + " does not hold a private key");
            }
            return new JcaPEMKeyConverter().getPrivateKey(info);
        }
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(
                    object instanceof PrivateKey key
                            ? new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null)
                            : object);
        }
        return text.toString();
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }

    /** Written owner-only before it holds anything, so that no other user can ever read it. */
    private static void writeSecret(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary);
        restrict(temporary);
        Files.writeString(temporary, text, StandardCharsets.US_ASCII);
        move(temporary, file);
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the folder's own permissions apply.
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(
                    from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (FileSystemException e) {
            throw new IOException("Cannot replace " + to + ": " + e.getMessage(), e);
        }
    }
}
