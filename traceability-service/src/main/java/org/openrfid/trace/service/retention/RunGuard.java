package org.openrfid.trace.service.retention;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Lets one retention run happen at a time and keeps the last report. In a cluster the lock and the
 * report live in a Hazelcast map, so two members never run together (a manual run on one while the
 * schedule fires on another) and every member shows the same last report; scheduled runs happen only
 * on the oldest member. Without Hazelcast (tests, tools) it is this process's lock.
 */
interface RunGuard {

    /** Runs {@code work} unless a run is under way anywhere; empty then. */
    Optional<RetentionReport> runExclusively(Supplier<RetentionReport> work);

    Optional<RetentionReport> last();

    /** Whether this member should run the schedule: the oldest member of the cluster, or the only process. */
    boolean runsSchedule();

    static RunGuard local() {
        return new RunGuard() {
            private final ReentrantLock lock = new ReentrantLock();
            private final AtomicReference<RetentionReport> last = new AtomicReference<>();

            @Override
            public Optional<RetentionReport> runExclusively(Supplier<RetentionReport> work) {
                if (!lock.tryLock()) {
                    return Optional.empty();
                }
                try {
                    RetentionReport r = work.get();
                    last.set(r);
                    return Optional.of(r);
                } finally {
                    lock.unlock();
                }
            }

            @Override
            public Optional<RetentionReport> last() {
                return Optional.ofNullable(last.get());
            }

            @Override
            public boolean runsSchedule() {
                return true;
            }
        };
    }

    static RunGuard cluster(HazelcastInstance hazelcast) {
        IMap<String, RetentionReport> map = hazelcast.getMap("rfid-retention");
        String key = "last";
        return new RunGuard() {
            @Override
            public Optional<RetentionReport> runExclusively(Supplier<RetentionReport> work) {
                // A map key lock is released when its owner dies, so a crashed member never blocks retention.
                if (!map.tryLock(key)) {
                    return Optional.empty();
                }
                try {
                    RetentionReport r = work.get();
                    map.set(key, r);
                    return Optional.of(r);
                } finally {
                    map.unlock(key);
                }
            }

            @Override
            public Optional<RetentionReport> last() {
                return Optional.ofNullable(map.get(key));
            }

            @Override
            public boolean runsSchedule() {
                return hazelcast.getCluster().getMembers().iterator().next().localMember();
            }
        };
    }
}
