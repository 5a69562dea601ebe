package org.openrfid.trace.passage;

/**
 * What a (reader, antenna) pair means to the {@link PassageSmoother}: its read point, the presence table
 * of the read point's location, its role and the label passages name it by; {@code readPoint == null}
 * when the pair has none. Made once per pair and cached in the {@link ReaderClock}; final fields rather
 * than a record's accessors, so the per-read path reads them directly.
 */
final class ResolvedAntenna {

    final ReadPoint readPoint;
    final LocationPresences location;
    final ReadPointRole role;
    final String label;
    final String readerId;
    final int antenna;

    ResolvedAntenna(ReadPoint readPoint, LocationPresences location, ReadPointRole role, String label, String readerId, int antenna) {
        this.readPoint = readPoint;
        this.location = location;
        this.role = role;
        this.label = label;
        this.readerId = readerId;
        this.antenna = antenna;
    }

    static ResolvedAntenna none(String readerId, int antenna) {
        return new ResolvedAntenna(null, null, ReadPointRole.NONE, null, readerId, antenna);
    }

    LocationSnapshot.At at() {
        return new LocationSnapshot.At(readerId, antenna);
    }
}
