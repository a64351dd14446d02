use std::process::ExitCode;

fn main() -> ExitCode {
    kindred_server::cli::main()
}
