//! Cook mode: keep the screen awake with the Screen Wake Lock API, ask again whenever the page
//! comes back into view (browsers release the lock when it is hidden), and say plainly what is true.
//! The API is reached through `Reflect`: web-sys exposes it only behind unstable flags.

use crate::prelude::*;
use js_sys::{Function, Promise, Reflect};
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
    pub fn text(&self) -> String {
        match self {
            Wake::Off => "Keeps your screen on while you cook".into(),
            Wake::Asking => "Asking to keep the screen on…".into(),
            Wake::On => "Screen stays on".into(),
            Wake::Released => "Screen lock released; it comes back when you return".into(),
            Wake::Unsupported => {
                "This browser can't keep the screen on: adjust auto-lock in your settings".into()
            }
            Wake::Failed(why) => ["Couldn't keep the screen on: ", why].concat(),
        }
    }
}

/// `obj[name]` if it is a function.
fn method(obj: &JsValue, name: &str) -> Option<Function> {
    Reflect::get(obj, &name.into())
        .ok()?
        .dyn_into::<Function>()
        .ok()
}

fn wake_lock() -> Option<JsValue> {
    let nav = web_sys::window()?.navigator();
    Reflect::get(&nav, &"wakeLock".into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Requests the lock; `done` gets the sentinel or the reason it failed.
pub fn request(done: impl FnOnce(Result<JsValue, String>) + 'static) -> Wake {
    let Some(api) = wake_lock() else {
        return Wake::Unsupported;
    };
    let call = method(&api, "request")
        .and_then(|f| f.call1(&api, &"screen".into()).ok())
        .and_then(|p| p.dyn_into::<Promise>().ok());
    let Some(promise) = call else {
        return Wake::Unsupported;
    };
    let done = alloc::rc::Rc::new(core::cell::RefCell::new(Some(done)));
    let ok_done = done.clone();
    let ok = Closure::once_into_js(move |sentinel: JsValue| {
        if let Some(f) = ok_done.borrow_mut().take() {
            f(Ok(sentinel));
        }
    });
    let err = Closure::once_into_js(move |e: JsValue| {
        let why = Reflect::get(&e, &"message".into())
            .ok()
            .and_then(|m| m.as_string());
        if let Some(f) = done.borrow_mut().take() {
            f(Err(why.unwrap_or_else(|| "the browser refused".into())));
        }
    });
    then(&promise, &ok, &err);
    Wake::Asking
}

/// `promise.then(ok, err)` with plain JS functions (from `Closure::once_into_js`).
pub fn then(promise: &JsValue, ok: &JsValue, err: &JsValue) {
    if let Some(f) = method(promise, "then") {
        let _ = f.call2(promise, ok, err);
    }
}

/// Calls `on_release` when the browser lets go of `sentinel`.
pub fn on_release(sentinel: &JsValue, on_release: impl FnOnce() + 'static) {
    let handler = Closure::once_into_js(on_release);
    if let Some(add) = method(sentinel, "addEventListener") {
        let _ = add.call2(sentinel, &"release".into(), &handler);
    }
}

/// Lets go of the lock.
pub fn release(sentinel: &JsValue) {
    if let Some(f) = method(sentinel, "release") {
        let _ = f.call0(sentinel);
    }
}
