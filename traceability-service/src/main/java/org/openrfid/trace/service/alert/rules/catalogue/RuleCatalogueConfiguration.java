package org.openrfid.trace.service.alert.rules.catalogue;

import org.openrfid.trace.service.alert.rules.tid.TidMismatchRules;
import org.openrfid.trace.service.alert.rules.watchlist.WatchlistIndex;
import org.openrfid.trace.service.alert.rules.watchlist.WatchlistRules;
import org.openrfid.trace.service.registry.binding.Tags;
import org.openrfid.trace.service.registry.watchlist.Watchlist;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.openrfid.trace.passage.ReadPoint;
import org.openrfid.trace.passage.ReadPointDirectory;
import org.openrfid.trace.reader.ReaderStatus;
import org.openrfid.trace.service.alert.rules.ClusterSightings;
import org.openrfid.trace.service.alert.rules.GateDirections;
import org.openrfid.trace.service.alert.rules.LocationParents;
import org.openrfid.trace.service.alert.rules.Sighting;
import org.openrfid.trace.service.alert.rules.VehicleLookup;
import org.openrfid.trace.service.alert.rules.category.CategoryRestrictionRuleFactory;
import org.openrfid.trace.service.alert.rules.clone.ImpossibleTravelRuleFactory;
import org.openrfid.trace.service.alert.rules.customs.CustomsHoldExitRuleFactory;
import org.openrfid.trace.service.alert.rules.customs.CustomsHolds;
import org.openrfid.trace.service.alert.rules.fleet.AntennaSilentRuleFactory;
import org.openrfid.trace.service.alert.rules.watchlist.WatchlistIndex;
import org.openrfid.trace.service.alert.rules.fleet.HeldReaders;
import org.openrfid.trace.service.alert.rules.fleet.ReaderDownRuleFactory;
import org.openrfid.trace.service.alert.rules.library.UncheckedExitRuleFactory;
import org.openrfid.trace.service.enrichment.LocationCache;
import org.openrfid.trace.service.location.LocationInfo;
import org.openrfid.trace.service.location.Locations;
import org.openrfid.trace.service.platform.cluster.LastSeenBoard;
import org.openrfid.trace.service.readerfleet.ReaderConnections;
import org.openrfid.trace.service.library.GateCirculation;
import org.openrfid.trace.service.registry.library.LibraryItems;
import org.openrfid.trace.service.registry.vehicle.Vehicles;
import org.openrfid.trace.service.road.RoadNetwork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rule factories the rule engine collects (one bean per alert type written here), and what they
 * share: cached vehicle and location look-ups, gate directions, the readers this member holds. A
 * package of its own: it depends on every rule family, which all depend on {@code alert.rules}.
 */
@Configuration(proxyBeanMethods = false)
class RuleCatalogueConfiguration {

    @Bean(destroyMethod = "close")
    WatchlistIndex watchlistIndex(Watchlist watchlist, @Value("${rfid.alerts.watchlist.poll:PT0.5S}") Duration poll) {
        return new WatchlistIndex(watchlist, poll).start();
    }

    @Bean
    WatchlistRules watchlistRules(WatchlistIndex index, LocationCache locations, Vehicles vehicles) {
        return new WatchlistRules(index, locations, vehicles);
    }

    @Bean
    TidMismatchRules tidMismatchRules(Tags tags, Vehicles vehicles) {
        return new TidMismatchRules(tags, vehicles, 1_000_000);
    }

    @Bean
    VehicleLookup ruleVehicleLookup(Vehicles vehicles) {
        return VehicleLookup.cached(vehicles, 100_000, Duration.ofMinutes(10));
    }

    @Bean
    LocationParents ruleLocationParents(Locations locations) {
        return LocationParents.cached(locations, 20_000, Duration.ofMinutes(5));
    }

    @Bean
    GateDirections ruleGateDirections(ReadPointDirectory readPoints) {
        return new GateDirections(readPoints);
    }

    @Bean
    HeldReaders ruleHeldReaders(ReaderConnections connections, ReadPointDirectory readPoints, LocationCache locations) {
        return new HeldReaders() {
            @Override
            public Collection<ReaderStatus> statuses() {
                Set<String> held = connections.heldHere();
                return connections.statuses().stream().filter(s -> held.contains(s.readerId())).toList();
            }

            @Override
            public LocationInfo locationOf(String readerId, int antenna) {
                String locationId = antenna > 0 ? readPoints.find(readerId, antenna).map(ReadPoint::locationId).orElse(null)
                        : readPoints.all().stream().filter(rp -> rp.readerId().equals(readerId)).map(ReadPoint::locationId).sorted()
                                .findFirst().orElse(null);
                return locationId == null ? null : locations.find(locationId);
            }
        };
    }

    /** The cluster's last-seen board as clone sightings, placed through the location cache. */
    @Bean
    ClusterSightings ruleClusterSightings(LastSeenBoard board, LocationCache locations) {
        return (epc, bits) -> board.lastSeen(epc, bits).flatMap(seen -> {
            LocationInfo l = locations.find(seen.locationId());
            return l == null ? Optional.empty()
                    : Optional.of(new Sighting(null, l.id(), l.name(), l.lat(), l.lon(), null, seen.firstSeen(), seen.lastSeen()));
        });
    }

    @Bean
    ImpossibleTravelRuleFactory impossibleTravelRuleFactory(RoadNetwork network, LocationParents parents, VehicleLookup vehicles,
                                                            ClusterSightings cluster) {
        return new ImpossibleTravelRuleFactory(network, parents, vehicles, cluster);
    }

    @Bean
    org.openrfid.trace.service.alert.rules.speed.SectionSpeedRuleFactory sectionSpeedRuleFactory(RoadNetwork network,
            LocationParents parents, VehicleLookup vehicles, ClusterSightings cluster) {
        return new org.openrfid.trace.service.alert.rules.speed.SectionSpeedRuleFactory(network, parents, vehicles, cluster);
    }

    @Bean
    CategoryRestrictionRuleFactory categoryRestrictionRuleFactory(LocationParents parents, VehicleLookup vehicles) {
        return new CategoryRestrictionRuleFactory(parents, vehicles);
    }

    @Bean
    UncheckedExitRuleFactory libraryUncheckedExitRuleFactory(LibraryItems items, GateDirections directions,
                                                             ObjectProvider<GateCirculation> circulation) {
        return new UncheckedExitRuleFactory(items, directions, circulation.getIfAvailable(() -> GateCirculation.LOCAL));
    }

    /** Customs holds from the rule engine's watchlist index: one copy of the watchlist in memory, whatever its size. */
    @Bean
    CustomsHolds ruleCustomsHolds(WatchlistIndex index) {
        return CustomsHolds.from(index::activeForHex);
    }

    @Bean
    CustomsHoldExitRuleFactory customsHoldExitRuleFactory(CustomsHolds holds, GateDirections directions,
                                                          org.openrfid.trace.service.registry.goods.Aggregations aggregations) {
        return new CustomsHoldExitRuleFactory(holds, directions, (goods, at) -> aggregations
                .parentsOf(org.openrfid.trace.service.registry.goods.UnitKind.GOODS, goods).stream()
                .filter(a -> a.parentKind() == org.openrfid.trace.service.registry.goods.UnitKind.PALLET && a.covers(at))
                .map(org.openrfid.trace.service.registry.goods.Aggregation::parentId).findFirst().orElse(null));
    }

    @Bean
    ReaderDownRuleFactory readerDownRuleFactory(HeldReaders readers) {
        return new ReaderDownRuleFactory(readers);
    }

    @Bean
    AntennaSilentRuleFactory antennaSilentRuleFactory(HeldReaders readers) {
        return new AntennaSilentRuleFactory(readers);
    }
}
