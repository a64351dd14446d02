//! Whether appends write anything. Always, except in a benchmark built with the `bench`
//! feature, which measures the cost of the audit trail by turning it off
//! (`Database::set_audit_enabled`). The switch is process-wide: appends get only a
//! connection, and a benchmark runs one database per process.

#[cfg(feature = "bench")]
static ENABLED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(true);

#[cfg(feature = "bench")]
pub(crate) fn enabled() -> bool {
    ENABLED.load(std::sync::atomic::Ordering::Relaxed)
}

#[cfg(not(feature = "bench"))]
pub(crate) const fn enabled() -> bool {
    true
}

#[cfg(feature = "bench")]
pub(crate) fn set_enabled(on: bool) {
    ENABLED.store(on, std::sync::atomic::Ordering::Relaxed);
}
