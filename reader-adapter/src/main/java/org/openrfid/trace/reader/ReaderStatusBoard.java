package org.openrfid.trace.reader;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Thread-safe registry of live reader connections. Each entry is a supplier so the board always
 * shows the current state without the sessions having to push updates.
 */
public final class ReaderStatusBoard {

    private final Map<String, Supplier<ReaderStatus>> entries = new ConcurrentHashMap<>();

    public void register(String readerId, Supplier<ReaderStatus> status) {
        entries.put(readerId, status);
    }

    /** Removes the entry only if it is still the given supplier (a newer registration wins). */
    public void unregister(String readerId, Supplier<ReaderStatus> status) {
        entries.remove(readerId, status);
    }

    public void unregister(String readerId) {
        entries.remove(readerId);
    }

    /** Current statuses, ordered by reader id. */
    public Collection<ReaderStatus> statuses() {
        return entries.values().stream()
                .map(Supplier::get)
                .sorted(Comparator.comparing(ReaderStatus::readerId))
                .toList();
    }

    public Optional<ReaderStatus> status(String readerId) {
        Supplier<ReaderStatus> s = entries.get(readerId);
        return s == null ? Optional.empty() : Optional.of(s.get());
    }

    /** Readers whose connections keep dropping soon after set-up (see {@link ReaderStatus#flapping()}). */
    public List<String> flapping() {
        return statuses().stream().filter(ReaderStatus::flapping).map(ReaderStatus::readerId).toList();
    }

    public List<String> readerIds() {
        return entries.keySet().stream().sorted().toList();
    }
}
