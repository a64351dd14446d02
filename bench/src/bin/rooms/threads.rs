//! CPU time per thread of a process (`/proc/<pid>/task/*/stat`), so a report can tell a
//! server that uses every core from one held back by a single busy thread (a writer).

use std::collections::HashMap;

/// Clock ticks per second of `/proc` times (as in `cpu.rs`).
const TICKS_PER_SEC: f64 = 100.0;

/// Thread id → (name, CPU seconds so far).
pub type Snapshot = HashMap<u32, (String, f64)>;

pub fn snapshot(pid: u32) -> Snapshot {
    let mut out = Snapshot::new();
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return out;
    };
    for task in tasks.flatten() {
        let Some(tid) = task.file_name().to_str().and_then(|t| t.parse().ok()) else {
            continue;
        };
        if let Some(read) = read(pid, tid) {
            out.insert(tid, read);
        }
    }
    out
}

fn read(pid: u32, tid: u32) -> Option<(String, f64)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/task/{tid}/stat")).ok()?;
    let (open, close) = (stat.find('(')?, stat.rfind(')')?);
    let name = stat.get(open + 1..close)?.to_owned();
    let fields: Vec<&str> = stat.get(close + 1..)?.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((name, (utime + stime) / TICKS_PER_SEC))
}

/// The busiest threads between two snapshots, `wall` seconds apart: "name cores" each,
/// busiest first, at most `top`.
pub fn busiest(before: &Snapshot, after: &Snapshot, wall: f64, top: usize) -> Vec<String> {
    let mut used: Vec<(f64, &str)> = after
        .iter()
        .map(|(tid, (name, secs))| {
            let earlier = before.get(tid).map_or(0.0, |(_, s)| *s);
            ((secs - earlier) / wall.max(1e-9), name.as_str())
        })
        .filter(|(cores, _)| *cores >= 0.005)
        .collect();
    used.sort_by(|a, b| b.0.total_cmp(&a.0));
    used.into_iter()
        .take(top)
        .map(|(cores, name)| format!("{name} {cores:.2}"))
        .collect()
}
