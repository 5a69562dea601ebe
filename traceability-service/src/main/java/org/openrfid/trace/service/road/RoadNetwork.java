package org.openrfid.trace.service.road;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.PriorityQueue;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The road links as an in-memory graph of location ids (links are two-way), for "how far is it by
 * road from A to B": Dijkstra's shortest path over the links, remembered per pair (bounded), where no
 * path joins the two the great-circle distance times a detour factor. The graph is a few thousand
 * nodes, so a path takes well under a millisecond and rules ask it per passage without touching the
 * database; {@link #reload()} swaps in a new snapshot when links change.
 *
 * <p>A PostGIS deployment could answer the same with pgRouting ({@code pgr_dijkstra}) over a real road
 * graph; the checkpoint network here is small enough that it is not needed.
 */
public class RoadNetwork {

    /** How a distance was found. */
    public enum Method {
        /** The shortest path over road links. */
        ROAD,
        /** No path: great-circle distance times the detour factor. */
        GREAT_CIRCLE
    }

    /**
     * A distance between two locations and how it was measured.
     *
     * @param detourFactor the factor applied to the great-circle distance, 1 for {@link Method#ROAD}
     */
    public record Distance(double metres, Method method, double detourFactor) {

        /** {@code road_network} or {@code great_circle_x1.3}, for evidence and summaries. */
        public String describe() {
            return method == Method.ROAD ? "road_network" : "great_circle_x" + detourFactor;
        }
    }

    static final int MAX_CACHED_PAIRS = 100_000;
    private static final Logger log = LoggerFactory.getLogger(RoadNetwork.class);

    private final Supplier<? extends Collection<RoadLink>> source;
    private volatile Graph graph = new Graph(List.of());

    /** A network over {@code source}, empty until {@link #reload()}. */
    public RoadNetwork(Supplier<? extends Collection<RoadLink>> source) {
        this.source = source;
    }

    /** A network of these links, loaded. */
    public static RoadNetwork of(Collection<RoadLink> links) {
        List<RoadLink> copy = List.copyOf(links);
        RoadNetwork network = new RoadNetwork(() -> copy);
        network.reload();
        return network;
    }

    /** Reads the links again; a failure (database away) keeps the last graph and is logged. */
    public boolean reload() {
        try {
            graph = new Graph(source.get());
            return true;
        } catch (RuntimeException e) {
            log.warn("Reloading the road network failed ({}): keeping the {} links known", e.toString(), graph.links.size());
            return false;
        }
    }

    /** Every link, as last loaded. */
    public List<RoadLink> links() {
        return graph.links;
    }

    /** Whether a road link ends at this location. */
    public boolean knows(String locationId) {
        return graph.index.containsKey(locationId);
    }

    /** The direct link's distance between two locations, when a link joins them. */
    public OptionalDouble link(String a, String b) {
        Double d = graph.direct.get(pair(a, b));
        return d == null ? OptionalDouble.empty() : OptionalDouble.of(d);
    }

    /** The shortest road distance between two locations, when a path of links joins them (0 from a node to itself). */
    public OptionalDouble shortest(String a, String b) {
        return graph.shortest(a, b);
    }

    /**
     * The road distance where a path joins the two locations, else their great-circle distance times
     * {@code detourFactor}.
     */
    public Distance between(String a, double aLat, double aLon, String b, double bLat, double bLon, double detourFactor) {
        OptionalDouble road = graph.shortest(a, b);
        if (road.isPresent()) {
            return new Distance(road.getAsDouble(), Method.ROAD, 1);
        }
        return new Distance(GreatCircle.metres(aLat, aLon, bLat, bLon) * detourFactor, Method.GREAT_CIRCLE, detourFactor);
    }

    static String pair(String a, String b) {
        return a.compareTo(b) <= 0 ? a + '\u0000' + b : b + '\u0000' + a;
    }

    /** One immutable snapshot of the links, with its own bounded cache of answered pairs. */
    private static final class Graph {
        final List<RoadLink> links;
        final Map<String, Integer> index = new HashMap<>();
        final Map<String, Double> direct = new HashMap<>();
        final int[][] to;
        final double[][] metres;
        private final Map<String, Double> cache = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Double> eldest) {
                return size() > MAX_CACHED_PAIRS;
            }
        };

        Graph(Collection<RoadLink> source) {
            this.links = List.copyOf(source);
            List<List<int[]>> adjacency = new ArrayList<>();
            List<List<Double>> lengths = new ArrayList<>();
            for (RoadLink l : links) {
                int f = node(l.from(), adjacency, lengths);
                int t = node(l.to(), adjacency, lengths);
                direct.merge(pair(l.from(), l.to()), l.distanceM(), Math::min);
                adjacency.get(f).add(new int[] {t});
                lengths.get(f).add(l.distanceM());
                adjacency.get(t).add(new int[] {f});
                lengths.get(t).add(l.distanceM());
            }
            to = new int[adjacency.size()][];
            metres = new double[adjacency.size()][];
            for (int i = 0; i < to.length; i++) {
                to[i] = adjacency.get(i).stream().mapToInt(x -> x[0]).toArray();
                metres[i] = lengths.get(i).stream().mapToDouble(Double::doubleValue).toArray();
            }
        }

        private int node(String id, List<List<int[]>> adjacency, List<List<Double>> lengths) {
            return index.computeIfAbsent(id, k -> {
                adjacency.add(new ArrayList<>());
                lengths.add(new ArrayList<>());
                return adjacency.size() - 1;
            });
        }

        OptionalDouble shortest(String a, String b) {
            Integer s = index.get(a);
            Integer t = index.get(b);
            if (s == null || t == null) {
                return OptionalDouble.empty();
            }
            if (s.equals(t)) {
                return OptionalDouble.of(0);
            }
            String key = pair(a, b);
            Double known;
            synchronized (cache) {
                known = cache.get(key);
            }
            if (known == null) {
                known = dijkstra(s, t);
                synchronized (cache) {
                    cache.put(key, known);
                }
            }
            return known.isInfinite() ? OptionalDouble.empty() : OptionalDouble.of(known);
        }

        /** Shortest path length from s to t, infinity when t cannot be reached; stops once t is settled. */
        private double dijkstra(int s, int t) {
            double[] dist = new double[to.length];
            Arrays.fill(dist, Double.POSITIVE_INFINITY);
            dist[s] = 0;
            PriorityQueue<double[]> queue = new PriorityQueue<>((x, y) -> Double.compare(x[0], y[0]));
            queue.add(new double[] {0, s});
            while (!queue.isEmpty()) {
                double[] head = queue.poll();
                int u = (int) head[1];
                if (head[0] > dist[u]) {
                    continue; // a stale entry
                }
                if (u == t) {
                    return dist[u];
                }
                for (int i = 0; i < to[u].length; i++) {
                    double d = dist[u] + metres[u][i];
                    int v = to[u][i];
                    if (d < dist[v]) {
                        dist[v] = d;
                        queue.add(new double[] {d, v});
                    }
                }
            }
            return Double.POSITIVE_INFINITY;
        }
    }
}
