//! The DOM, through the primitives in `dom.js`: one boundary crossing per operation, and none
//! can fail for the card's inputs (constant tag and attribute names, fresh elements), so none
//! returns a `Result`. Text only ever goes in as `textContent` or text nodes, never as markup:
//! recipe text cannot inject HTML.
//!
//! Only numbers cross the boundary, so that wasm-bindgen's glue is an imports object binding
//! each `dom.js` function directly, with no machinery of its own (the wasm's three exports are
//! plain `extern "C"` functions, `super::mount`, whose glue wrappers `tools/trim-glue.mjs` writes):
//! - no `JsValue` in any signature (no JS-side heap): `entry.js` hands `dom.js` the wasm's
//!   `event` export and memory once (`wire`), and each card's root before `mount` or
//!   `showError` (`hold`); tests/web.rs does the same;
//! - text into `dom.js` as its UTF-8 bytes' address and length (the [`raw`] imports, behind
//!   `&str` wrappers), read there (`text`); text out of `dom.js` as its length, then copied in
//!   by [`taken`] (`give` and `take`), as are the recipe's and the error's text for the exports
//!   (`hold` returns their length);
//! - numbers and flags as `i32` (or `u8`), never `u32`, `usize` or `bool` arguments, which the
//!   glue would convert in a shim of their own (`>>> 0`, `!== 0`); `bool` returns are fine.

use crate::prelude::*;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/web/dom.js")]
extern "C" {
    /// Card `id` (made by [`super::browser::listen`]) is the one the primitives below act on
    /// from now on: each event starts with it. Returns the card's state as [`keep`] left it,
    /// once (0 for a card that is not there or whose state is out, and nothing changes then).
    pub fn card(id: i32) -> i32;
    /// Keeps card `id`'s state (a `Box<State>`'s address) until [`card`] takes it.
    pub fn keep(id: i32, state: i32);
    /// [`put`] an empty element and build into it until [`shut`].
    pub fn open(spec: u8);
    /// Back out of the element [`open`] went into.
    pub fn shut();
    /// Keeps the newest node (element or text) as the next slot of the list being built
    /// ([`into`]), for [`slot_text`].
    pub fn slot();
    /// Marks the step whose Done box is the event's target as done or not.
    pub fn done(on: i32);
    /// Empties part `k` and builds into it from now on; its slots start over.
    pub fn into(k: u8);
    /// Stores `n` as the servings ([`load`]`("servings")` reads it), and sets the announcer's
    /// text to `n` servings ("6 servings") once it has rested for 700 ms: each call cancels the
    /// one before, so only the resting value is spoken, once per gesture, not per tick.
    pub fn announce(n: i32);
    /// Raises an alert for step `step`, titled as its timer (done when `done`, else check now):
    /// shows "Done: <title>" or "Check now: <title>" with its Dismiss button at the end of the
    /// alerts, in place of the step's earlier alert (the region is assertive, so a new alert is
    /// read out at once), and beeps, notifies ("Timer done" or "Check now", when the reader
    /// allowed it), buzzes and rings on (`device.js`).
    pub fn alert(step: i32, done: i32);
    /// Takes away step `step`'s alert, if it has one, and rings on for the latest left
    /// ([`super::alert::ring`]).
    pub fn dismiss(step: i32);
    /// Starts building in a fresh fragment (the cursor goes into it), for [`place`].
    pub fn fragment();
    /// Replaces the children of the card's root with what was built since [`fragment`].
    pub fn place();
    /// Shows the "on the side" switch when it is `available` (else hides its label), checked
    /// when `on`.
    pub fn side(available: i32, on: i32);
    /// Checks the `i`th of the controls' radios of group `g` and unchecks the others, and shows
    /// the swaps' summary ("Swaps: <chosen>, <chosen>", when the card has swaps) as checked.
    pub fn pick(g: i32, i: i32);
    /// Builds the servings slider (`id=rc-servings`, from `min` to `max`) at the cursor, under
    /// its label, between a − and a + button (`data-step` -1 and 1) and followed by its
    /// number: [`servings`] reaches them all through the slider.
    pub fn slider(min: i32, max: i32);
    /// Shows `n` servings on the slider (its value, and "6 servings" as its spoken value), on
    /// the number after it and the meta's "Serves", and the − and + buttons around them as
    /// disabled at the slider's ends ([`slider`]'s `min` and `max`).
    pub fn servings(n: i32);
    /// What the click that is the current event is on: [`click`]'s kind in the low 3 bits (7
    /// for none of them), and its attribute's value as a number (an empty value reads 0) in the
    /// bits above (`>> 3`). No string crosses.
    pub fn clicked() -> i32;
    /// The number of the event's target's group ([`group`]), from its `name`.
    pub fn group() -> i32;
    /// `<input class part type=checkbox>` (`spec` is `input|class|part`) named for group `g`
    /// ([`group`]), with `value` (a mark's index; 1 for a switch), checked when `on` (not 0).
    pub fn check(spec: u8, g: i32, value: i32, on: i32);
    /// Names the newest element (a control) for its group `g` ([`group`]).
    pub fn name(g: i32);
    /// The event's target's `value` as a whole number (a slider's, or a checkbox's index).
    pub fn number() -> u32;
    /// Whether the event's target is checked.
    #[wasm_bindgen(js_name = isChecked)]
    pub fn is_checked() -> bool;
}

/// The primitives that take text get it as the address and length of its UTF-8 bytes in the
/// wasm's memory, two `i32`s (`text` in `dom.js` reads them, in the call: memory can grow
/// after it), so that wasm-bindgen binds each to its `dom.js` function directly, with no JS
/// shim decoding it on the way. Rule: a `&str` (and a `usize`, `u32` or `bool`) never appears
/// in an import's signature; the `#[inline]` wrappers below keep the `&str` API.
mod raw {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(module = "/src/web/dom.js")]
    extern "C" {
        pub fn put(spec: u8, p: i32, n: i32);
        pub fn say(p: i32, n: i32);
        pub fn set(p: i32, n: i32, q: i32, m: i32);
        #[wasm_bindgen(js_name = slotText)]
        pub fn slot_text(p: i32, n: i32);
        pub fn shaped(k: u8, p: i32, n: i32) -> bool;
        pub fn clock(step: i32, p: i32, n: i32, q: i32, m: i32);
        pub fn timer(step: i32, state: u8, p: i32, n: i32);
        pub fn warn(p: i32, n: i32);
        pub fn store(p: i32, n: i32, q: i32, m: i32);
        pub fn refuse(p: i32, n: i32);
        #[wasm_bindgen(js_name = hostAttr)]
        pub fn host_attr(p: i32, n: i32) -> i32;
        #[wasm_bindgen(js_name = query)]
        pub fn param(p: i32, n: i32) -> i32;
        pub fn load(p: i32, n: i32) -> i32;
        pub fn chose(p: i32, n: i32) -> i32;
        pub fn take(p: i32);
    }
}

/// Text from `dom.js`, the other way: a primitive that answers with text (or none) returns its
/// length in UTF-8 bytes (-1 for none, `give` in `dom.js`), and [`raw::take`] then copies the
/// bytes into the `String` made here for them. So the glue passes no string to the wasm: no
/// encoder, no allocator export, no return slot (the rule, with [`raw`]'s: only numbers cross).
pub fn taken(n: i32) -> Option<String> {
    if n < 0 {
        return None;
    }
    let mut bytes = Vec::with_capacity(n as usize);
    raw::take(bytes.as_mut_ptr() as i32);
    // SAFETY: `take` wrote `n` bytes there, `TextEncoder`'s UTF-8.
    unsafe {
        bytes.set_len(n as usize);
        Some(String::from_utf8_unchecked(bytes))
    }
}

/// The index of the radio that is the event's target among its group's, in the order they
/// were built; its `value` is stored under `what` ([`store`]).
#[inline]
pub fn chose(what: &str) -> i32 {
    raw::chose(at(what), len(what))
}

/// `text`'s address in the wasm's memory, for [`raw`].
#[inline(always)]
fn at(text: &str) -> i32 {
    text.as_ptr() as i32
}

/// `text`'s length in bytes, for [`raw`].
#[inline(always)]
fn len(text: &str) -> i32 {
    text.len() as i32
}

/// `<tag class part>` holding `text`, appended to the open element; `spec` is one of
/// [`specs`]. The card keeps it in `dom.js` under `spec` (the last of each), so the parts
/// that change later are named by their spec: no handle crosses.
#[inline]
pub fn put(spec: u8, text: &str) {
    raw::put(spec, at(text), len(text))
}

/// A text node appended to the open element.
#[inline]
pub fn say(text: &str) {
    raw::say(at(text), len(text))
}

/// Sets an attribute of the newest element.
#[inline]
pub fn set(name: &str, value: &str) {
    raw::set(at(name), len(name), at(value), len(value))
}

/// Sets the text of the next slot of the list [`shaped`] last found in its shape, when it
/// differs (`dom.js` counts the slots).
#[inline]
pub fn slot_text(text: &str) {
    raw::slot_text(at(text), len(text))
}

/// Whether list `k` shows `shape` (`super::lists`), its slots then set from the first on
/// ([`slot_text`]); when it does not, it is emptied to be built anew at the cursor, in that
/// shape.
#[inline]
pub fn shaped(k: u8, shape: &str) -> bool {
    raw::shaped(k, at(shape), len(shape))
}

/// Builds step `step`'s timer at the cursor, titled `title` ("Timer: <title>"), showing the
/// step's `duration`, with its time, status, one button and Reset; the group keeps its
/// title for [`timer`], [`alert`] and the page title.
#[inline]
pub fn clock(step: usize, title: &str, duration: &str) {
    raw::clock(
        step as i32,
        at(title),
        len(title),
        at(duration),
        len(duration),
    )
}

/// Shows step `step`'s timer ([`clock`]) in `state` (idle, paused, running, running until
/// a check, check now, done: `TIMER` in `dom.js` says what each shows): its `data-state`,
/// its time and status, its one button (named "<action> timer: <title>", hidden when there
/// is none) and Reset (hidden while idle).
#[inline]
pub fn timer(step: usize, state: u8, time: &str) {
    raw::timer(step as i32, state, at(time), len(time))
}

/// `console.warn`, prefixed `<recipe-card>`.
#[inline]
pub fn warn(message: &str) {
    raw::warn(at(message), len(message))
}

/// Stores `value` where [`load`] finds it.
#[inline]
pub fn store(what: &str, value: &str) {
    raw::store(at(what), len(what), at(value), len(value))
}

/// Keeps `message`: why [`super::mount`] refused a recipe.
#[inline]
pub fn refuse(message: &str) {
    raw::refuse(at(message), len(message))
}

/// An attribute of the card's host element.
#[inline]
pub fn host_attr(name: &str) -> Option<String> {
    taken(raw::host_attr(at(name), len(name)))
}

/// The value of `name` in the page's query string (`?servings=6&units=us`), undecoded: the
/// first field whose key is exactly `name` (tests/e2e/query.test.mjs).
#[inline]
pub fn param(name: &str) -> Option<String> {
    taken(raw::param(at(name), len(name)))
}

/// What localStorage holds for the current card's recipe under `what`, at the key
/// `recipe-card:<what>:<recipe name>` (`recipe-card:units` for every recipe); every failure
/// reads as nothing stored.
#[inline]
pub fn load(what: &str) -> Option<String> {
    taken(raw::load(at(what), len(what)))
}

/// The elements the card is built of, as [`put`] and [`open`] take them: each is the index of
/// its `tag|class|part` in `SPECS` in `dom.js` (same order; trailing empty pieces left off). A
/// number crosses instead of a string, and the class and part names sit in the glue next to the
/// stylesheet that names them too.
pub mod specs {
    pub const SECTION_TITLE: u8 = 0;
    pub const HEAD: u8 = 1;
    pub const TITLE: u8 = 2;
    pub const BYLINE: u8 = 3;
    pub const INTRO: u8 = 4;
    pub const META: u8 = 5;
    pub const META_ITEM: u8 = 6;
    pub const DT: u8 = 7;
    pub const DD: u8 = 8;
    pub const TIPS: u8 = 9;
    pub const TIP_LIST: u8 = 10;
    pub const PAIRINGS: u8 = 11;
    pub const PAIRING_LIST: u8 = 12;
    pub const LI: u8 = 13;
    pub const STORAGE: u8 = 14;
    pub const STORAGE_LIST: u8 = 15;
    pub const DIV: u8 = 16;
    pub const FAQ: u8 = 17;
    pub const FAQ_ITEM: u8 = 18;
    pub const FAQ_QUESTION: u8 = 19;
    pub const FAQ_ANSWER: u8 = 20;
    pub const LEGEND: u8 = 21;
    pub const LABEL: u8 = 22;
    #[allow(dead_code)]
    pub const SERVINGS: u8 = 23;
    #[allow(dead_code)]
    pub const SERVINGS_BUTTON: u8 = 24;
    #[allow(dead_code)]
    pub const SERVINGS_SLIDER: u8 = 25;
    #[allow(dead_code)]
    pub const SERVINGS_VALUE: u8 = 26;
    pub const CARD: u8 = 27;
    pub const CONTROLS: u8 = 28;
    pub const UNITS: u8 = 29;
    pub const UNITS_OPTION: u8 = 30;
    pub const SPICE: u8 = 31;
    pub const SPICE_OPTION: u8 = 32;
    pub const SIDE: u8 = 33;
    pub const SIDE_SWITCH: u8 = 34;
    pub const SWAPS: u8 = 35;
    pub const SWAPS_SUMMARY: u8 = 36;
    pub const SWAP: u8 = 37;
    pub const SWAP_OPTION: u8 = 38;
    pub const COOK_MODE: u8 = 39;
    pub const SWITCH: u8 = 40;
    pub const COOK_MODE_SWITCH: u8 = 41;
    pub const COOK_MODE_STATUS: u8 = 42;
    pub const ANNOUNCER: u8 = 43;
    pub const INGREDIENTS: u8 = 44;
    pub const NOTES: u8 = 45;
    pub const INGREDIENT_LIST: u8 = 46;
    pub const STEPS: u8 = 47;
    pub const TIMER_NOTIFY: u8 = 48;
    pub const STEP_LIST: u8 = 49;
    pub const ALERTS: u8 = 50;
    pub const NOTE: u8 = 51;
    // An alert and a timer are built by `alert` and `clock` in dom.js itself.
    #[allow(dead_code)]
    pub const ALERT: u8 = 52;
    #[allow(dead_code)]
    pub const P: u8 = 53;
    #[allow(dead_code)]
    pub const ALERT_DISMISS: u8 = 54;
    pub const ERROR_CARD: u8 = 55;
    pub const ERROR_TITLE: u8 = 56;
    pub const ERROR_DETAIL: u8 = 57;
    pub const INGREDIENT: u8 = 58;
    pub const INGREDIENT_LABEL: u8 = 59;
    pub const INGREDIENT_CHECK: u8 = 60;
    pub const AMOUNT_TEXT: u8 = 61;
    pub const AMOUNT: u8 = 62;
    pub const ITEM: u8 = 63;
    pub const PREP: u8 = 64;
    pub const TIP: u8 = 65;
    pub const STEP: u8 = 66;
    pub const STEP_TITLE: u8 = 67;
    pub const STEP_TEXT: u8 = 68;
    pub const REF: u8 = 69;
    pub const STEP_NOTE: u8 = 70;
    pub const STEP_DONE: u8 = 71;
    pub const STEP_DONE_CHECK: u8 = 72;
    #[allow(dead_code)]
    pub const TIMER: u8 = 73;
    #[allow(dead_code)]
    pub const STEP_TIME: u8 = 74;
    #[allow(dead_code)]
    pub const TIMER_TIME: u8 = 75;
    #[allow(dead_code)]
    pub const TIMER_STATUS: u8 = 76;
    #[allow(dead_code)]
    pub const TIMER_BUTTON: u8 = 77;
    #[allow(dead_code)]
    pub const TIMER_RESET: u8 = 78;
}

/// The card's controls' groups, by their number in `dom.js` (`NAMES`): a control's `name` is
/// `rc-<group>`, `rc-swap-<i>` for swap `i`'s radios.
pub mod group {
    /// The slider (no name).
    pub const NONE: i32 = -1;
    pub const UNITS: i32 = 0;
    pub const SPICE: i32 = 1;
    pub const SIDE: i32 = 2;
    pub const COOK: i32 = 3;
    pub const GOT: i32 = 4;
    pub const DONE: i32 = 5;
    /// Swap `i`'s radios are group `SWAP + i`.
    pub const SWAP: i32 = 6;
}

/// What a click is on, as [`clicked`] says: the first of these (in this order) whose `data-…`
/// attribute the clicked element or an ancestor has (`ACTS` in `dom.js`, same order).
pub mod click {
    /// A − or + button (`data-step`, -1 or 1).
    pub const STEP: i32 = 0;
    /// A timer's one button (`data-timer`, its step).
    pub const TIMER: i32 = 1;
    /// A timer's Reset (`data-reset`, its step).
    pub const RESET: i32 = 2;
    /// An alert's Dismiss (`data-dismiss`, its step).
    pub const DISMISS: i32 = 3;
    /// The Notify me button (`data-notify`).
    pub const NOTIFY: i32 = 4;
}
