package org.openrfid.trace.service.platform.web;

/** Page size rules shared by every list endpoint: explicit, 1..1000, refused (never cut) beyond. */
public final class Limits {

    public static final int MAX_PAGE = 1000;

    private Limits() {
    }

    public static int page(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit: " + limit + " is outside 1.." + MAX_PAGE);
        }
        return limit;
    }
}
