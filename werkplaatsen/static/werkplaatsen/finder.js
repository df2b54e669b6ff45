/* Progressive enhancement for the finder: "use my location" and the map. The list and the search
   form work without this file. */
(function () {
  "use strict";

  function setUpLocation() {
    var holder = document.querySelector(".finder__locatie");
    var form = document.querySelector("form.finder");
    if (!holder || !form || !("geolocation" in navigator)) return;
    var button = holder.querySelector("[data-locatie]");
    var message = holder.querySelector("[data-locatie-melding]");
    holder.hidden = false;
    button.addEventListener("click", function () {
      message.textContent = "Uw locatie wordt opgezocht…";
      navigator.geolocation.getCurrentPosition(
        function (position) {
          form.querySelector("input[name=lat]").value = position.coords.latitude.toFixed(5);
          form.querySelector("input[name=lon]").value = position.coords.longitude.toFixed(5);
          form.querySelector("input[name=q]").value = "";
          form.submit();
        },
        function () {
          message.textContent = "Uw locatie is niet gevonden. Vul uw postcode in.";
        },
        { timeout: 10000, maximumAge: 600000 }
      );
    });
  }

  function setUpMap() {
    var element = document.getElementById("kaart");
    var data = document.getElementById("kaart-data");
    if (!element || !data || !window.L) return;
    var points = JSON.parse(data.textContent);
    if (!points.length) return;
    element.hidden = false;
    var map = window.L.map(element, { scrollWheelZoom: false });
    window.L.tileLayer(
      "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png",
      { maxZoom: 19, attribution: "Kaartgegevens &copy; Kadaster" }
    ).addTo(map);
    var bounds = [];
    points.forEach(function (p) {
      var marker = window.L.marker([p.lat, p.lon], { title: p.naam, alt: p.naam }).addTo(map);
      var popup = document.createElement("div");
      var link = document.createElement("a");
      link.href = p.url;
      link.textContent = p.naam;
      var status = document.createElement("p");
      status.textContent = p.status;
      popup.appendChild(link);
      popup.appendChild(status);
      marker.bindPopup(popup);
      bounds.push([p.lat, p.lon]);
    });
    map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 });
  }

  setUpLocation();
  if (document.readyState === "complete") {
    setUpMap();
  } else {
    window.addEventListener("load", setUpMap);
  }
})();
