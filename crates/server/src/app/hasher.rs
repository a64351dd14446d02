use std::sync::Arc;

use kindred_domain::accounts::{Password, PasswordHash, PasswordHasher};
use kindred_domain::Error;
use tokio::sync::Semaphore;

/// Runs argon2 on the blocking pool. Each hash takes 19 MiB, so a semaphore bounds how many
/// run at once: a burst of sign-ins queues instead of exhausting memory.
pub struct BlockingHasher {
    permits: Arc<Semaphore>,
}

impl BlockingHasher {
    pub fn new(concurrent: usize) -> Self {
        Self {
            permits: Arc::new(Semaphore::new(concurrent.max(1))),
        }
    }
}

impl Default for BlockingHasher {
    fn default() -> Self {
        Self::new(std::thread::available_parallelism().map_or(2, |n| n.get() * 2))
    }
}

#[async_trait::async_trait]
impl PasswordHasher for BlockingHasher {
    async fn hash(&self, password: Password) -> Result<PasswordHash, Error> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|_| Error::Storage("hasher closed".into()))?;
        tokio::task::spawn_blocking(move || password.hash())
            .await
            .map_err(|_| Error::Storage("hashing task failed".into()))?
    }

    async fn verify(&self, password: Password, hash: PasswordHash) -> bool {
        let Ok(_permit) = self.permits.acquire().await else {
            return false;
        };
        tokio::task::spawn_blocking(move || password.verify(&hash))
            .await
            .unwrap_or(false)
    }
}
