//! Small pieces of the browser the card needs and `std` (absent from the wasm) would otherwise
//! give: the wall clock, and a card's one listener, which also calls it on a running timer's
//! ticks. No wasm-bindgen closure: `dom.js` calls the wasm's exported [`super::event`] with the
//! card's number and the event's kind.

use crate::timer::Clock;
use wasm_bindgen::prelude::*;

/// The browser's wall clock.
pub struct BrowserClock;

impl Clock for BrowserClock {
    fn now(&self) -> u64 {
        date_now() as u64
    }
}

#[wasm_bindgen]
extern "C" {
    /// `Date.now`, declared here rather than through js-sys.
    #[wasm_bindgen(js_namespace = Date, js_name = now)]
    fn date_now() -> f64;
}

#[wasm_bindgen(module = "/src/web/dom.js")]
extern "C" {
    /// Makes a card in `dom.js` (the current card, [`super::dom::card`]) in the root that
    /// `entry.js` handed it (`hold`), with its recipe's `name` (its storage keys,
    /// [`super::dom::load`]), and calls `event(card, kind)` for its events: its root's `input`
    /// (kind 0), `click` (1) and `change` (2), and the page's `visibilitychange` (3). `event`
    /// is the wasm's export [`super::event`], which `entry.js` handed `dom.js` with the root.
    /// Returns the card's number (the lowest one free).
    #[wasm_bindgen(js_name = listen)]
    fn listen_at(p: i32, n: i32) -> i32;
    /// For the current card: calls `event(card, 4)` (a running timer's redraw) every `ms` from
    /// now on (the same `ms` as before changes nothing); 0 stops the ticks, and [`OFF`] also
    /// the listening, and `dom.js` forgets the card.
    pub fn tick(ms: i32);
}

/// [`listen_at`], with the recipe's `name` as its address and length (the rule in `dom.rs`).
#[inline]
pub fn listen(name: &str) -> i32 {
    listen_at(name.as_ptr() as i32, name.len() as i32)
}

/// [`tick`]'s `ms` that stops a card's ticks and removes its listener.
pub const OFF: i32 = -1;
