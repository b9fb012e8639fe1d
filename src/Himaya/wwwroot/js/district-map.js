// Himaya's district map: Azerbaijan's district boundaries (served by the app, no tile server) drawn with the vendored
// Leaflet, and the points of a page (a JSON block beside the map). Any element with class "district-map" and
// data-geojson gets one; data-highlight names a district code to outline. A choropleth page adds a JSON block
// "<map id>-values", {code: {name, label, cls}} (Platform/Pages/Choropleth.cs): each district then takes its colour
// class (the colours are site.css's, as in the page's legend), hidden ones a hatch, and shows its name and figure when
// pointed at or tapped. The page's list or table stays the accessible alternative: the map adds where, not what.
// A form's map picks a point for its coordinate fields (pick below).
(function () {
    var svgNs = 'http://www.w3.org/2000/svg';

    // The hatch of hidden districts: an SVG pattern in the page (a fill may name any pattern in the document).
    function hatch(el) {
        var id = el.id + '-hatch';
        var svg = document.createElementNS(svgNs, 'svg');
        svg.setAttribute('class', 'district-map-defs');
        svg.setAttribute('aria-hidden', 'true');
        svg.setAttribute('width', '0');
        svg.setAttribute('height', '0');
        var pattern = document.createElementNS(svgNs, 'pattern');
        pattern.id = id;
        pattern.setAttribute('width', '6');
        pattern.setAttribute('height', '6');
        pattern.setAttribute('patternUnits', 'userSpaceOnUse');
        pattern.setAttribute('patternTransform', 'rotate(45)');
        var ground = document.createElementNS(svgNs, 'rect');
        ground.setAttribute('width', '6');
        ground.setAttribute('height', '6');
        ground.setAttribute('fill', '#eeeeee');
        var line = document.createElementNS(svgNs, 'line');
        line.setAttribute('x1', '0'); line.setAttribute('y1', '0'); line.setAttribute('x2', '0'); line.setAttribute('y2', '6');
        line.setAttribute('stroke', '#6b7280');
        line.setAttribute('stroke-width', '2');
        pattern.appendChild(ground);
        pattern.appendChild(line);
        svg.appendChild(pattern);
        el.parentNode.insertBefore(svg, el);
        return 'url(#' + id + ')';
    }

    function tip(name, label) {
        var box = document.createElement('div');
        var strong = document.createElement('strong');
        strong.textContent = name;
        box.appendChild(strong);
        if (label) box.appendChild(document.createTextNode(': ' + label));
        return box;
    }

    // A form's map (data-pick-lat / data-pick-lon name the coordinate fields): a tap or click sets both fields, and
    // the marker follows what is typed in them. The fields stay the way to enter a point without a pointer.
    function pick(el, map) {
        var lat = document.getElementById(el.dataset.pickLat);
        var lon = document.getElementById(el.dataset.pickLon);
        if (!lat || !lon) return;
        var marker = null;
        function read(input) {
            var v = parseFloat(String(input.value).replace(',', '.'));
            return isFinite(v) ? v : null;
        }
        function place() {
            var a = read(lat), b = read(lon);
            if (a === null || b === null) { if (marker) { marker.remove(); marker = null; } return; }
            if (!marker) marker = L.circleMarker([a, b], { radius: 8, color: '#ffffff', weight: 2, fillColor: '#0b5394', fillOpacity: 0.95 }).addTo(map);
            else marker.setLatLng([a, b]);
        }
        map.on('click', function (e) {
            lat.value = e.latlng.lat.toFixed(5);
            lon.value = e.latlng.lng.toFixed(5);
            place();
            el.dataset.picked = lat.value + ',' + lon.value;
        });
        lat.addEventListener('input', place);
        lon.addEventListener('input', place);
        place();
    }

    function draw(el) {
        if (!window.L) return;
        var map = L.map(el, { zoomSnap: 0.25, attributionControl: false, scrollWheelZoom: false });
        var pointsEl = document.getElementById(el.id + '-points');
        var points = pointsEl ? JSON.parse(pointsEl.textContent || '[]') : [];
        var highlight = el.dataset.highlight || '';
        var valuesEl = document.getElementById(el.id + '-values');
        var values = valuesEl ? JSON.parse(valuesEl.textContent || '{}') : null;
        var hatched = values ? hatch(el) : null;
        var shaded = 0;
        fetch(el.dataset.geojson, { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (geo) {
            var districts = L.geoJSON(geo, {
                style: function (f) {
                    if (values) {
                        var area = values[f.properties && f.properties.code];
                        var cls = area ? area.cls : 'dm-none';
                        // The class's fill (site.css) overrides fillColor; a hidden district keeps the hatch.
                        return { color: '#5b6575', weight: 0.8, fillOpacity: 1, className: 'dm-area ' + cls, fillColor: cls === 'dm-hidden' ? hatched : '#ffffff' };
                    }
                    var on = f.properties && f.properties.code === highlight;
                    return { color: on ? '#0b5394' : '#7a869a', weight: on ? 2.5 : 0.8, fillColor: on ? '#cfe2f3' : '#eef1f5', fillOpacity: 1 };
                },
                onEachFeature: function (f, layer) {
                    if (!values) return;
                    var area = values[f.properties.code];
                    if (area && area.cls !== 'dm-none') shaded++;
                    layer.bindTooltip(tip(area ? area.name : f.properties.name, area ? area.label : ''), { sticky: true });
                }
            });
            var bounds = districts.getBounds();
            if (highlight) {
                districts.eachLayer(function (l) { if (l.feature.properties.code === highlight) bounds = l.getBounds(); });
            }
            // The view first: Leaflet draws vectors only on a map that has one.
            map.fitBounds(bounds, { padding: [8, 8] });
            districts.addTo(map);
            var marks = points.map(function (p) {
                var m = L.circleMarker([p.lat, p.lon], { radius: 7, color: '#ffffff', weight: 2, fillColor: '#c0392b', fillOpacity: 0.95 });
                var box = document.createElement('div');
                var name = document.createElement('strong');
                name.textContent = p.name;
                box.appendChild(name);
                if (p.phone) { box.appendChild(document.createElement('br')); box.appendChild(document.createTextNode(p.phone)); }
                m.bindPopup(box);
                m.on('click', function () {
                    var item = document.getElementById('service-' + p.id);
                    if (item) item.classList.add('picked');
                });
                return m.addTo(map);
            });
            if (el.dataset.pickLat) pick(el, map);
            if (values) el.dataset.shaded = String(shaded);
            el.dataset.ready = String(marks.length);
        }).catch(function (e) { el.dataset.ready = 'failed'; el.dataset.error = String(e && e.message || e); });
    }
    document.addEventListener('DOMContentLoaded', function () {
        document.querySelectorAll('.district-map[data-geojson]').forEach(draw);
    });
})();
