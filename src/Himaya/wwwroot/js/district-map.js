// Himaya's district map: Azerbaijan's district boundaries (served by the app, no tile server) drawn with the vendored
// Leaflet, and the points of a page (a JSON block beside the map). Any element with class "district-map" and
// data-geojson gets one; data-highlight names a district code to outline. The page's list stays the accessible
// alternative: the map adds where, not what.
(function () {
    function draw(el) {
        if (!window.L) return;
        var map = L.map(el, { zoomSnap: 0.25, attributionControl: false, scrollWheelZoom: false });
        var pointsEl = document.getElementById(el.id + '-points');
        var points = pointsEl ? JSON.parse(pointsEl.textContent || '[]') : [];
        var highlight = el.dataset.highlight || '';
        fetch(el.dataset.geojson, { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (geo) {
            var districts = L.geoJSON(geo, {
                style: function (f) {
                    var on = f.properties && f.properties.code === highlight;
                    return { color: on ? '#0b5394' : '#7a869a', weight: on ? 2.5 : 0.8, fillColor: on ? '#cfe2f3' : '#eef1f5', fillOpacity: 1 };
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
            el.dataset.ready = String(marks.length);
        }).catch(function (e) { el.dataset.ready = 'failed'; el.dataset.error = String(e && e.message || e); });
    }
    document.addEventListener('DOMContentLoaded', function () {
        document.querySelectorAll('.district-map[data-geojson]').forEach(draw);
    });
})();
