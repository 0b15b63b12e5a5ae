//! Small pieces of the browser the card needs and `std` (absent from the wasm) would otherwise
//! give: the wall clock and a `setInterval` that cancels on drop.

use crate::timer::Clock;
use wasm_bindgen::prelude::*;

/// A JS callback given a value and a number: an event's target and kind (`dom::listen`), or a
/// card's tick ([`Interval`]). One closure for all: each closure type brings its own glue and
/// invoke shim. No string crosses: no decoding in the invoke shim.
pub type Callback = Closure<dyn FnMut(JsValue, u32)>;

/// The browser's wall clock.
pub struct BrowserClock;

impl Clock for BrowserClock {
    fn now(&self) -> u64 {
        js_sys::Date::now() as u64
    }
}

#[wasm_bindgen]
extern "C" {
    /// `setInterval(f, ms, target, kind)`: calls `f(target, kind)` every `ms`.
    #[wasm_bindgen(js_name = setInterval)]
    fn set_interval(f: &JsValue, ms: u32, target: u32, kind: u32) -> f64;
    #[wasm_bindgen(js_name = clearInterval)]
    fn clear_interval(id: f64);
}

/// A `setInterval` calling a card's one [`Callback`] with `kind`, cleared when dropped:
/// replacing one in the card's state cancels the old one. No closure of its own.
pub struct Interval(
    /// A number, but not always a small one (fake clocks start at 10^12): never an `i32`.
    f64,
);

impl Interval {
    pub fn new(f: &JsValue, ms: u32, kind: u32) -> Interval {
        Interval(set_interval(f, ms, 0, kind))
    }
}

impl Drop for Interval {
    fn drop(&mut self) {
        clear_interval(self.0)
    }
}
