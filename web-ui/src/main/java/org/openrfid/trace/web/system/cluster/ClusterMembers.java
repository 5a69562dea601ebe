package org.openrfid.trace.web.system.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceNotActiveException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openrfid.trace.passage.ReadPointDirectory;
import org.openrfid.trace.service.readerfleet.ReaderConnections;

/**
 * The cluster's members as the system page lists them, oldest first (Hazelcast's order): each one's address,
 * whether it is this member, how many locations it owns and how many reader connections it holds. A location
 * is owned by the member owning its Hazelcast partition, the rule the smoothing layer follows
 * ({@code LocationOwnership}); the locations counted are those with a reader antenna at them. A reader is held
 * by the member its lease names ({@link ReaderConnections#heldBy}).
 */
public final class ClusterMembers {

    /** One member: {@code here} marks the member answering the page. */
    public record MemberRow(String address, boolean here, int locationsOwned, int readersHeld) {
    }

    private final HazelcastInstance hazelcast;
    private final ReadPointDirectory readPoints;
    private final ReaderConnections readers;

    public ClusterMembers(HazelcastInstance hazelcast, ReadPointDirectory readPoints, ReaderConnections readers) {
        this.hazelcast = hazelcast;
        this.readPoints = readPoints;
        this.readers = readers;
    }

    public String clusterName() {
        return hazelcast.getConfig().getClusterName();
    }

    public List<MemberRow> members() {
        try {
            Map<String, Integer> owned = new HashMap<>();
            Set<String> locations = new HashSet<>();
            readPoints.all().forEach(rp -> locations.add(rp.locationId()));
            for (String location : locations) {
                Member owner = hazelcast.getPartitionService().getPartition(location).getOwner();
                if (owner != null) {
                    owned.merge(address(owner), 1, Integer::sum);
                }
            }
            Map<String, Integer> held = new HashMap<>();
            readers.all().forEach(d -> readers.heldBy(d.id()).ifPresent(a -> held.merge(a, 1, Integer::sum)));
            List<MemberRow> rows = new ArrayList<>();
            for (Member m : hazelcast.getCluster().getMembers()) {
                String address = address(m);
                rows.add(new MemberRow(address, m.localMember(), owned.getOrDefault(address, 0), held.getOrDefault(address, 0)));
            }
            return List.copyOf(rows);
        } catch (HazelcastInstanceNotActiveException e) {
            return List.of(); // shutting down
        }
    }

    /** host:port, as {@link ReaderConnections#heldBy} writes a member. */
    private static String address(Member m) {
        return m.getAddress().getHost() + ":" + m.getAddress().getPort();
    }
}
