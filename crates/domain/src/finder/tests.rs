#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveTime;

use super::*;
use crate::groups::{
    Audience, EnrollmentMode, FocusArea, Format, GroupKind, Language, PaymentOption,
};
use crate::ids::GroupId;
use crate::programs::LevelOfCare;

struct Towns;

impl Gazetteer for Towns {
    fn locate(&self, text: &str) -> Option<Place> {
        (text.eq_ignore_ascii_case("hartford, ct") || text == "06106").then(|| Place {
            latitude: 41.76,
            longitude: -72.68,
            label: "Hartford, CT".into(),
        })
    }
}

fn parse(query: &str) -> Result<DirectoryQuery, crate::FieldErrors> {
    let pairs: Vec<(String, String)> = serde_html_form::from_str(query).unwrap();
    DirectoryInput::from_pairs(pairs).parse(&Towns)
}

#[test]
fn repeated_keys_and_comma_lists_mean_the_same() {
    let a = parse("focus=alcohol_use&focus=anxiety&time=evening").unwrap();
    let b = parse("focus=anxiety,alcohol_use&time=evening").unwrap();
    assert_eq!(a, b);
    assert_eq!(a.focus, [FocusArea::Anxiety, FocusArea::AlcoholUse]);
    assert_eq!(a.times, [TimeOfDay::Evening]);
}

#[test]
fn blank_values_are_absent_and_an_empty_query_asks_for_everything() {
    let q = parse("q=&focus=&led=&near=&within=&page=").unwrap();
    assert_eq!(q, DirectoryQuery::everything());
    assert!(q.is_empty());
    assert_eq!(q.order(), Order::Name);
}

#[test]
fn unknown_parameters_and_values_are_named() {
    let errors =
        parse("colour=blue&focus=alcohol_use,knitting&led=robot&time=noon&page=0").unwrap_err();
    assert!(errors
        .get("colour")
        .unwrap()
        .contains("Unknown filter \"colour\""));
    assert!(errors.get("focus").unwrap().contains("\"knitting\""));
    assert!(errors.get("led").unwrap().contains("peer, clinician"));
    assert!(errors
        .get("time")
        .unwrap()
        .contains("morning, afternoon, evening, weekend"));
    assert!(errors.get("page").is_some());
}

#[test]
fn places_come_from_the_gazetteer_or_coordinates() {
    let q = parse("near=06106&within=10").unwrap();
    let place = q.place.clone().unwrap();
    assert_eq!(place.label, "Hartford, CT");
    assert_eq!(q.within_km, 10.0);
    assert_eq!(q.order(), Order::Distance);
    assert_eq!(q.query_string(1), "near=06106&within=10");

    let q = parse("lat=41.3&lon=-72.9").unwrap();
    assert_eq!(q.within_km, DEFAULT_WITHIN_KM);
    assert_eq!(
        q.query_string(2),
        "lat=41.30000&lon=-72.90000&within=40&page=2"
    );

    let errors = parse("near=Atlantis").unwrap_err();
    assert!(errors
        .get("near")
        .unwrap()
        .contains("could not find \"Atlantis\""));
    assert!(parse("lat=41.3").unwrap_err().get("lon").is_some());
    assert!(parse("lat=91&lon=0").unwrap_err().get("lat").is_some());
    assert!(parse("near=06106&within=0")
        .unwrap_err()
        .get("within")
        .is_some());
    assert!(parse("near=06106&within=abc")
        .unwrap_err()
        .get("within")
        .is_some());
    // Without a place, within has nothing to apply to and is left out of links.
    assert_eq!(parse("within=10").unwrap().query_string(1), "");
}

#[test]
fn single_parameters_given_twice_are_refused() {
    let errors = parse("led=peer&led=clinician").unwrap_err();
    assert_eq!(errors.get("led"), Some("Give this only once."));
    assert!(parse("led=peer&led=peer").is_ok());
}

#[test]
fn text_becomes_plain_words() {
    let q = parse("q=Evening+group+about+ALCOHOL%22+OR+*").unwrap();
    let text = q.text.clone().unwrap();
    assert_eq!(text.terms, ["evening", "alcohol"]);
    assert_eq!(q.order(), Order::Relevance);
    // Only filler words: searched as typed rather than dropped.
    assert_eq!(parse("q=the").unwrap().text.unwrap().terms, ["the"]);
    assert!(parse("q=%21%21%21").unwrap_err().get("q").is_some());
    assert!(parse(&format!("q={}", "a".repeat(201)))
        .unwrap_err()
        .get("q")
        .is_some());
}

#[test]
fn links_keep_the_query_and_change_the_page() {
    let q = parse("q=grief+support&focus=grief&led=peer&format=online&day=tue&seats=open&page=3")
        .unwrap();
    assert_eq!(
        q.query_string(4),
        "q=grief+support&focus=grief&led=peer&format=online&day=tue&seats=open&page=4"
    );
    assert_eq!(parse(&q.query_string(4)).unwrap().page, 4);
    let f = q.filter();
    assert_eq!((f.limit, f.offset), (21, 40));
    assert_eq!(f.focus, bit(FocusArea::Grief));
    assert_eq!(f.formats, bit(Format::Online));
}

#[test]
fn masks_round_trip() {
    let days = [Day::Mon, Day::Sun];
    assert_eq!(mask(&days), 0b100_0001);
    assert_eq!(from_mask::<Day>(mask(&days)), days);
    assert_eq!(mask::<FocusArea>(&[]), 0);
}

#[test]
fn haversine_and_the_box_around_a_circle() {
    // Hartford to New Haven is about 55 km.
    let km = haversine_km(41.7658, -72.6734, 41.3083, -72.9279);
    assert!((54.0..57.0).contains(&km), "{km}");
    assert_eq!(haversine_km(10.0, 10.0, 10.0, 10.0), 0.0);
    let area = Area::around(41.7658, -72.6734, 60.0);
    assert!(area.contains(41.3083, -72.9279));
    assert!(!Area::around(41.7658, -72.6734, 50.0).contains(41.3083, -72.9279));
    // Every point of the circle's edge is inside the box.
    for step in 0..36 {
        let bearing = f64::from(step) * 10.0_f64.to_radians();
        let d = 60.0 / geo::EARTH_RADIUS_KM;
        let (lat1, lon1) = (41.7658_f64.to_radians(), (-72.6734_f64).to_radians());
        let lat2 = (lat1.sin() * d.cos() + lat1.cos() * d.sin() * bearing.cos()).asin();
        let lon2 =
            lon1 + (bearing.sin() * d.sin() * lat1.cos()).atan2(d.cos() - lat1.sin() * lat2.sin());
        let (lat2, lon2) = (lat2.to_degrees(), lon2.to_degrees());
        assert!((area.min_lat..=area.max_lat).contains(&lat2));
        assert!((area.min_lon..=area.max_lon).contains(&lon2));
    }
    // Near a pole the box takes every longitude.
    let polar = Area::around(89.9, 10.0, 50.0);
    assert_eq!((polar.min_lon, polar.max_lon), (-180.0, 180.0));
}

#[test]
fn time_of_day_follows_the_local_start() {
    let at = |h, m| NaiveTime::from_hms_opt(h, m, 0).unwrap();
    assert_eq!(times_of_day(&[Day::Mon], at(11, 59)), [TimeOfDay::Morning]);
    assert_eq!(times_of_day(&[Day::Mon], at(12, 0)), [TimeOfDay::Afternoon]);
    assert_eq!(
        times_of_day(&[Day::Mon], at(16, 59)),
        [TimeOfDay::Afternoon]
    );
    assert_eq!(times_of_day(&[Day::Mon], at(17, 0)), [TimeOfDay::Evening]);
    assert_eq!(
        times_of_day(&[Day::Fri, Day::Sat], at(9, 0)),
        [TimeOfDay::Morning, TimeOfDay::Weekend]
    );
}

fn hit() -> DirectoryHit {
    DirectoryHit {
        id: GroupId::new(),
        name: "Evening Recovery Circle".into(),
        description: String::new(),
        org_name: "Riverside".into(),
        program_name: "Peer support".into(),
        location_name: "Online".into(),
        city: String::new(),
        kind: GroupKind::PeerSupport,
        led: Some(Led::Peer),
        format: Format::Online,
        enrollment: EnrollmentMode::Rolling,
        language: Language::English,
        level_of_care: LevelOfCare::PeerSupport,
        capacity: 10,
        active_members: 7,
        focus_areas: vec![FocusArea::AlcoholUse, FocusArea::Stress],
        payment_options: vec![PaymentOption::Free],
        audiences: vec![Audience::Adults],
        days: vec![Day::Tue],
        times: vec![TimeOfDay::Evening],
        distance_km: None,
    }
}

#[test]
fn reasons_say_why_a_group_fits() {
    let q = parse("focus=alcohol_use&time=evening&payment=free").unwrap();
    assert_eq!(
        reasons::reasons(&hit(), &q),
        [
            "alcohol use",
            "evening",
            "peer-led",
            "online",
            "takes Free",
            "3 seats open"
        ]
    );
    let mut near = hit();
    near.distance_km = Some(4.24);
    near.active_members = 10;
    near.format = Format::InPerson;
    let q = parse("near=06106&seats=waitlist").unwrap();
    assert_eq!(
        reasons::reasons(&near, &q),
        [
            "4.2 km",
            "evening",
            "peer-led",
            "in person",
            "full: waitlist open"
        ]
    );
    assert_eq!(reasons::distance(12.6), "13 km");
}
