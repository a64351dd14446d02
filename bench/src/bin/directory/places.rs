//! Where the seeded groups are: 40 US metro areas, weighted by size.

use crate::rng::Rng;

/// Metro areas groups cluster around: (name, state, lat, lon, weight).
pub const METROS: [(&str, &str, f64, f64, u32); 40] = [
    ("New York", "NY", 40.7128, -74.0060, 20),
    ("Los Angeles", "CA", 34.0522, -118.2437, 13),
    ("Chicago", "IL", 41.8781, -87.6298, 9),
    ("Houston", "TX", 29.7604, -95.3698, 7),
    ("Phoenix", "AZ", 33.4484, -112.0740, 5),
    ("Philadelphia", "PA", 39.9526, -75.1652, 6),
    ("San Antonio", "TX", 29.4241, -98.4936, 3),
    ("San Diego", "CA", 32.7157, -117.1611, 4),
    ("Dallas", "TX", 32.7767, -96.7970, 7),
    ("Austin", "TX", 30.2672, -97.7431, 3),
    ("Jacksonville", "FL", 30.3322, -81.6557, 2),
    ("Columbus", "OH", 39.9612, -82.9988, 3),
    ("Charlotte", "NC", 35.2271, -80.8431, 3),
    ("Indianapolis", "IN", 39.7684, -86.1581, 3),
    ("San Francisco", "CA", 37.7749, -122.4194, 6),
    ("Seattle", "WA", 47.6062, -122.3321, 5),
    ("Denver", "CO", 39.7392, -104.9903, 4),
    ("Washington", "DC", 38.9072, -77.0369, 6),
    ("Boston", "MA", 42.3601, -71.0589, 5),
    ("Nashville", "TN", 36.1627, -86.7816, 3),
    ("Detroit", "MI", 42.3314, -83.0458, 4),
    ("Portland", "OR", 45.5152, -122.6784, 3),
    ("Las Vegas", "NV", 36.1699, -115.1398, 3),
    ("Memphis", "TN", 35.1495, -90.0490, 2),
    ("Louisville", "KY", 38.2527, -85.7585, 2),
    ("Baltimore", "MD", 39.2904, -76.6122, 3),
    ("Milwaukee", "WI", 43.0389, -87.9065, 2),
    ("Albuquerque", "NM", 35.0844, -106.6504, 2),
    ("Atlanta", "GA", 33.7490, -84.3880, 6),
    ("Miami", "FL", 25.7617, -80.1918, 6),
    ("Minneapolis", "MN", 44.9778, -93.2650, 4),
    ("Cleveland", "OH", 41.4993, -81.6944, 2),
    ("Pittsburgh", "PA", 40.4406, -79.9959, 2),
    ("St. Louis", "MO", 38.6270, -90.1994, 3),
    ("Salt Lake City", "UT", 40.7608, -111.8910, 2),
    ("Kansas City", "MO", 39.0997, -94.5786, 2),
    ("Hartford", "CT", 41.7658, -72.6734, 2),
    ("New Haven", "CT", 41.3083, -72.9279, 1),
    ("Billings", "MT", 45.7833, -108.5007, 1),
    ("Boise", "ID", 43.6150, -116.2023, 1),
];

/// A metro area, picked in proportion to its weight.
pub fn metro(rng: &mut Rng) -> &'static (&'static str, &'static str, f64, f64, u32) {
    let total: u32 = METROS.iter().map(|m| m.4).sum();
    let mut n = (rng.next() % u64::from(total)) as u32;
    for m in &METROS {
        if n < m.4 {
            return m;
        }
        n -= m.4;
    }
    &METROS[0]
}
