package org.openrfid.trace.service.platform.cluster;

import com.hazelcast.config.AdvancedNetworkConfig;
import com.hazelcast.config.Config;
import com.hazelcast.config.EvictionConfig;
import com.hazelcast.config.EvictionPolicy;
import com.hazelcast.config.MaxSizePolicy;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.ServerSocketEndpointConfig;
import java.util.List;
import java.util.Set;
import org.openrfid.trace.pipeline.cluster.ClusterSmoothing;
import org.openrfid.trace.service.readerfleet.ReaderConnections;

/**
 * The Hazelcast member's configuration, hardened because open-source Hazelcast has no member
 * authentication and no TLS (docs/cluster.md, "Security"): the member port binds to one interface,
 * only the member protocol is served (no client endpoint, so a Hazelcast client cannot connect and
 * read the maps), Java deserialization accepts only this product's and the JDK's value classes, and a
 * real cluster must carry a name of its own. A node that is asked for a cluster without those
 * settings refuses to start rather than open its port to the network.
 */
public final class MemberConfig {

    /** Names every default install shares: a member using one would join any stranger's cluster. */
    static final Set<String> SHARED_NAMES = Set.of(ClusterProperties.DEFAULT_NAME, "dev");
    /**
     * The only classes Java deserialization accepts: Hazelcast's own, arrays, our values and the JDK types
     * they hold. Hazelcast's default list would admit every {@code java*} class, gadgets such as
     * {@code javax.management.BadAttributeValueExpException} included, so the defaults are off.
     */
    static final List<String> DESERIALIZABLE_PREFIXES = List.of("com.hazelcast.", "[", "org.openrfid.trace.", "java.lang.",
            "java.util.", "java.time.", "java.math.");

    private MemberConfig() {
    }

    /** @throws IllegalStateException naming the property to set when members are listed without a safe name or interface */
    public static Config build(ClusterProperties properties) {
        List<String> members = properties.members().stream().filter(m -> !m.isBlank()).map(String::trim).toList();
        String bindTo = members.isEmpty() ? "127.0.0.1" : requireSafe(properties);
        Config config = new Config();
        config.setClusterName(properties.name());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.shutdownhook.enabled", "false"); // Spring closes the member in order
        AdvancedNetworkConfig network = config.getAdvancedNetworkConfig().setEnabled(true);
        ServerSocketEndpointConfig memberEndpoint = new ServerSocketEndpointConfig();
        memberEndpoint.setPort(properties.port()).setPortAutoIncrement(true);
        memberEndpoint.getInterfaces().setEnabled(true).addInterface(bindTo);
        // only a member endpoint: with the advanced network on, no client endpoint means no client protocol
        network.setMemberEndpointConfig(memberEndpoint);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true);
        members.forEach(join.getTcpIpConfig()::addMember);
        if (members.isEmpty()) {
            // A cluster of one listens on loopback only: no member port open to the network by default.
            config.setProperty("hazelcast.local.localAddress", "127.0.0.1");
        }
        JavaSerializationFilterConfig filter = new JavaSerializationFilterConfig().setDefaultsDisabled(true);
        filter.getWhitelist().addPrefixes(DESERIALIZABLE_PREFIXES.toArray(String[]::new));
        config.getSerializationConfig().setJavaSerializationFilterConfig(filter);
        // bounded in time and size: a tag not seen for the TTL, or the least recently used beyond the cap, is forgotten
        config.addMapConfig(new MapConfig(LastSeenBoard.MAP).setBackupCount(1)
                .setTimeToLiveSeconds((int) Math.min(Integer.MAX_VALUE, properties.lastSeenTtl().toSeconds()))
                .setEvictionConfig(new EvictionConfig().setEvictionPolicy(EvictionPolicy.LRU)
                        .setMaxSizePolicy(MaxSizePolicy.PER_NODE).setSize(properties.lastSeenMaxPerMember())));
        ClusterSmoothing.configure(config); // per-location read logs and presence snapshots (DESIGN.md §5)
        ReaderConnections.configure(config); // cluster-wide reader definitions and connection leases
        return config;
    }

    private static String requireSafe(ClusterProperties properties) {
        if (properties.name() == null || properties.name().isBlank() || SHARED_NAMES.contains(properties.name().trim())) {
            throw new IllegalStateException("rfid.cluster.members is set, so rfid.cluster.name must be this deployment's own name"
                    + " (not '" + properties.name() + "'): members with a shared default name join any cluster that uses it");
        }
        if (properties.bindInterface() == null || properties.bindInterface().isBlank()) {
            throw new IllegalStateException("rfid.cluster.members is set, so rfid.cluster.interface must name the one interface"
                    + " the member port binds to (an address, or a pattern such as 10.0.0.*): the cluster has no authentication,"
                    + " and without it the port is open on every interface");
        }
        return properties.bindInterface().trim();
    }
}
