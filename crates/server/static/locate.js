// "Use my position" for the directory's search form. Without JavaScript the page works the
// same: people type a city, a ZIP code or coordinates. The position goes into the form's
// latitude and longitude fields only; it is sent when the person searches, never before.
const slot = document.querySelector("[data-locate]");
const lat = document.getElementById("lat");
const lon = document.getElementById("lon");
if (slot && lat && lon && "geolocation" in navigator) {
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = "Use my position";
  const status = document.createElement("span");
  status.setAttribute("role", "status");
  button.addEventListener("click", () => {
    status.textContent = "Finding your position…";
    navigator.geolocation.getCurrentPosition(
      (position) => {
        lat.value = position.coords.latitude.toFixed(4);
        lon.value = position.coords.longitude.toFixed(4);
        status.textContent = "Position filled in. Press Search.";
      },
      () => {
        status.textContent = "Your position is not available. Type a city or ZIP code instead.";
      },
      { enableHighAccuracy: false, timeout: 10000, maximumAge: 600000 },
    );
  });
  slot.append(button, " ", status);
}
