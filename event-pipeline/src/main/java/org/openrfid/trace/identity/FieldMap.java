package org.openrfid.trace.identity;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * Small immutable map that keeps insertion order (so JSON shows fields in URI order) and costs two arrays;
 * decoding builds one per EPC, millions per second.
 */
final class FieldMap extends AbstractMap<String, String> {

    private final String[] keys;
    private final String[] values;
    private final int size;

    FieldMap(String[] keys, String[] values, int size) {
        this.keys = keys;
        this.values = values;
        this.size = size;
    }

    /** The values array as built (components, then the GS1 key if any); callers must not change it. */
    String[] array() {
        return values;
    }

    /** The GS1 key: the entry after the components, or null when there is none. */
    String key() {
        return size == values.length ? values[size - 1] : null;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String get(Object key) {
        for (int i = 0; i < size; i++) {
            if (keys[i].equals(key)) {
                return values[i];
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < size;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (i >= size) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, String> e = new SimpleImmutableEntry<>(keys[i], values[i]);
                        i++;
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
