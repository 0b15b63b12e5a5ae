//! Builds the card's DOM (docs/card-dom.md) from the view model. Static sections read the recipe;
//! everything that depends on the reader's choices comes from `crate::view`.

use super::browser::BrowserClock;
use super::dom::specs::*;
use super::dom::{self, at, flag, int, keep, open, put, say, set, shut};
use super::lists::Lists;
use crate::model::{Choice, Recipe};
use crate::prelude::*;
use crate::progress::Progress;
use crate::quantity::System;
use crate::settings;
use crate::timer::{Alert, Run, Timers};
use crate::view::{self, Selection};
use web_sys::{Element, Node};

/// Opens a `<section>` under an `<h3>`; `spec` is `section|section <key>|<key>`. Deliberately
/// unlabelled: a labelled section is a landmark, and two cards on one page would then repeat
/// landmarks named "Ingredients" (axe: landmark-unique). The caller shuts it.
fn section(spec: u8, title: &str) {
    open(spec);
    put(SECTION_TITLE, title);
}

/// The title block; returns the "Serves" value (the meta's last) so it can follow the slider.
fn header(r: &Recipe, sel: &Selection) -> Element {
    open(HEAD);
    put(TITLE, &r.name);
    set("id", "rc-title");
    if !r.author.is_empty() {
        put(BYLINE, &cat(&["By ", &r.author]));
    }
    if !r.intro.is_empty() {
        put(INTRO, &r.intro);
    }
    open(META);
    for (label, value) in &view::meta(r, sel) {
        open(META_ITEM);
        put(DT, label);
        put(DD, value);
        shut();
    }
    let serves = keep();
    shut();
    shut();
    serves
}

fn extras(r: &Recipe) {
    let lists = [
        (TIPS, TIP_LIST, "Tips & variations", &r.tips),
        (PAIRINGS, PAIRING_LIST, "Perfect pairings", &r.pairings),
    ];
    for (section_spec, list, title, items) in lists {
        if items.is_empty() {
            continue;
        }
        section(section_spec, title);
        open(list);
        for t in items {
            put(LI, t);
        }
        shut();
        shut();
    }
    if !r.storage.is_empty() {
        section(STORAGE, "Storage & make-ahead");
        open(STORAGE_LIST);
        for (label, text) in &r.storage {
            open(DIV);
            put(DT, label);
            put(DD, text);
            shut();
        }
        shut();
        shut();
    }
    if !r.faq.is_empty() {
        section(FAQ, "Frequently asked questions");
        for f in &r.faq {
            open(FAQ_ITEM);
            put(FAQ_QUESTION, &f.q);
            put(FAQ_ANSWER, &f.a);
            shut();
        }
        shut();
    }
}

/// Handles on the parts of a mounted card that change with the reader's choices.
pub struct Parts {
    pub lists: Lists,
    /// The notes as last drawn into `notes`.
    pub drawn_notes: Vec<String>,
    pub notes: Element,
    pub serves: Element,
    pub slider: Element,
    /// The controls, whose radio groups are checked by name ([`dom::pick`]): no handle kept
    /// per option.
    pub controls: Element,
    /// The "on the side" switch and the label that wraps (and hides) it.
    pub side: Option<(Element, Element)>,
    /// "Swaps: Pork, Palm sugar", on the folded swaps.
    pub swaps_summary: Option<Element>,
    pub announcer: Element,
    pub cook: Element,
    /// Timer alerts, announced assertively: one item with a Dismiss button per alert.
    pub alerts: Element,
}

/// The slider's id inside the card's shadow root.
pub const SLIDER_ID: &str = "rc-servings";
/// Radio group names inside the card's shadow root; swap groups are `rc-swap-<index>`.
pub const UNITS_NAME: &str = "rc-units";
pub const SPICE_NAME: &str = "rc-spice";
pub const SIDE_NAME: &str = "rc-side";
pub const SWAP_PREFIX: &str = "rc-swap-";
pub const COOK_NAME: &str = "rc-cook";
pub use super::lists::{DONE_NAME, GOT_NAME};

/// Opens a labelled radio group: `<fieldset part=…><legend>…</legend>` (`spec` is
/// `fieldset|choice <part>|<part>`); its options go in with [`radio`], and the caller shuts it.
fn fieldset(spec: u8, legend: &str) {
    open(spec);
    put(LEGEND, legend);
}

/// One option of a radio group: `<label><input type=radio part name value>label</label>`
/// (`spec` is `input||<part>`).
fn radio(spec: u8, name: &str, value: &str, label: &str) {
    open(LABEL);
    input(spec, "radio", name, value);
    say(label);
    shut();
}

/// A level or swap list as a radio group (`spec` as for [`fieldset`], `option` as for
/// [`radio`]). The options are read from the list in place: no list of pairs built first.
fn radios(spec: u8, option: u8, legend: &str, name: &str, list: &[Choice]) {
    fieldset(spec, legend);
    for c in list {
        radio(option, name, &c.id, &c.label);
    }
    shut();
}

/// The name of swap `i`'s radio group.
fn swap_name(i: usize) -> String {
    cat(&[SWAP_PREFIX, &int(i)])
}

/// `<input class part type name value>` (`spec` is `input|class|part`).
pub fn input(spec: u8, kind: &str, name: &str, value: &str) {
    put(spec, "");
    set("type", kind);
    set("name", name);
    set("value", value);
}

/// A labelled on/off switch: `<label class=switch part><input type=checkbox role=switch>label`
/// (`spec` is `label|switch|<part>`, `input` is `input||<part>`); returns the label and the input.
fn switch(spec: u8, input: u8, name: &str, label: &str) -> (Element, Element) {
    open(spec);
    let l = keep();
    self::input(input, "checkbox", name, "1");
    set("role", "switch");
    let i = keep();
    say(label);
    shut();
    (l, i)
}

/// The servings slider with − and + buttons; returns the slider ([`dom::servings`] reaches the
/// rest through it).
fn servings(r: &Recipe) -> Element {
    open(SERVINGS);
    put(LABEL, "Servings");
    set("for", SLIDER_ID);
    let button = |label: &str, glyph: &str, step: &str| {
        button(SERVINGS_BUTTON, glyph, label);
        set("aria-controls", SLIDER_ID);
        set("data-step", step);
    };
    button("Fewer servings", "−", "-1");
    put(SERVINGS_SLIDER, "");
    set("type", "range");
    set("id", SLIDER_ID);
    set("min", &int(r.servings.min as usize));
    set("max", &int(r.servings.max as usize));
    let slider = keep();
    put(SERVINGS_VALUE, "");
    set("aria-hidden", "true");
    button("More servings", "+", "1");
    shut();
    slider
}

/// `<button type=button>` with `text`, and an accessible name when `label` is not empty
/// (`spec` is `button|class|part`).
pub fn button(spec: u8, text: &str, label: &str) {
    put(spec, text);
    set("type", "button");
    if !label.is_empty() {
        set("aria-label", label);
    }
}

/// Replaces everything in `root` with the card, and returns its changing parts.
#[inline(never)]
pub fn card(root: &Node, r: &Recipe, sel: &Selection, progress: &Progress) -> Parts {
    dom::fragment();
    open(CARD);
    set("aria-labelledby", "rc-title");
    let serves = header(r, sel);

    open(CONTROLS);
    let controls = keep();
    let slider = servings(r);
    fieldset(UNITS, "Units");
    radio(UNITS_OPTION, UNITS_NAME, "us", "US");
    radio(UNITS_OPTION, UNITS_NAME, "metric", "Metric");
    shut();
    let mut side = None;
    if let Some(sp) = &r.spice {
        radios(SPICE, SPICE_OPTION, "Spice level", SPICE_NAME, &sp.levels);
        if let Some(s) = &sp.side {
            side = Some(switch(SIDE, SIDE_SWITCH, SIDE_NAME, &s.label));
        }
    }
    // Swaps fold away under a summary of what is chosen: the phone's first screen is for cooking.
    let mut swaps_summary = None;
    if !r.swaps.is_empty() {
        open(SWAPS);
        put(SWAPS_SUMMARY, "");
        swaps_summary = Some(keep());
        for (i, sw) in r.swaps.iter().enumerate() {
            radios(SWAP, SWAP_OPTION, &sw.label, &swap_name(i), &sw.options);
        }
        shut();
    }
    open(COOK_MODE);
    let (_, cook) = switch(SWITCH, COOK_MODE_SWITCH, COOK_NAME, "Cook mode");
    put(COOK_MODE_STATUS, "Keeps your screen on while you cook");
    shut();
    put(ANNOUNCER, "");
    set("aria-live", "polite");
    let announcer = keep();
    shut();

    section(INGREDIENTS, "Ingredients");
    put(NOTES, "");
    let notes = keep();
    put(INGREDIENT_LIST, "");
    let ingredients = keep();
    shut();
    section(STEPS, "Steps");
    button(TIMER_NOTIFY, "Notify me when a timer ends", "");
    set("data-notify", "");
    super::alert::notify_button(&keep(), false);
    put(STEP_LIST, "");
    let steps = keep();
    shut();
    extras(r);
    put(ALERTS, "");
    set("aria-live", "assertive");
    let alerts = keep();
    let mut parts = Parts {
        lists: Lists::new(ingredients, steps),
        drawn_notes: Vec::new(),
        notes,
        serves,
        slider,
        controls,
        side,
        swaps_summary,
        announcer,
        cook,
        alerts,
    };
    refresh(&mut parts, r, sel, progress);
    dom::place(root);
    parts
}

/// Brings every part that depends on the reader's choices up to date with `sel`; the timers are
/// drawn by the caller ([`timers`]: the mount's first tick, or after an event).
pub fn refresh(p: &mut Parts, r: &Recipe, sel: &Selection, progress: &Progress) {
    let n = int(sel.servings as usize);
    dom::text(&p.serves, &n);
    dom::servings(
        &p.slider,
        &n,
        &settings::servings_text(sel.servings),
        sel.servings <= r.servings.min,
        sel.servings >= r.servings.max,
    );
    let system = sel.units.unwrap_or(r.units);
    dom::pick(&p.controls, UNITS_NAME, (system != System::Us) as u32);
    dom::pick(
        &p.controls,
        SPICE_NAME,
        sel.spice.map_or(u32::MAX, |i| i as u32),
    );
    for (i, &chosen) in sel.swaps.iter().enumerate() {
        dom::pick(&p.controls, &swap_name(i), chosen as u32);
    }
    if let Some(summary) = &p.swaps_summary {
        let mut text = String::from("Swaps: ");
        let mut sep = "";
        for (sw, &i) in r.swaps.iter().zip(&sel.swaps) {
            if let Some(o) = sw.options.get(i) {
                text.push_str(sep);
                text.push_str(&o.label);
                sep = ", ";
            }
        }
        dom::text(summary, &text);
    }
    let shown = view::shown(r, sel);
    if let Some((label, input)) = &p.side {
        flag(label, "hidden", !shown.side_available);
        dom::set_checked(input, sel.side);
    }
    // Notes change with a level or a swap, not with the slider: redraw them only then.
    if shown.notes != p.drawn_notes {
        dom::clear(&p.notes);
        at(&p.notes);
        for note in &shown.notes {
            put(NOTE, note);
        }
        p.drawn_notes = shown.notes;
    }
    p.lists.update(shown.lines, shown.steps, progress);
}

/// Updates every timer's display: the only work a tick does.
/// Read in place: no list of phases built per tick.
pub fn timers(p: &Parts, timers: &Timers<BrowserClock>) {
    let now = timers.now();
    for t in &p.lists.timers {
        if let Some(x) = timers.list.iter().find(|x| x.step == t.step) {
            t.show(
                x.phase(now),
                matches!(x.run, Run::Paused { .. }),
                x.lo < x.hi,
            );
        }
    }
}

/// Shows one alert still waiting for the cook (the `i`th), with its Dismiss button. The region
/// is assertive, so a new alert is read out at once.
pub fn alert(alerts: &Element, i: usize, alert: Alert, title: &str) {
    at(alerts);
    open(ALERT);
    let what = match alert {
        Alert::CheckNow => "Check now: ",
        Alert::Done => "Done: ",
    };
    put(P, &cat(&[what, title]));
    let label = cat(&["Dismiss: ", title]);
    button(ALERT_DISMISS, "Dismiss", &label);
    set("data-dismiss", &int(i));
}

/// Replaces everything in `root` with a short, readable error.
pub fn error(root: &Node, detail: &str) {
    dom::clear(root);
    at(root);
    open(ERROR_CARD);
    set("role", "alert");
    put(ERROR_TITLE, "This recipe couldn't be shown.");
    put(ERROR_DETAIL, detail);
}
