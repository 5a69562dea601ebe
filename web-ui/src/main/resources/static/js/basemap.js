// One way to make a Leaflet map on every console page: the application's own base layer (road links
// and locations from /ui/map/base.geojson, so a police network with no tile server still sees its
// city), plus the tile server configured as rfid.ui.map.tiles when there is one. Pages call
//   rfidMap.create(element, options) -> Promise<{map, base, locations}>
// where locations maps a location id to its {lat, lon, name, kind}. No inline scripts: configuration
// comes from data- attributes on the map element (data-tiles, data-attribution).
(function () {
  'use strict';
  var baseData = null;

  function loadBase() {
    if (!baseData) {
      baseData = fetch((window.rfidConsole ? window.rfidConsole.base() : '') + '/ui/map/base.geojson',
        { credentials: 'same-origin', headers: { 'Accept': 'application/geo+json' } })
        .then(function (r) { if (!r.ok) { throw new Error('base map: HTTP ' + r.status); } return r.json(); });
    }
    return baseData;
  }

  function create(element, options) {
    options = options || {};
    var map = L.map(element, { preferCanvas: true, zoomControl: true, attributionControl: true });
    var tiles = element.dataset.tiles;
    if (tiles) {
      L.tileLayer(tiles, { attribution: element.dataset.attribution || '', maxZoom: 19 }).addTo(map);
    }
    return loadBase().then(function (geo) {
      var locations = {};
      var base = L.geoJSON(geo, {
        filter: function (f) { return f.properties.layer !== 'location' || !f.properties.parent; },
        style: function (f) {
          return f.properties.layer === 'road'
            ? { color: '#8a9bb0', weight: 3, opacity: 0.8 }
            : { color: '#0b6bcb', weight: 1, fillOpacity: 0.08 };
        },
        pointToLayer: function (f, latlng) {
          return L.circleMarker(latlng, { radius: 5, color: '#1d2733', weight: 1, fillColor: '#ffffff', fillOpacity: 1 });
        },
        onEachFeature: function (f, layer) {
          if (f.properties.layer === 'location') {
            layer.bindTooltip(f.properties.name);
          }
        }
      }).addTo(map);
      geo.features.forEach(function (f) {
        if (f.properties.layer === 'location') {
          locations[f.properties.id] = { lat: f.geometry.coordinates[1], lon: f.geometry.coordinates[0],
            name: f.properties.name, kind: f.properties.kind, parent: f.properties.parent };
        }
      });
      if (options.fit !== false && base.getLayers().length > 0) {
        map.fitBounds(base.getBounds(), { padding: [20, 20] });
      }
      return { map: map, base: base, locations: locations };
    });
  }

  window.rfidMap = { create: create, base: loadBase };
})();
