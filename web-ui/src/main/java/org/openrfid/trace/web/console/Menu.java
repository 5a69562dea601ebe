package org.openrfid.trace.web.console;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The header's menu for a person's roles: only what they may open is shown. Desks (ADMIN, TRAFFIC,
 * CUSTOMS, LOGISTICS, LIBRARIAN) work with tracking data; AUDITOR reads the audit trail.
 */
public final class Menu {

    /** One entry: the message key of its label, where it goes, and the path prefix that marks it current. */
    public record Item(String key, String href, String section) {
    }

    static final Set<String> DESKS = Set.of("ADMIN", "TRAFFIC", "CUSTOMS", "LOGISTICS", "LIBRARIAN");

    private Menu() {
    }

    /** An auditor with no desk: the audit trail is their home page. */
    public static boolean auditOnly(Collection<String> roles) {
        return roles.contains("AUDITOR") && roles.stream().noneMatch(DESKS::contains);
    }

    /**
     * Where a person lands after logging in: an auditor with no desk on the trail, a person with one desk that has
     * a page of its own (the library, the port, the docks) on it, everyone else on the dashboard.
     */
    public static String landing(Collection<String> roles) {
        if (auditOnly(roles)) {
            return "/audit";
        }
        List<String> desks = roles.stream().filter(DESKS::contains).distinct().toList();
        if (desks.size() == 1) {
            switch (desks.get(0)) {
                case "LIBRARIAN":
                    return "/library";
                case "CUSTOMS":
                    return "/customs";
                case "LOGISTICS":
                    return "/logistics";
                default:
                    break;
            }
        }
        return "/";
    }

    public static List<Item> forRoles(Collection<String> roles) {
        List<Item> items = new ArrayList<>();
        if (roles.stream().anyMatch(DESKS::contains)) {
            items.add(new Item("menu.dashboard", "/", "/"));
            items.add(new Item("menu.map", "/map", "/map"));
            items.add(new Item("menu.search", "/search", "/search"));
            items.add(new Item("menu.alerts", "/alerts", "/alerts"));
            items.add(new Item("menu.analytics", "/analytics", "/analytics"));
        }
        if (roles.contains("CUSTOMS") || roles.contains("ADMIN")) {
            items.add(new Item("menu.customs", "/customs", "/customs"));
        }
        if (roles.contains("LOGISTICS") || roles.contains("ADMIN")) {
            items.add(new Item("menu.logistics", "/logistics", "/logistics"));
        }
        if (roles.contains("LIBRARIAN") || roles.contains("ADMIN")) {
            items.add(new Item("menu.library", "/library", "/library"));
        }
        if (roles.contains("AUDITOR") || roles.contains("ADMIN")) {
            items.add(new Item("menu.audit", "/audit", "/audit"));
        }
        if (roles.contains("ADMIN")) {
            items.add(new Item("menu.readers", "/readers", "/readers"));
            items.add(new Item("menu.locations", "/admin/locations", "/admin/locations"));
            items.add(new Item("menu.registry", "/admin/registry", "/admin/registry"));
            items.add(new Item("menu.rules", "/admin/rules", "/admin/rules"));
            items.add(new Item("menu.watchlists", "/admin/watchlists", "/admin/watchlists"));
            items.add(new Item("menu.users", "/admin/users", "/admin/users"));
            items.add(new Item("menu.system", "/admin/system", "/admin/system"));
            items.add(new Item("menu.api", "/swagger-ui/index.html", "/swagger-ui"));
        }
        return List.copyOf(items);
    }
}
