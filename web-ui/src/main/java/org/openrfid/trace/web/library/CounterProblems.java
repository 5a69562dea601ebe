package org.openrfid.trace.web.library;

import java.util.Map;
import org.springframework.web.ErrorResponseException;

/**
 * What the circulation service refused at the counter, as the field it concerns and the message key a
 * person reads in their language: the service names the field first ({@code "patron: …"}) or gives its
 * problem a title ({@code "Item already on loan"}).
 */
final class CounterProblems {

    private static final Map<String, String> BY_TITLE = Map.of(
            "Unknown library item", "library.problem.unknownItem",
            "Item already on loan", "library.problem.onLoan",
            "Item not lendable", "library.problem.notLendable",
            "Item not on loan", "library.problem.notOnLoan",
            "Due date in the past", "library.problem.duePast");

    private CounterProblems() {
    }

    /** Field ({@code item}, {@code patron}, {@code due}) → message key. */
    static Map<String, String> of(RuntimeException e) {
        if (e instanceof ErrorResponseException problem) {
            String key = BY_TITLE.getOrDefault(problem.getBody().getTitle(), "library.problem.refused");
            return Map.of(key.equals("library.problem.duePast") ? "due" : "item", key);
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith("patron:")) {
            return Map.of("patron", "library.problem.patron");
        }
        if (message.startsWith("due:")) {
            return Map.of("due", "library.problem.due");
        }
        return Map.of("item", message.startsWith("item:") ? "library.problem.item" : "library.problem.refused");
    }
}
