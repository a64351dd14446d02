use std::process::ExitCode;

/// Requests allocate many small, short-lived values (rows, strings, rendered pages); mimalloc
/// serves them with per-thread free lists where glibc's allocator contends on shared arenas.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    kindred_server::cli::main()
}
