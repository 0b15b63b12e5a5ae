//! Small pieces of the browser the card needs and `std` (absent from the wasm) would otherwise
//! give: the wall clock and a `setInterval` that cancels on drop.

use crate::timer::Clock;
use alloc::boxed::Box;
use wasm_bindgen::prelude::*;

/// A JS callback given a value and a number: an event's target and kind (`dom::listen`); timers
/// and one-shot callbacks get neither. One closure type for all: each type brings its own glue
/// and invoke shim. No string crosses: no decoding in the invoke shim.
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
    #[wasm_bindgen(js_name = setInterval)]
    fn set_interval(f: &Callback, ms: u32) -> f64;
    #[wasm_bindgen(js_name = clearInterval)]
    fn clear_interval(id: f64);
}

/// A `setInterval`, cleared when dropped: replacing one in the card's state cancels the old one.
pub struct Timer {
    /// A number, but not always a small one (fake clocks start at 10^12): never an `i32`.
    id: f64,
    _callback: Callback,
}

impl Timer {
    /// `f` boxed by the caller: one `Closure` machinery for every timer, not one per closure type.
    pub fn new(ms: u32, mut f: Box<dyn FnMut()>) -> Timer {
        let callback = Callback::new(move |_, _| f());
        Timer {
            id: set_interval(&callback, ms),
            _callback: callback,
        }
    }
}

impl Drop for Timer {
    fn drop(&mut self) {
        clear_interval(self.id)
    }
}
