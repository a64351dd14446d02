//! The directory search. The texts differ by backend only in the full-text part (SQLite's
//! FTS5 table, PostgreSQL's tsvector) and are put together from the parts a filter needs, so
//! each variant keeps its index: the text index when words are given, the position index
//! (a latitude/longitude box, then the exact distance) when a place is.
//!
//! Parameters: `$1` focus mask, `$2` led, `$3` formats mask, `$4` language, `$5` days mask,
//! `$6` times mask, `$7` payments mask, `$8` audiences mask, `$9` care mask, `$10` seats,
//! `$11` limit, `$12` offset; then the text query (when words are given); then latitude,
//! longitude, the box (min lat, max lat, min lon, max lon) and the distance in km (when a
//! place is given).

use kindred_domain::finder::{Area, DirectoryFilter, Order};

use crate::Backend;

/// Members taking a seat now.
const ACTIVE: &str = "(SELECT COUNT(*) FROM enrollments e \
     WHERE e.group_id = d.group_id AND e.status = 'active')";

/// The filters every variant applies; a mask or text of 0 or '' asks for anything.
fn filters() -> String {
    format!(
        "($1 = 0 OR (d.focus_mask & $1) <> 0) \
         AND ($2 = '' OR d.led = $2) \
         AND ($3 = 0 OR (d.format_bit & $3) <> 0) \
         AND ($4 = '' OR d.language = $4) \
         AND ($5 = 0 OR (d.day_mask & $5) <> 0) \
         AND ($6 = 0 OR (d.time_mask & $6) <> 0) \
         AND ($7 = 0 OR (d.payment_mask & $7) <> 0) \
         AND ($8 = 0 OR (d.audience_mask & $8) <> 0) \
         AND ($9 = 0 OR (d.care_bit & $9) <> 0) \
         AND ($10 = '' OR ($10 = 'open' AND d.capacity > {ACTIVE}) \
              OR ($10 = 'waitlist' AND d.capacity <= {ACTIVE}))"
    )
}

/// The search for this filter on this backend.
pub(crate) fn search(backend: Backend, filter: &DirectoryFilter) -> String {
    let text = !filter.terms.is_empty();
    let mut next = 13;
    let text_param = if text {
        next += 1;
        format!("${}", next - 1)
    } else {
        String::new()
    };
    let place = filter.area.map(|_| {
        let p: Vec<String> = (next..next + 7).map(|n| format!("${n}")).collect();
        p
    });

    let distance = match &place {
        Some(p) => format!("directory_km({}, {}, d.latitude, d.longitude)", p[0], p[1]),
        None => "CAST(NULL AS DOUBLE PRECISION)".to_owned(),
    };
    let (from, text_where, relevance) = match (backend, text) {
        (_, false) => (
            "directory_entries d".to_owned(),
            String::new(),
            String::new(),
        ),
        (Backend::Sqlite, true) => (
            // The text index drives (CROSS JOIN keeps it outside); with a place, its query
            // also names the grid cells around it (see `fts5_query`).
            "directory_fts CROSS JOIN directory_entries d ON d.entry_id = directory_fts.rowid"
                .to_owned(),
            format!(" AND directory_fts MATCH {text_param}"),
            // Lower is better; the name weighs most, then the focus areas.
            "bm25(directory_fts, 10.0, 4.0, 1.0, 0.0)".to_owned(),
        ),
        (Backend::Postgres, true) => (
            format!("directory_entries d, to_tsquery('english', {text_param}) query"),
            " AND d.document @@ query".to_owned(),
            "-ts_rank(d.document, query)".to_owned(),
        ),
    };
    let place_where = match &place {
        Some(p) => format!(
            " AND d.latitude BETWEEN {} AND {} AND d.longitude BETWEEN {} AND {} \
              AND directory_km({}, {}, d.latitude, d.longitude) <= {}",
            p[2], p[3], p[4], p[5], p[0], p[1], p[6]
        ),
        None => String::new(),
    };
    // Ranking (ties by name, then id): nearest first with a place; the best text match first
    // with words alone; else by name. The text score is only worked out when it ranks.
    let ranked_by_text = filter.order == Order::Relevance && text;
    let relevance = if ranked_by_text {
        relevance
    } else {
        "0".to_owned()
    };
    let mut order = Vec::new();
    if filter.order == Order::Distance && place.is_some() {
        order.push("distance_km");
    }
    if ranked_by_text {
        order.push("relevance");
    }
    order.push("sort_name");
    order.push("group_id");
    let inner_order = order.join(", ");
    let outer_order = order
        .iter()
        .map(|c| format!("x.{c}"))
        .collect::<Vec<_>>()
        .join(", ");

    // The page is picked first; members are counted for its rows only.
    format!(
        "SELECT x.group_id, x.name, x.description, x.org_name, x.program_name, \
         x.location_name, x.city, x.kind, x.led, x.format, x.enrollment, x.language, \
         x.level_of_care, x.capacity, \
         (SELECT COUNT(*) FROM enrollments e WHERE e.group_id = x.group_id \
            AND e.status = 'active') AS active_members, \
         x.focus_mask, x.payment_mask, x.audience_mask, x.day_mask, x.time_mask, x.distance_km \
         FROM (SELECT d.group_id, d.name, d.description, d.org_name, d.program_name, \
           d.location_name, d.city, d.kind, d.led, d.format, d.enrollment, d.language, \
           d.level_of_care, d.capacity, d.focus_mask, d.payment_mask, d.audience_mask, \
           d.day_mask, d.time_mask, {distance} AS distance_km, {relevance} AS relevance, \
           d.sort_name AS sort_name \
           FROM {from} WHERE {filters}{text_where}{place_where} \
           ORDER BY {inner_order} LIMIT $11 OFFSET $12) x \
         ORDER BY {outer_order}",
        filters = filters(),
    )
}

/// The words as an FTS5 query: each quoted (they are letters and digits only), all required,
/// in the text columns; with an area, also one of the grid cells that cover its box.
pub(crate) fn fts5_query(terms: &[String], area: Option<&Area>) -> String {
    let words = terms
        .iter()
        .map(|t| format!("\"{}\"", t.replace('"', "")))
        .collect::<Vec<_>>()
        .join(" AND ");
    let words = format!("{{name focus description}} : ({words})");
    match area.and_then(cells) {
        Some(cells) => format!("{words} AND cells : ({})", cells.join(" OR ")),
        None => words,
    }
}

/// Grid sizes in degrees and their token letters, finest first (as in the migration).
const GRIDS: [(f64, char); 3] = [(0.25, 'a'), (1.0, 'b'), (4.0, 'c')];
/// More cells than this and the next coarser grid is used.
const MAX_CELLS: i64 = 30;

/// The cells of the finest grid that cover the area's box in at most `MAX_CELLS`; `None`
/// when even the coarsest needs more (a box around a pole or across the date line).
fn cells(area: &Area) -> Option<Vec<String>> {
    for (size, letter) in GRIDS {
        let index = |degrees: f64, offset: f64| ((degrees + offset) / size).floor() as i64;
        let (x0, x1) = (index(area.min_lon, 180.0), index(area.max_lon, 180.0));
        let (y0, y1) = (index(area.min_lat, 90.0), index(area.max_lat, 90.0));
        if (x1 - x0 + 1) * (y1 - y0 + 1) <= MAX_CELLS {
            let mut out = Vec::new();
            for x in x0..=x1 {
                for y in y0..=y1 {
                    out.push(format!("{letter}{x}y{y}"));
                }
            }
            return Some(out);
        }
    }
    None
}

/// The words as a PostgreSQL `to_tsquery` text: all required.
pub(crate) fn tsquery(terms: &[String]) -> String {
    terms
        .iter()
        .map(|t| {
            t.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
        })
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join(" & ")
}

#[cfg(test)]
mod tests {
    use kindred_domain::fields::Choice;
    use kindred_domain::finder::{bit, Day};
    use kindred_domain::groups::{Audience, FocusArea, Format, PaymentOption};
    use kindred_domain::programs::LevelOfCare;

    const MIGRATIONS: [&str; 2] = [
        include_str!("../../migrations/sqlite/0003_directory.sql"),
        include_str!("../../migrations/postgres/0003_directory.sql"),
    ];

    /// `(facet, code, bit, label)` rows of `directory_codes` as the migration inserts them.
    fn codes(migration: &str) -> Vec<(String, String, i64, String)> {
        migration
            .lines()
            .map(str::trim)
            .filter(|l| l.starts_with("('") && l.contains("', '"))
            .map(|l| {
                let inner = l.trim_start_matches('(').trim_end_matches([',', ';', ')']);
                let parts: Vec<&str> = inner.splitn(4, ", ").collect();
                let text = |s: &str| s.trim_matches('\'').to_owned();
                (
                    text(parts[0]),
                    text(parts[1]),
                    parts[2].parse().unwrap_or(-1),
                    text(parts[3]),
                )
            })
            .collect()
    }

    fn expected<T: Choice + PartialEq>(facet: &str) -> Vec<(String, String, i64)> {
        T::ALL
            .iter()
            .map(|v| (facet.to_owned(), v.code().to_owned(), bit(*v)))
            .collect()
    }

    #[test]
    fn the_grid_cells_cover_the_box_at_the_finest_size_that_stays_small() {
        use kindred_domain::finder::Area;
        // 40 km around Chicago: quarter-degree cells, the centre's among them.
        let near = Area::around(41.8781, -87.6298, 40.0);
        let cells = super::cells(&near).unwrap_or_default();
        let centre = format!(
            "a{}y{}",
            ((-87.6298_f64 + 180.0) / 0.25).floor(),
            ((41.8781_f64 + 90.0) / 0.25).floor()
        );
        assert!(cells.contains(&centre), "{cells:?}");
        assert!(cells.len() <= 30);
        // 500 km: four-degree cells.
        let wide = super::cells(&Area::around(41.8781, -87.6298, 500.0)).unwrap_or_default();
        assert!(wide.iter().all(|c| c.starts_with('c')), "{wide:?}");
        // Across the date line the box takes every longitude: no cells, words only.
        assert!(super::cells(&Area::around(0.0, 179.9, 100.0)).is_none());
        let query = super::fts5_query(&["grief".to_owned()], Some(&near));
        assert!(query.starts_with("{name focus description} : (\"grief\") AND cells : (a"));
    }

    #[test]
    fn the_code_tables_of_both_migrations_match_the_domain_vocabularies() {
        let mut want = expected::<FocusArea>("focus_area");
        want.extend(expected::<PaymentOption>("payment_option"));
        want.extend(expected::<Audience>("audience"));
        want.extend(expected::<Format>("format"));
        want.extend(expected::<LevelOfCare>("care"));
        want.extend(expected::<Day>("day"));
        for migration in MIGRATIONS {
            let rows = codes(migration);
            let got: Vec<(String, String, i64)> = rows
                .iter()
                .map(|(f, c, b, _)| (f.clone(), c.clone(), *b))
                .collect();
            assert_eq!(got, want);
            // Focus labels are searched as text: they must read as the pages show them.
            for (facet, code, _, label) in &rows {
                if facet == "focus_area" {
                    let area = FocusArea::from_code(code).map(|a| a.label());
                    assert_eq!(area, Some(label.as_str()));
                }
            }
        }
    }
}
