// One way to make a Leaflet map on every console page: the application's own base layer (road links
// and locations from /ui/map/base.geojson, so a police network with no tile server still sees its
// city), plus the tile server configured as rfid.ui.map.tiles when there is one (/ui/map/settings).
// Pages call
//   rfidMap.create(element, options) -> Promise<{map, base, locations, settings, project, projectGeoJson}>
// where locations maps a location id to its {lat, lon (WGS84), latlng (where to draw it), name, kind,
// parent, top (its top-level place)}. Options: center ([lat, lon] WGS84) and zoom for the first view
// (default: everything on the base layer in view), locations (default true: draw the top-level
// locations as small dots; false when the page draws its own markers).
//
// Positions are WGS84 everywhere in the application. When the tile server draws GCJ-02 (the datum of
// most base maps of mainland China: rfid.ui.map.tiles-crs=GCJ02), roads on its tiles lie some hundred
// metres from their WGS84 position; this file then moves everything it draws the same way, and pages
// must draw their own positions through project(lat, lon) / projectGeoJson(geojson) too.
// No inline scripts: configuration comes from the server, an element's data-tiles / data-attribution /
// data-tiles-crs attributes override it.
(function () {
  'use strict';
  var baseData = null;
  var settingsData = null;

  function base() {
    return window.rfidConsole ? window.rfidConsole.base() : '';
  }

  function getJson(path, accept) {
    return fetch(base() + path, { credentials: 'same-origin', headers: { 'Accept': accept } })
      .then(function (r) { if (!r.ok) { throw new Error(path + ': HTTP ' + r.status); } return r.json(); });
  }

  function loadBase() {
    if (!baseData) {
      baseData = getJson('/ui/map/base.geojson', 'application/geo+json');
    }
    return baseData;
  }

  function loadSettings() {
    if (!settingsData) {
      settingsData = getJson('/ui/map/settings', 'application/json')
        .catch(function () { return { tiles: '', attribution: '', crs: 'WGS84' }; });
    }
    return settingsData;
  }

  // ---- WGS84 -> GCJ-02 ------------------------------------------------------------------------------
  // The published obfuscation of China's surveying administration as every open implementation has it
  // (Krasovsky 1940 ellipsoid: a = 6378245 m, e² = 0.00669342162296594323); it agrees to the last digit
  // with the test vectors of googollee/eviltransform and wandergis/coordtransform (see MapBrowserIntegrationTests).
  // Outside China's bounding box positions are left as they are, as the base maps leave them.
  var A = 6378245.0;
  var EE = 0.00669342162296594323;

  function outOfChina(lat, lon) {
    return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
  }

  function shiftLat(x, y) {
    var r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
    r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    r += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
    r += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
    return r;
  }

  function shiftLon(x, y) {
    var r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
    r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    r += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
    r += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
    return r;
  }

  /** [lat, lon] in GCJ-02 of a WGS84 position. */
  function wgs84ToGcj02(lat, lon) {
    if (outOfChina(lat, lon)) {
      return [lat, lon];
    }
    var dLat = shiftLat(lon - 105.0, lat - 35.0);
    var dLon = shiftLon(lon - 105.0, lat - 35.0);
    var radLat = lat / 180.0 * Math.PI;
    var magic = Math.sin(radLat);
    magic = 1 - EE * magic * magic;
    var sqrtMagic = Math.sqrt(magic);
    dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
    dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
    return [lat + dLat, lon + dLon];
  }

  /** The function that turns a WGS84 [lat, lon] into where it is drawn on tiles of this datum. */
  function projector(crs) {
    return String(crs || '').toUpperCase() === 'GCJ02' ? wgs84ToGcj02 : function (lat, lon) { return [lat, lon]; };
  }

  /** A copy of a GeoJSON object (Feature, FeatureCollection or geometry) with every [lon, lat] moved by project. */
  function projectGeoJson(geo, project) {
    function coords(c) {
      if (typeof c[0] === 'number') {
        var p = project(c[1], c[0]);
        return [p[1], p[0]].concat(c.slice(2));
      }
      return c.map(coords);
    }
    function geometry(g) {
      if (!g) { return g; }
      if (g.type === 'GeometryCollection') {
        return Object.assign({}, g, { geometries: g.geometries.map(geometry) });
      }
      return Object.assign({}, g, { coordinates: coords(g.coordinates) });
    }
    if (geo.type === 'FeatureCollection') {
      return Object.assign({}, geo, { features: geo.features.map(function (f) { return projectGeoJson(f, project); }) });
    }
    if (geo.type === 'Feature') {
      return Object.assign({}, geo, { geometry: geometry(geo.geometry) });
    }
    return geometry(geo);
  }

  /** Every position of GeoJSON coordinates as [lat, lon]. */
  function collect(c, out) {
    if (!c) { return; }
    if (typeof c[0] === 'number') { out.push([c[1], c[0]]); return; }
    c.forEach(function (x) { collect(x, out); });
  }

  function create(element, options) {
    options = options || {};
    var map = L.map(element, { preferCanvas: true, zoomControl: true, attributionControl: true, zoomSnap: 0.25 });
    return Promise.all([loadSettings(), loadBase()]).then(function (loaded) {
      var settings = {
        tiles: element.dataset.tiles !== undefined ? element.dataset.tiles : loaded[0].tiles,
        attribution: element.dataset.attribution !== undefined ? element.dataset.attribution : loaded[0].attribution,
        crs: element.dataset.tilesCrs || loaded[0].crs || 'WGS84'
      };
      var wgs = projector(settings.crs);
      var project = function (lat, lon) { return L.latLng(wgs(lat, lon)); };
      if (settings.tiles) {
        L.tileLayer(settings.tiles, { attribution: settings.attribution || '', maxZoom: 19 }).addTo(map);
      }
      var geo = projectGeoJson(loaded[1], wgs);
      // Leaflet must have a view before vector layers are added (the canvas renderer needs its bounds)
      if (options.center) {
        map.setView(project(options.center[0], options.center[1]), options.zoom || 15);
      } else {
        var all = [];
        geo.features.forEach(function (f) { collect(f.geometry && f.geometry.coordinates, all); });
        if (all.length > 0) {
          map.fitBounds(L.latLngBounds(all), { padding: [20, 20] });
        } else {
          map.setView([0, 0], 2);
        }
      }
      var locations = {};
      var drawLocations = options.locations !== false;
      var base = L.geoJSON(geo, {
        filter: function (f) { return f.properties.layer !== 'location' || (drawLocations && !f.properties.parent); },
        style: function (f) {
          return f.properties.layer === 'road'
            ? { color: '#8a9bb0', weight: 3, opacity: 0.8 }
            : { color: '#0b6bcb', weight: 1, fillOpacity: 0.08 };
        },
        pointToLayer: function (f, latlng) {
          return L.circleMarker(latlng, { radius: 5, color: '#1d2733', weight: 1, fillColor: '#ffffff', fillOpacity: 1 });
        },
        onEachFeature: function (f, layer) {
          if (f.properties.layer === 'location' || f.properties.layer === 'area') {
            // a text node: a name is data, never HTML
            layer.bindTooltip(document.createTextNode(f.properties.name));
          }
        }
      }).addTo(map);
      loaded[1].features.forEach(function (f) {
        if (f.properties.layer === 'location') {
          var lat = f.geometry.coordinates[1];
          var lon = f.geometry.coordinates[0];
          locations[f.properties.id] = { lat: lat, lon: lon, latlng: project(lat, lon), name: f.properties.name,
            kind: f.properties.kind, parent: f.properties.parent, top: f.properties.top || f.properties.id };
        }
      });
      return { map: map, base: base, locations: locations, settings: settings, project: project,
        projectGeoJson: function (g) { return projectGeoJson(g, wgs); } };
    });
  }

  window.rfidMap = { create: create, base: loadBase, settings: loadSettings, wgs84ToGcj02: wgs84ToGcj02, projector: projector,
    projectGeoJson: projectGeoJson };
})();
