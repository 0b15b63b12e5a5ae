//! Getting a cook's attention on a phone: a tone synthesised with Web Audio (no file to fetch),
//! vibration, a system notification when the reader allowed it, and the page title. The device
//! calls are in `device.js`; every one tolerates a browser without the API: the visible,
//! announced message in the card is the floor.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/web/device.js")]
extern "C" {
    /// Creates or resumes the audio context. Call from a click: browsers only allow sound after one.
    /// (The wasm's one import from `device.js`, and what makes wasm-bindgen copy that file next to
    /// `dom.js`, which imports the rest of it.)
    #[wasm_bindgen(js_name = unlockAudio)]
    pub fn unlock_audio();
}

/// `device.js`'s functions on the current card's parts, through `dom.js` (no handle crosses).
#[wasm_bindgen(module = "/src/web/dom.js")]
extern "C" {
    /// Beeps again every 4 s, at most 15 times, while the card has alerts, as its latest alert
    /// rings (check now or done; none stops it); `again` starts the count over (new alerts
    /// came due).
    pub fn ring(again: i32);
    /// Sets the card's line for the page title (none to withdraw it): the latest alert's
    /// while the card has one ("⏰ Done: <step>", urgency 0), else "⏱ <time> <title>" for step
    /// `step`'s timer (none when `time` is empty). The title shows the
    /// most urgent (lowest `urgency`) card's, ahead of the page's own title, and goes back to
    /// it when no card has a line.
    #[wasm_bindgen(js_name = title)]
    fn title_at(urgency: f64, p: i32, n: i32, step: i32);
    /// Shows the card's "Notify me" button only while asking for notifications would prompt
    /// the reader (they have not answered yet); with `ask` (only ever from the reader's click
    /// on it), asks first.
    #[wasm_bindgen(js_name = notify)]
    pub fn notify_button(ask: i32);
    /// Cook mode, for the card's switch: on the switch's change (`why` 1), asks for the screen
    /// wake lock or lets it go; when the page comes back into view (2), asks again if the
    /// switch is on and the browser released the lock; when the card goes (0), lets it go.
    /// Its status line says what is true (`data-state` `off`, `on`, `unsupported`).
    pub fn cook(why: i32);
}

/// [`title_at`], with `time` as its address and length (the rule in `dom.rs`).
#[inline]
pub fn title(urgency: f64, time: &str, step: usize) {
    title_at(
        urgency,
        time.as_ptr() as i32,
        time.len() as i32,
        step as i32,
    )
}
