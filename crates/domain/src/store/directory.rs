//! Storage of the public directory: a search over every listed group.

use crate::finder::{DirectoryFilter, DirectoryHit};
use crate::StoreError;

#[async_trait::async_trait]
pub trait DirectoryStore: Send + Sync {
    /// Listed groups (not archived, nor their program or organization) that pass every part
    /// of the filter, in its order, `limit` rows from `offset`.
    async fn directory_search(
        &self,
        filter: &DirectoryFilter,
    ) -> Result<Vec<DirectoryHit>, StoreError>;
}
