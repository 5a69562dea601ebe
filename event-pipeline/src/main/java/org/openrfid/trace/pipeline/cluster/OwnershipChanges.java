package org.openrfid.trace.pipeline.cluster;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.partition.MigrationListener;
import com.hazelcast.partition.MigrationState;
import com.hazelcast.partition.ReplicaMigrationEvent;
import java.util.UUID;

/**
 * Calls back whenever partition ownership may have changed on this member: a migration finished or a
 * replica moved (or failed to), a member joined or left. Location and reader ownership both follow
 * Hazelcast partition ownership and recheck what they own on each of these.
 */
final class OwnershipChanges {

    private final HazelcastInstance hazelcast;
    private final UUID migrationListener;
    private final UUID membershipListener;

    private OwnershipChanges(HazelcastInstance hazelcast, UUID migrationListener, UUID membershipListener) {
        this.hazelcast = hazelcast;
        this.migrationListener = migrationListener;
        this.membershipListener = membershipListener;
    }

    static OwnershipChanges listen(HazelcastInstance hazelcast, Runnable recheck) {
        UUID migration = hazelcast.getPartitionService().addMigrationListener(new MigrationListener() {
            @Override
            public void migrationStarted(MigrationState state) {
            }

            @Override
            public void migrationFinished(MigrationState state) {
                recheck.run();
            }

            @Override
            public void replicaMigrationCompleted(ReplicaMigrationEvent event) {
                recheck.run();
            }

            @Override
            public void replicaMigrationFailed(ReplicaMigrationEvent event) {
                recheck.run();
            }
        });
        UUID membership = hazelcast.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent event) {
                recheck.run();
            }

            @Override
            public void memberRemoved(MembershipEvent event) {
                recheck.run();
            }
        });
        return new OwnershipChanges(hazelcast, migration, membership);
    }

    /** Stops listening; call while the member runs (a stopped member has dropped its listeners anyway). */
    void stop() {
        hazelcast.getPartitionService().removeMigrationListener(migrationListener);
        hazelcast.getCluster().removeMembershipListener(membershipListener);
    }
}
