//! recipe-card: an interactive recipe card, embeddable on any web page with one script tag.
//!
//! Pure core, thin shell: everything above [`web`] is plain Rust, tested natively with
//! `cargo test`; only the `web` module (compiled for wasm32 alone) touches the DOM.
//! See ARCHITECTURE.md for the map.

#![cfg_attr(target_arch = "wasm32", no_std)]

extern crate alloc;

pub mod heap;
pub mod json;
pub mod model;
mod prelude;
pub mod progress;
pub mod quantity;
pub mod schema;
pub mod settings;
pub mod template;
pub mod timer;
pub mod validate;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod web;
