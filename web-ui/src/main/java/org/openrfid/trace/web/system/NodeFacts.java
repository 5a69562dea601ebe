package org.openrfid.trace.web.system;

import java.time.Duration;
import java.time.Instant;

/**
 * The node's own facts on the system page: version, start and uptime, the store behind the passage port
 * ({@code H2GIS} or {@code POSTGIS}) and the spool's depth and disk.
 *
 * @param spoolDiskFree usable bytes on the spool's file system, or -1 when it cannot be told
 */
public record NodeFacts(String version, Instant started, Duration uptime, String storeKind, int spoolBatches, long spoolBytes,
                        long spoolMaxBytes, long spoolDiskFree, String spoolDirectory) {

    public long uptimeDays() {
        return uptime.toDays();
    }

    public int uptimeHours() {
        return uptime.toHoursPart();
    }

    public int uptimeMinutes() {
        return uptime.toMinutesPart();
    }

    public String spoolBytesText() {
        return bytes(spoolBytes);
    }

    public String spoolMaxBytesText() {
        return bytes(spoolMaxBytes);
    }

    public String spoolDiskFreeText() {
        return bytes(spoolDiskFree);
    }

    /** Bytes as people read them: 1.5 GB, 320 KB (decimal units, as disks are sold). */
    public static String bytes(long n) {
        if (n < 0) {
            return "–";
        }
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        double v = n;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return u == 0 ? n + " B" : String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
