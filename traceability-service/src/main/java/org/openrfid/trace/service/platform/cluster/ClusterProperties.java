package org.openrfid.trace.service.platform.cluster;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rfid.cluster.*}: the Hazelcast member this node runs. With no members listed the node is a
 * cluster of one (embedded member, same code path); multicast is never used (DESIGN.md §5).
 *
 * @param name          cluster name; members with another name never join. With members listed it must be
 *                      this deployment's own, not the default
 * @param members       TCP/IP member list, e.g. {@code 10.0.0.11:5701,10.0.0.12:5701}
 * @param port          first port this member tries
 * @param bindInterface {@code rfid.cluster.interface}: the one interface the member port binds to, an
 *                      address or a Hazelcast pattern such as {@code 10.0.0.*}; required with members
 *                      listed (a cluster of one binds to 127.0.0.1)
 * @param lastSeenTtl   how long a tag's last passage stays on the cluster's last-seen board
 *                      ({@code tag-last-seen}); keep it within the retention periods
 * @param lastSeenMaxPerMember entries of that board per member at most; the least recently used go first
 */
@ConfigurationProperties("rfid.cluster")
public record ClusterProperties(
        @DefaultValue("rfid-trace") String name,
        @DefaultValue("") List<String> members,
        @DefaultValue("5701") int port,
        @Name("interface") @DefaultValue("") String bindInterface,
        @DefaultValue("30d") Duration lastSeenTtl,
        @DefaultValue("2000000") int lastSeenMaxPerMember) {

    @ConstructorBinding
    public ClusterProperties {
    }

    /** The defaults for what only names, members, port and interface are given for (tests, tools). */
    public ClusterProperties(String name, List<String> members, int port, String bindInterface) {
        this(name, members, port, bindInterface, Duration.ofDays(30), 2_000_000);
    }

    /** The name a deployment gets when it sets none; also what every other default install uses. */
    public static final String DEFAULT_NAME = "rfid-trace";
}
