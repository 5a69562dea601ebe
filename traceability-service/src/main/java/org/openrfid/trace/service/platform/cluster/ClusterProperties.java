package org.openrfid.trace.service.platform.cluster;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
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
 */
@ConfigurationProperties("rfid.cluster")
public record ClusterProperties(
        @DefaultValue("rfid-trace") String name,
        @DefaultValue("") List<String> members,
        @DefaultValue("5701") int port,
        @Name("interface") @DefaultValue("") String bindInterface) {

    /** The name a deployment gets when it sets none; also what every other default install uses. */
    public static final String DEFAULT_NAME = "rfid-trace";
}
