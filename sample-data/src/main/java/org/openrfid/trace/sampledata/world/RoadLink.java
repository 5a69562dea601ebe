package org.openrfid.trace.sampledata.world;

/** An undirected road between two checkpoints with its driving distance (world/road-links.csv). */
public record RoadLink(String from, String to, int distanceMetres) {
}
