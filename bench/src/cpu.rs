//! CPU time of a process from `/proc/<pid>/stat` (Linux), so a report can say how much CPU
//! the server and the generator each spent: on a small machine they share the cores.

/// Clock ticks per second of `/proc` times; 100 on every Linux this runs on.
const TICKS_PER_SEC: f64 = 100.0;

/// User + system CPU seconds used so far by `pid` (`None`: this process), if readable.
pub fn cpu_seconds(pid: Option<u32>) -> Option<f64> {
    let path = match pid {
        Some(pid) => format!("/proc/{pid}/stat"),
        None => "/proc/self/stat".to_owned(),
    };
    let stat = std::fs::read_to_string(path).ok()?;
    // The command name (field 2) is in parentheses and may hold spaces: split after it.
    let rest = stat.get(stat.rfind(')')? + 1..)?;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // Fields 14 (utime) and 15 (stime) of the whole line are 12 and 13 after the name.
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / TICKS_PER_SEC)
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_own_cpu_time() {
        let mut x = 0u64;
        for i in 0..5_000_000u64 {
            x = x.wrapping_add(i * i);
        }
        assert!(x > 0);
        assert!(super::cpu_seconds(None).is_some_and(|s| s >= 0.0));
    }
}
