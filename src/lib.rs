//! recipe-card: an interactive recipe card, embeddable on any web page with one script tag.
//!
//! Pure core, thin shell: everything above [`web`] is plain Rust, tested natively with
//! `cargo test`; only the `web` module (compiled for wasm32 alone) touches the DOM.
//! See ARCHITECTURE.md for the map.

pub mod json;
pub mod model;
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
