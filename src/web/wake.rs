//! Cook mode: keep the screen awake with the Screen Wake Lock API, ask again whenever the page
//! comes back into view (browsers release the lock when it is hidden), and say plainly what is true.
//! The API is called from `device.js` (web-sys exposes it only behind unstable flags).

use super::browser::Callback;
use crate::prelude::*;
use wasm_bindgen::prelude::*;

/// What cook mode can honestly say about the screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Wake {
    Off,
    Asking,
    /// The lock is held: the screen stays on.
    On,
    /// The browser released it (the page was hidden); asked again on return.
    Released,
    Unsupported,
    Failed(String),
}

impl Wake {
    /// What the status line says (a reason appended to the first piece when the browser gave
    /// one) and its `data-state`: borrowed pieces, one `String` built by the caller.
    pub fn text(&self) -> (&'static str, &str, &'static str) {
        match self {
            Wake::Off => ("Keeps your screen on while you cook", "", "off"),
            Wake::Asking => ("Asking to keep the screen on…", "", "off"),
            Wake::On => ("Screen stays on", "", "on"),
            Wake::Released => (
                "Screen lock released; it comes back when you return",
                "",
                "off",
            ),
            Wake::Unsupported => (
                "This browser can't keep the screen on: adjust auto-lock in your settings",
                "",
                "unsupported",
            ),
            Wake::Failed(why) => ("Couldn't keep the screen on: ", why, "unsupported"),
        }
    }
}

#[wasm_bindgen(module = "/src/web/device.js")]
extern "C" {
    #[wasm_bindgen(js_name = wake)]
    fn ask(done: &JsValue) -> bool;
    #[wasm_bindgen(js_name = onRelease)]
    fn on_release_js(sentinel: &JsValue, f: &JsValue);
    /// Lets go of the lock.
    pub fn release(sentinel: &JsValue);
}

/// Requests the lock; `done` gets the sentinel or the reason it failed.
pub fn request(done: impl FnOnce(Result<JsValue, String>) + 'static) -> Wake {
    let mut done = Some(done);
    let done = Callback::new(move |sentinel, why: Option<String>| {
        if let Some(done) = done.take() {
            done(why.map_or(Ok(sentinel), Err))
        }
    })
    .into_js_value();
    if ask(&done) {
        Wake::Asking
    } else {
        Wake::Unsupported
    }
}

/// Calls `on_release` when the browser lets go of `sentinel`.
pub fn on_release(sentinel: &JsValue, on_release: impl FnMut() + 'static) {
    on_release_js(sentinel, &super::browser::once(on_release));
}
