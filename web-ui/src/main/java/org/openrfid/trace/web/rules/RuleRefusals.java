package org.openrfid.trace.web.rules;

/** Which form field a rule factory's refusal names: its messages start with the field ({@code params.to: ...}, {@code area: ...}). */
final class RuleRefusals {

    private RuleRefusals() {
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
