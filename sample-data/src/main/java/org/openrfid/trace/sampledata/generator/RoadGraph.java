package org.openrfid.trace.sampledata.generator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openrfid.trace.sampledata.world.DemoWorld;
import org.openrfid.trace.sampledata.world.Location;
import org.openrfid.trace.sampledata.world.LocationKind;
import org.openrfid.trace.sampledata.world.ReadPoint;
import org.openrfid.trace.sampledata.world.RoadLink;

/**
 * Checkpoints as graph nodes in arrays (the simulation touches them tens of millions of times),
 * with their neighbours, link lengths and the lane antennas per direction.
 */
public final class RoadGraph {
    /** Jiefangbei: a vehicle getting closer to it drives IN. */
    static final double CENTRE_LAT = 29.5570;
    static final double CENTRE_LON = 106.5770;

    final String[] ids;
    final String[] readers;
    final double[] centreDistance;
    final int[][] neighbours;
    final int[][] linkMetres;
    /** Per node and direction (0 = IN, 1 = OUT): antenna pairs, first antenna of each lane. */
    final int[][][] laneFirstAntennas;

    private RoadGraph(String[] ids, String[] readers, double[] centreDistance, int[][] neighbours, int[][] linkMetres,
                      int[][][] laneFirstAntennas) {
        this.ids = ids;
        this.readers = readers;
        this.centreDistance = centreDistance;
        this.neighbours = neighbours;
        this.linkMetres = linkMetres;
        this.laneFirstAntennas = laneFirstAntennas;
    }

    public static RoadGraph of(DemoWorld world) {
        List<Location> checkpoints = world.locations().stream().filter(l -> l.kind() == LocationKind.CHECKPOINT).toList();
        int n = checkpoints.size();
        Map<String, Integer> index = new HashMap<>();
        String[] ids = new String[n];
        String[] readers = new String[n];
        double[] centre = new double[n];
        for (int i = 0; i < n; i++) {
            Location c = checkpoints.get(i);
            index.put(c.id(), i);
            ids[i] = c.id();
            centre[i] = metres(c.lat(), c.lon(), CENTRE_LAT, CENTRE_LON);
        }
        List<List<int[]>> adjacency = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            adjacency.add(new ArrayList<>());
        }
        for (RoadLink link : world.roadLinks()) {
            int a = index.get(link.from());
            int b = index.get(link.to());
            adjacency.get(a).add(new int[] {b, link.distanceMetres()});
            adjacency.get(b).add(new int[] {a, link.distanceMetres()});
        }
        int[][] neighbours = new int[n][];
        int[][] metres = new int[n][];
        for (int i = 0; i < n; i++) {
            neighbours[i] = adjacency.get(i).stream().mapToInt(e -> e[0]).toArray();
            metres[i] = adjacency.get(i).stream().mapToInt(e -> e[1]).toArray();
        }
        List<List<List<Integer>>> lanes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lanes.add(List.of(new ArrayList<>(), new ArrayList<>()));
        }
        for (ReadPoint rp : world.readPoints()) {
            Integer node = index.get(rp.location());
            if (node != null && rp.antenna() % 2 == 1) {
                readers[node] = rp.reader();
                lanes.get(node).get(rp.direction().equals("IN") ? 0 : 1).add(rp.antenna());
            }
        }
        int[][][] laneAntennas = new int[n][2][];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < 2; d++) {
                laneAntennas[i][d] = lanes.get(i).get(d).stream().mapToInt(Integer::intValue).toArray();
            }
        }
        return new RoadGraph(ids, readers, centre, neighbours, metres, laneAntennas);
    }

    public int size() {
        return ids.length;
    }

    public String id(int node) {
        return ids[node];
    }

    public int indexOf(String id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i].equals(id)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no checkpoint " + id);
    }

    static double metres(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = StrictMath.pow(StrictMath.sin(dLat / 2), 2) + StrictMath.cos(Math.toRadians(lat1))
                * StrictMath.cos(Math.toRadians(lat2)) * StrictMath.pow(StrictMath.sin(dLon / 2), 2);
        return 2 * 6_371_000 * StrictMath.asin(StrictMath.sqrt(a));
    }
}
