package org.openrfid.trace.service.pipeline;

import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether reads go through the cluster layer ({@code rfid.pipeline.forwarding}): {@code cluster} always,
 * {@code local} never, {@code auto} (default) when cluster members are configured
 * ({@code rfid.cluster.members}). A node without members will never have another member to fail over
 * to, so forwarding through read logs would cost it about four times the CPU per read for nothing.
 */
final class ClusterForwarding implements Condition {

    static final String PROPERTY = "rfid.pipeline.forwarding";

    static boolean enabled(Environment environment) {
        String mode = environment.getProperty(PROPERTY, "auto").trim();
        return switch (mode) {
            case "cluster" -> true;
            case "local" -> false;
            case "auto" -> !Binder.get(environment).bind("rfid.cluster.members", Bindable.listOf(String.class)).orElse(List.of())
                    .stream().allMatch(String::isBlank);
            default -> throw new IllegalStateException(PROPERTY + ": '" + mode + "' is not auto, cluster or local");
        };
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return enabled(context.getEnvironment());
    }
}
