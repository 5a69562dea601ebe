package org.openrfid.trace.web.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;

/**
 * This node's {@code /actuator/health} as the system page shows it: the overall status and each component's
 * (the store's database, the passage store path and its spool, the readers, the cluster member, the disk…),
 * asked of the same {@link HealthEndpoint} the actuator answers with, so the page and the load balancer
 * never disagree.
 */
public final class NodeHealth {

    /** One component: its name in {@code /actuator/health}, its status, and its details (empty when it has none). */
    public record Component(String name, String status, Map<String, Object> details) {

        /** The CSS class of the status: up, degraded, down or unknown. */
        public String tone() {
            return switch (status) {
                case "UP" -> "up";
                case "DEGRADED" -> "degraded";
                case "DOWN", "OUT_OF_SERVICE" -> "down";
                default -> "unknown";
            };
        }

        public Object detail(String key) {
            return details.get(key);
        }
    }

    /** The overall status and the components in name order. */
    public record Report(String status, List<Component> components) {

        public java.util.Optional<Component> component(String name) {
            return components.stream().filter(c -> c.name().equals(name)).findFirst();
        }
    }

    private final HealthEndpoint endpoint;

    public NodeHealth(HealthEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    public Report report() {
        HealthComponent root = endpoint.health();
        List<Component> components = new ArrayList<>();
        if (root instanceof CompositeHealth composite) {
            composite.getComponents().forEach((name, c) -> components.add(component(name, c)));
        }
        components.sort(java.util.Comparator.comparing(Component::name));
        return new Report(root.getStatus().getCode(), List.copyOf(components));
    }

    private static Component component(String name, HealthComponent c) {
        Map<String, Object> details = c instanceof Health h ? h.getDetails() : Map.of();
        return new Component(name, c.getStatus().getCode(), details == null ? Map.of() : details);
    }
}
