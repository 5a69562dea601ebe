package org.openrfid.trace.web.rules;

import org.openrfid.trace.service.alert.AlertType;

/** Which form field a rule factory's refusal names: its messages start with the field ({@code params.to: ...}, {@code area: ...}). */
final class RuleRefusals {

    private RuleRefusals() {
    }

    /** As {@link #field(String)}; a section-speed rule's {@code from} and {@code to} are the form's one sections field. */
    static String field(String message, AlertType type) {
        String field = field(message);
        return type == AlertType.SECTION_SPEED && (field.equals("from") || field.equals("to")) ? "sections" : field;
    }

    static String field(String message) {
        if (message == null || !message.contains(":")) {
            return "form";
        }
        String head = message.substring(0, message.indexOf(':')).strip();
        if (head.startsWith("params.")) {
            return head.substring("params.".length());
        }
        return switch (head) {
            case "area" -> "area";
            case "locations" -> "places";
            case "id" -> "id";
            default -> "form";
        };
    }
}
