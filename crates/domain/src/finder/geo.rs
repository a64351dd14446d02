//! Places and distances: a point, the great-circle distance between two, the box around a
//! circle (what an index can search before the exact distance is checked), and the port to the
//! gazetteer that turns a city or postcode into a point.

/// Mean radius of the Earth in kilometres.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// A position in decimal degrees, with the words people used for it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct Place {
    pub latitude: f64,
    pub longitude: f64,
    /// "Hartford, CT", "06106 (Hartford, CT)" or "your position".
    pub label: String,
}

/// Looks up a city or postcode. Implemented outside the domain (the server ships the data).
pub trait Gazetteer: Send + Sync {
    /// The place people most likely mean by `text`, or `None` when it is unknown.
    fn locate(&self, text: &str) -> Option<Place>;
}

/// A gazetteer that knows no place: for callers that only take coordinates.
pub struct NoPlaces;

impl Gazetteer for NoPlaces {
    fn locate(&self, _text: &str) -> Option<Place> {
        None
    }
}

/// Great-circle distance in kilometres by the haversine formula.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().min(1.0).asin()
}

/// A circle on the map and the latitude/longitude box that contains it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Area {
    pub latitude: f64,
    pub longitude: f64,
    pub within_km: f64,
    pub min_lat: f64,
    pub max_lat: f64,
    pub min_lon: f64,
    pub max_lon: f64,
}

impl Area {
    /// The box is a little larger than the circle, so rounding never drops a group the exact
    /// distance keeps. Near the poles (or across the date line) it widens to every longitude.
    pub fn around(latitude: f64, longitude: f64, within_km: f64) -> Area {
        let margin = 1.001;
        let dlat = (within_km * margin / EARTH_RADIUS_KM).to_degrees();
        let min_lat = (latitude - dlat).max(-90.0);
        let max_lat = (latitude + dlat).min(90.0);
        let widest = min_lat.abs().max(max_lat.abs()).to_radians().cos();
        let (min_lon, max_lon) = if widest <= 1e-6 {
            (-180.0, 180.0)
        } else {
            let dlon = (within_km * margin / (EARTH_RADIUS_KM * widest)).to_degrees();
            if longitude - dlon < -180.0 || longitude + dlon > 180.0 {
                (-180.0, 180.0)
            } else {
                (longitude - dlon, longitude + dlon)
            }
        };
        Area {
            latitude,
            longitude,
            within_km,
            min_lat,
            max_lat,
            min_lon,
            max_lon,
        }
    }

    pub fn contains(&self, latitude: f64, longitude: f64) -> bool {
        haversine_km(self.latitude, self.longitude, latitude, longitude) <= self.within_km
    }
}
