//! A process's resident memory from `/proc/<pid>/status` (Linux): the total (`VmRSS`, the
//! figure the target is about) and its anonymous and file-backed parts, which tell heap
//! growth from pages of the SQLite file mapped by the readers.

use std::time::Duration;

use crate::Error;

#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct Rss {
    pub total_kib: u64,
    pub anon_kib: u64,
    pub file_kib: u64,
}

pub fn read(pid: u32) -> Result<Rss, Error> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .map_err(|e| format!("cannot read /proc/{pid}/status: {e}"))?;
    let field = |name: &str| -> Option<u64> {
        let line = status.lines().find(|l| l.starts_with(name))?;
        line.get(name.len()..)?
            .split_whitespace()
            .next()?
            .parse()
            .ok()
    };
    Ok(Rss {
        total_kib: field("VmRSS:").ok_or("no VmRSS in /proc status")?,
        anon_kib: field("RssAnon:").unwrap_or(0),
        file_kib: field("RssFile:").unwrap_or(0),
    })
}

/// Growth from `before` to `after`, in KiB per connection.
#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct PerConnection {
    pub total_kib: f64,
    pub anon_kib: f64,
    pub file_kib: f64,
}

pub fn per_connection(before: Rss, after: Rss, connections: usize) -> PerConnection {
    let n = connections.max(1) as f64;
    let grew = |a: u64, b: u64| (b as f64 - a as f64) / n;
    PerConnection {
        total_kib: grew(before.total_kib, after.total_kib),
        anon_kib: grew(before.anon_kib, after.anon_kib),
        file_kib: grew(before.file_kib, after.file_kib),
    }
}

/// How long the process has been running, from `/proc/<pid>/stat` and `/proc/uptime`.
pub fn age(pid: u32) -> Option<Duration> {
    const TICKS_PER_SEC: f64 = 100.0;
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Field 22 (start time, in ticks since boot) is the 20th after the parenthesised name.
    let rest = stat.get(stat.rfind(')')? + 1..)?;
    let started: f64 = rest.split_whitespace().nth(19)?.parse().ok()?;
    let uptime = std::fs::read_to_string("/proc/uptime").ok()?;
    let up: f64 = uptime.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_secs_f64(
        (up - started / TICKS_PER_SEC).max(0.0),
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_its_own_memory() {
        let rss = super::read(std::process::id()).unwrap();
        assert!(rss.total_kib > 0 && rss.total_kib >= rss.anon_kib);
        assert!(super::age(std::process::id()).is_some_and(|a| a.as_secs() < 3600));
    }
}
