package org.openrfid.trace.service.platform.cluster;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code rfid.cluster.*}: the Hazelcast member this node runs. With no members listed the node is a
 * cluster of one (embedded member, same code path); multicast is never used (DESIGN.md §5).
 *
 * @param name    cluster name; members with another name never join
 * @param members TCP/IP member list, e.g. {@code 10.0.0.11:5701,10.0.0.12:5701}
 * @param port    first port this member tries
 */
@ConfigurationProperties("rfid.cluster")
public record ClusterProperties(
        @DefaultValue("rfid-trace") String name,
        @DefaultValue("") List<String> members,
        @DefaultValue("5701") int port) {
}
