//! The server's one integration-test binary: the real router, in-process, on every backend
//! (SQLite always, PostgreSQL when `KINDRED_TEST_POSTGRES_URL` is set).
// Tests fail loudly: an unwrap that fails is a failed assertion with a line number.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

mod accounts;
mod agreements;
mod attendance;
mod audit;
mod bad_input;
mod browser;
mod cli;
mod demo;
mod directory;
mod enrollment;
mod intake;
mod isolation;
mod keys;
mod malformed;
mod meeting_guide;
mod notes;
mod openapi;
mod org_pages;
mod orgs;
mod policy;
mod policy_routes;
mod room_socket;
mod rooms;
mod schedules;
mod screening;
mod security;
mod sessions;
mod setup;
mod shutdown;
mod techniques;
mod throttle;
mod tokens;
