package org.foodrisk.broker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a {@link LocalKraftBroker} is secured when a test asks for it (the default run stays
 * PLAINTEXT): a {@code SASL_SSL} listener with SCRAM-SHA-512 for the clients and for the broker's
 * own inter-broker connection, and a second, {@code SSL} listener that requires a client
 * certificate (mutual TLS). No listener for clients is left in clear text; only the controller
 * quorum listener is, on 127.0.0.1.
 *
 * <p>The SCRAM credentials are written into the KRaft metadata when the storage is formatted
 * ({@code kafka-storage format --add-scram}), so they exist before the broker accepts anyone.
 *
 * <p>Authorization is on: the StandardAuthorizer denies whatever no ACL allows. Super users are
 * the broker's own SCRAM user and ANONYMOUS, which is the principal of the controller quorum
 * listener (PLAINTEXT, 127.0.0.1 only, no client listener); every client user needs ACLs.
 *
 * @param keystore   the broker's key and certificate (PKCS12), signed by the CA in the truststore
 * @param truststore the CA that signed the broker's and the clients' certificates (PKCS12)
 * @param storePassword password of both stores and of the key
 * @param broker     the broker's own SCRAM user (inter-broker listener); also what {@link LocalKraftBroker}
 *                   uses to see that the broker is up
 * @param users      the clients' SCRAM users
 */
public record BrokerSecurity(Path keystore, Path truststore, String storePassword,
                             ScramUser broker, List<ScramUser> users) {

    public static final String MECHANISM = "SCRAM-SHA-512";

    /** A SCRAM user; names and passwords are kept to letters, digits, '-' and '_' (no quoting needed). */
    public record ScramUser(String name, String password) {
        public ScramUser {
            if (!name.matches("[A-Za-z0-9_-]+") || !password.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("SCRAM user names and passwords: letters, digits, '-' and '_' only");
            }
        }

        @Override
        public String toString() {
            return "ScramUser[" + name + "]";
        }

        String jaasConfig() {
            return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + name
                    + "\" password=\"" + password + "\";";
        }
    }

    /** Listener lines of server.properties: SASL_SSL for clients and inter-broker, SSL with client certificates. */
    List<String> serverProperties(int saslPort, int mtlsPort, int controllerPort) {
        return List.of(
                "listeners=SASL_SSL://127.0.0.1:" + saslPort + ",MTLS://127.0.0.1:" + mtlsPort
                        + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=SASL_SSL://127.0.0.1:" + saslPort + ",MTLS://127.0.0.1:" + mtlsPort,
                "listener.security.protocol.map=SASL_SSL:SASL_SSL,MTLS:SSL,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=SASL_SSL",
                "sasl.enabled.mechanisms=" + MECHANISM,
                "sasl.mechanism.inter.broker.protocol=" + MECHANISM,
                "listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=" + broker.jaasConfig(),
                "listener.name.mtls.ssl.client.auth=required",
                "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
                "super.users=User:" + broker.name() + ";User:ANONYMOUS",
                "ssl.keystore.type=PKCS12",
                "ssl.keystore.location=" + keystore,
                "ssl.keystore.password=" + storePassword,
                "ssl.key.password=" + storePassword,
                "ssl.truststore.type=PKCS12",
                "ssl.truststore.location=" + truststore,
                "ssl.truststore.password=" + storePassword);
    }

    /** Arguments of {@code kafka-storage format} that create every SCRAM credential. */
    List<String> formatArguments() {
        List<String> arguments = new ArrayList<>();
        List<ScramUser> all = new ArrayList<>(users);
        all.add(broker);
        for (ScramUser user : all) {
            arguments.add("--add-scram");
            arguments.add(MECHANISM + "=[name=" + user.name() + ",password=" + user.password() + "]");
        }
        return arguments;
    }

    /** Client properties of {@code user} on the SASL_SSL listener, as an operator writes them. */
    public Map<String, String> saslClientProperties(ScramUser user) {
        Map<String, String> properties = trustProperties();
        properties.put("security.protocol", "SASL_SSL");
        properties.put("sasl.mechanism", MECHANISM);
        properties.put("sasl.jaas.config", user.jaasConfig());
        return properties;
    }

    /** Client properties on the mutual-TLS listener for a client whose key is in {@code clientKeystore}. */
    public Map<String, String> mtlsClientProperties(Path clientKeystore) {
        Map<String, String> properties = tlsClientProperties();
        properties.put("ssl.keystore.type", "PKCS12");
        properties.put("ssl.keystore.location", clientKeystore.toString());
        properties.put("ssl.keystore.password", storePassword);
        properties.put("ssl.key.password", storePassword);
        return properties;
    }

    /** TLS that trusts the broker but shows no certificate of its own: the mutual-TLS listener refuses it. */
    public Map<String, String> tlsClientProperties() {
        Map<String, String> properties = trustProperties();
        properties.put("security.protocol", "SSL");
        return properties;
    }

    private Map<String, String> trustProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("ssl.truststore.type", "PKCS12");
        properties.put("ssl.truststore.location", truststore.toString());
        properties.put("ssl.truststore.password", storePassword);
        return properties;
    }

    @Override
    public String toString() {
        return "BrokerSecurity[" + MECHANISM + ", broker user " + broker.name() + ", users " + users + "]";
    }
}
