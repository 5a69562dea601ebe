package org.openrfid.trace.service.retention;

import com.hazelcast.core.HazelcastInstance;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.time.Clock;
import org.openrfid.trace.service.anpr.PlateReads;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Retention of passages: the policies from {@code rfid.retention.*} (checked at start-up), the job,
 * and, when {@code rfid.retention.enabled=true}, its schedule.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionProperties.class)
class RetentionConfiguration {

    @Bean
    RetentionJob retentionJob(RetentionProperties properties, PassageRetention retention, ObjectProvider<PlateReads> plateReads, Clock clock,
                              ObjectProvider<HazelcastInstance> hazelcast, ObjectProvider<MeterRegistry> meters) {
        HazelcastInstance cluster = hazelcast.getIfAvailable();
        RunGuard guard = cluster == null ? RunGuard.local() : RunGuard.cluster(cluster);
        String member = cluster == null ? hostName() : cluster.getCluster().getLocalMember().getAddress().toString();
        return new RetentionJob(retention, plateReads.getIfAvailable(),
                properties.toPolicies(), guard, clock, member, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnProperty(prefix = "rfid.retention", name = "enabled", havingValue = "true")
    RetentionSchedule retentionSchedule(RetentionJob job) {
        return new RetentionSchedule(job);
    }

    /** Fires on every member; the job lets only the oldest run it. */
    static final class RetentionSchedule {
        private final RetentionJob job;

        RetentionSchedule(RetentionJob job) {
            this.job = job;
        }

        @Scheduled(cron = "${rfid.retention.schedule:0 30 2 * * *}", zone = "UTC")
        void nightly() {
            job.scheduled();
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "local";
        }
    }
}
