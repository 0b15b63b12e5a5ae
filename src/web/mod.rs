//! The browser shell: the only module that touches JavaScript. Only numbers cross its boundary
//! (no `JsValue`, no string in a signature: the rules are in `dom.rs`).
//!
//! `www/recipe-card.js` fetches the recipe's text, then calls [`mount`], and [`event`] with
//! [`FREE`] when the element goes. A card is its recipe, the reader's [`Selection`], its timers
//! and its cook-mode marks, all in one [`State`]; every event changes that state and re-renders
//! what depends on it from the pure core (`crate::view`, `crate::timer`), so nothing on screen
//! goes stale.
//!
//! The exports ([`mount`], [`event`], [`show_error`]) are plain `extern "C"` functions taking
//! and returning numbers, not `#[wasm_bindgen]` ones: wasm-bindgen's shim for each spilled a
//! closure's environment to the stack for nothing. `tools/trim-glue.mjs` writes their glue
//! wrappers.

mod alert;
mod browser;
mod dom;
mod lists;
mod render;
#[cfg(feature = "runtime")]
mod runtime;

use crate::model::Recipe;
use crate::prelude::cat;
use crate::progress::Progress;
use crate::quantity::System;
use crate::settings::{self, Source};
use crate::timer::{self, Alert, Timers};
use crate::validate::read;
use crate::view::Selection;
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;
use browser::BrowserClock;
use dom::{group, is_checked, load, store};

/// How often a running timer's display is redrawn. Time itself comes from deadlines.
const TICK_MS: i32 = 250;
/// The events the card listens for (`dom::listen`), by their number.
const INPUT: u32 = 0;
const CLICK: u32 = 1;
const CHANGE: u32 = 2;
const VISIBILITY: u32 = 3;
/// A running timer's redraw ([`tick`]).
const TICK: u32 = 4;
/// The card's element went: the card is freed ([`event`]).
pub const FREE: u32 = 5;

fn warn(message: &str) {
    dom::warn(message);
}

/// A card's state: the one place its choices, timers and marks live.
struct State {
    recipe: Recipe,
    selection: Selection,
    timers: Timers<BrowserClock>,
    progress: Progress,
}

/// Reads the recipe file's tape (its JSON as the browser parsed it, `tape.js`; `recipe` bytes
/// long, which `entry.js` handed `dom.js` with
/// the card's root just before: `hold`; only numbers cross, [`dom::taken`]) and renders it into
/// that root, starting from the URL's, the reader's stored, and the host element's choices, and
/// restoring timers and marks. Returns the card's number, for `event(card, FREE)`.
///
/// Returns 0 when the recipe is refused: `entry.js` then throws an `Error` whose message names
/// the field at fault (`fail` in `dom.js`, outside the wasm: no frame of it is left half done);
/// the caller shows it with [`show_error`] so that one broken card never blanks the page or its
/// neighbours.
#[no_mangle]
pub extern "C" fn mount(recipe: i32) -> i32 {
    let (recipe, problems) = match read(&dom::taken(recipe).unwrap_or_default()) {
        Ok(r) => r,
        Err(e) => {
            dom::refuse(&e.text());
            return 0;
        }
    };
    let mut warnings = Vec::new();
    for p in &problems {
        warnings.push(p.text());
    }
    // One listener for the card's controls (on its root) and the page's visibility; the card
    // is `dom.js`'s current one from here on.
    let id = browser::listen(&recipe.name);
    let selection = initial_selection(&recipe, &mut warnings);
    let mut timers = Timers::for_recipe(&recipe, BrowserClock);
    if let Some(stored) = load("timers") {
        timers.restore(&stored, &mut warnings);
    }
    let mut progress = Progress::new(recipe.ingredients.len(), recipe.steps.len());
    if let Some(stored) = load("progress") {
        progress.restore(&stored, &mut warnings);
    }
    for w in &warnings {
        warn(w);
    }
    render::card(&recipe, &selection, &progress);
    let mut s = Box::new(State {
        recipe,
        selection,
        timers,
        progress,
    });
    tick(&mut s);
    dom::keep(id, Box::into_raw(s) as i32);
    id
}

/// Called by `dom.js` with card `id`'s events and ticks, and by the loader with [`FREE`] when the
/// card's element goes (no closure, no class): takes the card's state from `dom.js`
/// ([`dom::card`]), applies the event, and gives it back ([`dom::keep`]). A number that is no
/// card's, or an event that arrives while the card's state is out, does nothing.
#[no_mangle]
pub extern "C" fn event(id: i32, kind: u32) {
    let p = dom::card(id);
    if p == 0 {
        return;
    }
    // SAFETY: `p` is the state `mount` or the card's last event handed to `dom::keep`, which
    // `dom::card` hands back once (0 until it is kept again, and once the card is freed).
    let mut s = unsafe { Box::from_raw(p as *mut State) };
    if kind == FREE {
        // Its state goes (dropped here), and with it its listener, its ticks, its alerts, its
        // line in the page title, its ringing and its screen lock.
        browser::tick(browser::OFF);
        dom::into(dom::specs::ALERTS);
        alert::title(0.0, "", 0);
        alert::ring(0);
        return alert::cook(0);
    }
    handle(&mut s, kind);
    dom::keep(id, Box::into_raw(s) as i32);
}

/// The reader's starting choices: URL, then stored, then the host element's attributes.
#[inline(never)]
fn initial_selection(recipe: &Recipe, warnings: &mut Vec<String>) -> Selection {
    let mut sel = Selection::default_for(recipe);

    let s = Sources::new("servings");
    sel.servings = settings::servings(recipe, &s.given(), warnings);
    let s = Sources::new("units");
    // With no choice anywhere, the author's own system: the toggle shows what the amounts are in.
    sel.units = settings::units(&s.given(), warnings).or(Some(recipe.units));
    if let Some(sp) = &recipe.spice {
        let s = Sources::new("spice");
        if let Some(i) = settings::choice("spice", &sp.levels, &s.given(), warnings) {
            sel.spice = Some(i);
        }
        sel.side = load("side").as_deref() == Some("1");
    }
    for (i, sw) in recipe.swaps.iter().enumerate() {
        let stored = load(&swap_key(&sw.id));
        let given = [(Source::Stored, stored.as_deref())];
        if let (Some(chosen), Some(slot)) = (
            settings::choice(&sw.id, &sw.options, &given, warnings),
            sel.swaps.get_mut(i),
        ) {
            *slot = chosen;
        }
    }
    sel
}

/// A setting's value in the URL, in storage and in the host element's attribute.
struct Sources {
    url: Option<String>,
    stored: Option<String>,
    attribute: Option<String>,
}

impl Sources {
    /// `name`'s values (stored for the recipe under `name`, or for every recipe: the units).
    fn new(name: &str) -> Self {
        Sources {
            url: dom::param(name),
            stored: load(name),
            attribute: dom::host_attr(name),
        }
    }

    /// In precedence order.
    fn given(&self) -> [settings::Given<'_>; 3] {
        [
            (Source::Url, self.url.as_deref()),
            (Source::Stored, self.stored.as_deref()),
            (Source::Attribute, self.attribute.as_deref()),
        ]
    }
}

/// What the choice of swap `id` is stored under (`swap.<id>`, for the recipe: [`dom::load`]).
fn swap_key(id: &str) -> String {
    cat(&["swap.", id])
}

/// Applies one event from the card's controls (or the page's `visibilitychange`) to its state
/// and re-renders what depends on it.
fn handle(s: &mut State, kind: u32) {
    match kind {
        INPUT if dom::group() == group::NONE => {
            // The slider: the one input without a name.
            set_servings(s, dom::number());
        }
        CLICK => on_click(s),
        CHANGE => on_change(s),
        VISIBILITY => on_visible(s),
        TICK => tick(s),
        _ => {}
    }
}

/// A click, by what the clicked element (or its ancestor) is ([`dom::clicked`]): a − or +
/// button, a timer's button, a timer's Reset, an alert's Dismiss, or Notify me.
fn on_click(s: &mut State) {
    let hit = dom::clicked();
    let (what, n) = (hit & 7, hit >> 3);
    let step = n as usize;
    match what {
        dom::click::STEP => {
            let v = s.selection.servings;
            let v = if n < 0 {
                v.saturating_sub(1)
            } else {
                v.saturating_add(1)
            };
            set_servings(s, v)
        }
        dom::click::TIMER => {
            alert::unlock_audio();
            s.timers.toggle(step);
            save_timers(s);
            tick(s)
        }
        dom::click::RESET => {
            s.timers.reset(step);
            save_timers(s);
            dom::dismiss(n);
            tick(s)
        }
        dom::click::DISMISS => {
            dom::dismiss(n);
            update_title(s)
        }
        dom::click::NOTIFY => alert::notify_button(1),
        _ => {}
    }
}

fn on_change(s: &mut State) {
    let (g, on) = (dom::group(), is_checked());
    if g == group::GOT || g == group::DONE {
        let marks = if g == group::GOT {
            &mut s.progress.got
        } else {
            &mut s.progress.done
        };
        if let Some(m) = marks.get_mut(dom::number() as usize) {
            *m = on;
        }
        if g == group::DONE {
            dom::done(on as i32);
        }
        store("progress", &s.progress.encode());
        return;
    }
    if g == group::COOK {
        return alert::cook(1);
    }
    // A radio: its index among its group's (built in the list's order), its value stored.
    if g == group::UNITS {
        // The radios are US, then metric.
        s.selection.units = Some(if dom::chose("units") == 1 {
            System::Metric
        } else {
            System::Us
        });
    } else if g == group::SPICE {
        s.selection.spice = Some(dom::chose("spice") as usize);
    } else if g == group::SIDE {
        s.selection.side = on;
        store("side", if on { "1" } else { "0" });
    } else if g >= group::SWAP {
        let i = (g - group::SWAP) as usize;
        let (Some(sw), Some(slot)) = (s.recipe.swaps.get(i), s.selection.swaps.get_mut(i)) else {
            return;
        };
        *slot = dom::chose(&swap_key(&sw.id)) as usize;
    } else {
        return;
    }
    redraw(s)
}

fn redraw(s: &mut State) {
    render::refresh(&s.recipe, &s.selection, &s.progress);
    render::timers(&s.timers);
}

/// Shows `n` servings (brought into the recipe's range) at once, stores it, and announces it
/// once the value rests. `max` and `min`, not `clamp`: no panic path (the reader checked
/// `min <= max`).
fn set_servings(s: &mut State, n: u32) {
    let n = n.max(s.recipe.servings.min).min(s.recipe.servings.max);
    if n == s.selection.servings {
        return;
    }
    s.selection.servings = n;
    redraw(s);
    dom::announce(n as i32);
}

fn save_timers(s: &State) {
    store("timers", &s.timers.encode());
}

/// Redraws the timers, raises the alerts that came due, and updates the page title.
fn tick(s: &mut State) {
    if s.timers
        .due_each(|step, kind| dom::alert(step as i32, (kind == Alert::Done) as i32))
    {
        save_timers(s);
    }
    render::timers(&s.timers);
    update_title(s);
    // Redrawn every `TICK_MS` while a timer runs (a hidden tab may slow this; deadlines keep
    // time), through the card's one listener.
    browser::tick(if s.timers.any_running() { TICK_MS } else { 0 });
}

/// This card's line for the page title: the soonest running timer, unless an alert waits
/// (`dom.js` then shows the latest alert's line, [`alert::title`]).
fn update_title(s: &State) {
    match s.timers.soonest() {
        Some((step, left)) => alert::title(left as f64, &timer::clock_text(left, true), step),
        None => alert::title(0.0, "", 0),
    }
}

/// The page came back into view: catch the timers up at once and take the screen lock again.
fn on_visible(s: &mut State) {
    tick(s);
    alert::cook(2);
}

/// Shows the error's text (`detail` bytes long) in place of a card, in the root `entry.js`
/// handed `dom.js` with it just before (`hold`, [`dom::taken`]). Never throws: an error about
/// an error helps nobody.
#[export_name = "showError"]
pub extern "C" fn show_error(detail: i32) {
    render::error(&dom::taken(detail).unwrap_or_default());
}
