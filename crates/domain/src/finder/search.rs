//! The directory's use case: anyone, signed in or not, searches every organization's listed
//! groups. Nothing about the person or the search is stored.

use super::geo::Gazetteer;
use super::hit::{DirectoryPage, DirectoryResult};
use super::input::{DirectoryInput, PAGE_SIZE};
use super::query::DirectoryQuery;
use super::reasons::reasons;
use crate::auth::Actor;
use crate::policy::{authorize, Access};
use crate::{Error, Store};

/// Parses the input and runs it: a page of results, or `Invalid` naming each parameter.
pub async fn search(
    store: &dyn Store,
    actor: &Actor,
    places: &dyn Gazetteer,
    input: &DirectoryInput,
) -> Result<(DirectoryQuery, DirectoryPage), Error> {
    authorize(actor, Access::Public)?;
    let query = input.parse(places).map_err(Error::Invalid)?;
    let page = run(store, &query).await?;
    Ok((query, page))
}

/// Runs a checked query.
pub async fn run(store: &dyn Store, query: &DirectoryQuery) -> Result<DirectoryPage, Error> {
    let filter = query.filter();
    let mut hits = store.directory_search(&filter).await?;
    // The last page the query accepts links nowhere further, whatever is left.
    let has_next = hits.len() > PAGE_SIZE as usize && query.page < super::MAX_PAGE;
    hits.truncate(PAGE_SIZE as usize);
    let results = hits
        .into_iter()
        .map(|group| DirectoryResult {
            seats_open: group.seats_open(),
            reasons: reasons(&group, query),
            group,
        })
        .collect();
    Ok(DirectoryPage {
        results,
        page: query.page,
        has_next,
        query: query.query_string(1),
        place: query.place.clone(),
        within_km: query.place.as_ref().map(|_| query.within_km),
    })
}
