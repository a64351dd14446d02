//! Every route the server's source declares, read from `src/**/*.rs`: the policy walk
//! compares its table against this list, so a route added to a router but not to the
//! table fails the suite instead of going unchecked.

use std::path::Path;

use axum::http::Method;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct DeclaredRoute {
    pub method: String,
    pub path: String,
}

pub fn declared_routes() -> Vec<DeclaredRoute> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut routes = Vec::new();
    walk(&src, &mut routes);
    routes.sort();
    routes.dedup();
    assert!(
        routes.len() > 10,
        "found only {} routes under {src:?}",
        routes.len()
    );
    routes
}

fn walk(dir: &Path, routes: &mut Vec<DeclaredRoute>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, routes);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(
                !text.contains(".nest("),
                "{path:?} nests a router; teach tests/it/support/routes.rs the prefix"
            );
            scan(&text, routes);
        }
    }
}

/// Finds `.route("<path>", get(..).post(..))` calls, however they are wrapped.
fn scan(text: &str, routes: &mut Vec<DeclaredRoute>) {
    let mut rest = text;
    while let Some(at) = rest.find(".route(") {
        rest = &rest[at + ".route(".len()..];
        let trimmed = rest.trim_start();
        let Some(quoted) = trimmed.strip_prefix('"') else {
            continue;
        };
        let Some(end) = quoted.find('"') else {
            continue;
        };
        let path = &quoted[..end];
        let args = until_close(&quoted[end + 1..]);
        for method in [
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::DELETE,
            Method::PATCH,
        ] {
            let call = format!("{}(", method.as_str().to_ascii_lowercase());
            let found = args.match_indices(&call).any(|(i, _)| {
                i == 0 || !args[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_')
            });
            if found {
                routes.push(DeclaredRoute {
                    method: method.as_str().to_owned(),
                    path: path.to_owned(),
                });
            }
        }
    }
}

/// The text up to the `)` that closes the call whose arguments start here.
fn until_close(text: &str) -> &str {
    let mut depth = 1;
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return &text[..i];
                }
            }
            _ => {}
        }
    }
    text
}
