//! Getting a cook's attention on a phone: a tone synthesised with Web Audio (no file to fetch),
//! vibration, a system notification when the reader allowed it, and the page title. The device
//! calls are in `device.js`; every one tolerates a browser without the API: the visible,
//! announced message in the card is the floor.

use super::browser::PageCell;
use super::dom;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/web/device.js")]
extern "C" {
    /// Creates or resumes the audio context. Call from a click: browsers only allow sound after one.
    #[wasm_bindgen(js_name = unlockAudio)]
    pub fn unlock_audio();
    /// Three short beeps, rising on "done". Silent where audio was never unlocked.
    pub fn beep(done: bool);
    /// A buzz where the device has a vibration motor and the browser allows it.
    pub fn vibrate();
    /// Whether asking for notifications would prompt the reader (they have not answered yet).
    #[wasm_bindgen(js_name = canAsk)]
    pub fn can_ask() -> bool;
    #[wasm_bindgen(js_name = askPermission)]
    fn ask_permission(then: &JsValue);
    /// A system notification, when the reader has granted permission.
    pub fn notify(title: &str, body: &str);
}

/// Asks for permission: only ever called from the reader's click on "Notify me".
pub fn request_notifications(then: impl FnMut() + 'static) {
    ask_permission(&super::browser::once(then));
}

/// The page's own title, and each card's timer headline for it: card id, urgency, text.
type Titles = (Option<String>, Vec<(u32, u64, String)>);

static TITLE: PageCell<Titles> = PageCell(RefCell::new((None, Vec::new())));

/// Sets this card's line for the page title (`None` to withdraw it); the title shows the most
/// urgent card's, ahead of the page's own title, and goes back to it when no timer runs.
pub fn title(card: u32, headline: Option<(u64, String)>) {
    let Ok(mut t) = TITLE.0.try_borrow_mut() else {
        return;
    };
    let (original, lines) = &mut *t;
    lines.retain(|l| l.0 != card);
    if let Some((urgency, text)) = headline {
        lines.push((card, urgency, text));
    }
    if original.is_none() {
        if lines.is_empty() {
            return;
        }
        *original = Some(dom::title());
    }
    let page = original.clone().unwrap_or_default();
    // The most urgent line, the first of equals.
    let mut top: Option<&(u32, u64, String)> = None;
    for l in lines.iter() {
        if top.is_none_or(|t| l.1 < t.1) {
            top = Some(l);
        }
    }
    match top {
        Some((_, _, text)) => dom::set_title(&[text.as_str(), " · ", &page].concat()),
        None => {
            dom::set_title(&page);
            *original = None;
        }
    }
}
