//! Small pieces of the browser the card needs and `std` (absent from the wasm) would otherwise
//! give: the wall clock, a card's listener and a `setInterval` that cancels on drop. No
//! wasm-bindgen closure: `dom.js` calls the wasm's exported [`super::event`] with the card's
//! number and the event's kind.

use crate::timer::Clock;
use wasm_bindgen::prelude::*;
use web_sys::{Element, Node};

/// The browser's wall clock.
pub struct BrowserClock;

impl Clock for BrowserClock {
    fn now(&self) -> u64 {
        js_sys::Date::now() as u64
    }
}

#[wasm_bindgen(module = "/src/web/dom.js")]
extern "C" {
    /// Calls `event(card, kind)` for the card's events: its `root`'s `input` (kind 0), `click`
    /// (1) and `change` (2), and the page's `visibilitychange` (3); returns the unlistener, for
    /// [`off`]. `event` is the wasm's export [`super::event`].
    pub fn listen(root: &Node, card: u32, event: &JsValue) -> JsValue;
    /// Stops what [`listen`] started.
    pub fn off(unlisten: &JsValue);
    /// The target of the event being handled.
    pub fn target() -> Element;
    /// `setInterval` calling the handler given to [`listen`] with `(card, kind)` every `ms`.
    fn every(card: u32, ms: u32, kind: u32) -> f64;
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = clearInterval)]
    fn clear_interval(id: f64);
}

/// A `setInterval` calling a card's handler with `kind`, cleared when dropped: replacing one in
/// the card's state cancels the old one.
pub struct Interval(
    /// A number, but not always a small one (fake clocks start at 10^12): never an `i32`.
    f64,
);

impl Interval {
    pub fn new(card: u32, ms: u32, kind: u32) -> Interval {
        Interval(every(card, ms, kind))
    }
}

impl Drop for Interval {
    fn drop(&mut self) {
        clear_interval(self.0)
    }
}
