//! The `kindred` server: command line, web pages, JSON API.
//!
//! Handlers parse raw input, call a domain use case with the actor and `now`, and turn the
//! result into HTML or JSON. They never write SQL and never decide access themselves.

pub mod api;
pub mod app;
pub mod calendar;
pub mod cli;
pub mod demo;
pub mod http;
pub mod pages;
pub mod places;
pub mod rooms;
