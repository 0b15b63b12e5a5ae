//! Builds the card's DOM (docs/card-dom.md) from the view model. Static sections read the recipe;
//! everything that depends on the reader's choices comes from `crate::view`.

use super::browser::BrowserClock;
use super::dom::specs::*;
use super::dom::{self, group, open, put, say, set, shut};
use crate::model::{Choice, Recipe};
use crate::prelude::*;
use crate::progress::Progress;
use crate::quantity::System;
use crate::timer::{Run, Timers};
use crate::view::{self, Selection};

/// Opens a `<section>` under an `<h3>`; `spec` is `section|section <key>|<key>`. Deliberately
/// unlabelled: a labelled section is a landmark, and two cards on one page would then repeat
/// landmarks named "Ingredients" (axe: landmark-unique). The caller shuts it.
fn section(spec: u8, title: &str) {
    open(spec);
    put(SECTION_TITLE, title);
}

/// The title block; its meta's last value ("Serves") follows the slider ([`dom::servings`]).
fn header(r: &Recipe, sel: &Selection) {
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
    view::meta(r, sel, |label, value| {
        open(META_ITEM);
        put(DT, label);
        put(DD, value);
        shut();
    });
    shut();
    shut();
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

/// Opens a labelled radio group: `<fieldset part=…><legend>…</legend>` (`spec` is
/// `fieldset|choice <part>|<part>`); its options go in with [`radio`], and the caller shuts it.
fn fieldset(spec: u8, legend: &str) {
    open(spec);
    put(LEGEND, legend);
}

/// One option of a radio group: `<label><input type=radio part name value>label</label>`
/// (`spec` is `input||<part>`).
fn radio(spec: u8, g: i32, value: &str, label: &str) {
    open(LABEL);
    input(spec, g, value);
    say(label);
    shut();
}

/// A level or swap list as a radio group (`spec` as for [`fieldset`], `option` as for
/// [`radio`]). The options are read from the list in place: no list of pairs built first.
fn radios(spec: u8, option: u8, legend: &str, g: i32, list: &[Choice]) {
    fieldset(spec, legend);
    for c in list {
        radio(option, g, &c.id, &c.label);
    }
    shut();
}

/// `<input class part type=radio name value>`, named for group `g` (`spec` is `input|class|part`).
fn input(spec: u8, g: i32, value: &str) {
    put(spec, "");
    set("type", "radio");
    dom::name(g);
    set("value", value);
}

/// A labelled on/off switch: `<label class=switch part><input type=checkbox role=switch>label`
/// (`spec` is `label|switch|<part>`, `input` is `input||<part>`).
fn switch(spec: u8, input: u8, g: i32, label: &str) {
    open(spec);
    dom::check(input, g, 1, 0);
    set("role", "switch");
    say(label);
    shut();
}

/// `<button type=button>` with `text` (`spec` is `button|class|part`).
fn button(spec: u8, text: &str) {
    put(spec, text);
    set("type", "button");
}

/// Replaces everything in the card's root with the card. What it keeps of it is in `dom.js`:
/// its elements, named by their spec ([`dom::put`]), and the lists' and notes' shapes.
#[inline(never)]
pub fn card(r: &Recipe, sel: &Selection, progress: &Progress) {
    dom::fragment();
    open(CARD);
    set("aria-labelledby", "rc-title");
    header(r, sel);

    open(CONTROLS);
    dom::slider(r.servings.min as i32, r.servings.max as i32);
    fieldset(UNITS, "Units");
    radio(UNITS_OPTION, group::UNITS, "us", "US");
    radio(UNITS_OPTION, group::UNITS, "metric", "Metric");
    shut();
    if let Some(sp) = &r.spice {
        radios(SPICE, SPICE_OPTION, "Spice level", group::SPICE, &sp.levels);
        if let Some(s) = &sp.side {
            switch(SIDE, SIDE_SWITCH, group::SIDE, &s.label);
        }
    }
    // Swaps fold away under a summary of what is chosen: the phone's first screen is for cooking.
    if !r.swaps.is_empty() {
        open(SWAPS);
        put(SWAPS_SUMMARY, "");
        for (i, sw) in r.swaps.iter().enumerate() {
            radios(
                SWAP,
                SWAP_OPTION,
                &sw.label,
                group::SWAP + i as i32,
                &sw.options,
            );
        }
        shut();
    }
    open(COOK_MODE);
    switch(SWITCH, COOK_MODE_SWITCH, group::COOK, "Cook mode");
    put(COOK_MODE_STATUS, "Keeps your screen on while you cook");
    shut();
    put(ANNOUNCER, "");
    set("aria-live", "polite");
    shut();

    section(INGREDIENTS, "Ingredients");
    put(NOTES, "");
    put(INGREDIENT_LIST, "");
    shut();
    section(STEPS, "Steps");
    button(TIMER_NOTIFY, "Notify me when a timer ends");
    set("data-notify", "");
    super::alert::notify_button(0);
    put(STEP_LIST, "");
    shut();
    extras(r);
    put(ALERTS, "");
    set("aria-live", "assertive");
    refresh(r, sel, progress);
    dom::place();
}

/// Brings every part that depends on the reader's choices up to date with `sel`; the timers are
/// drawn by the caller ([`timers`]: the mount's first tick, or after an event).
pub fn refresh(r: &Recipe, sel: &Selection, progress: &Progress) {
    dom::servings(sel.servings as i32);
    let system = sel.units.unwrap_or(r.units);
    dom::pick(group::UNITS, (system != System::Us) as i32);
    dom::pick(group::SPICE, sel.spice.map_or(-1, |i| i as i32));
    for (i, &chosen) in sel.swaps.iter().enumerate() {
        dom::pick(group::SWAP + i as i32, chosen as i32);
    }
    let shown = view::shown(r, sel);
    if r.spice.as_ref().is_some_and(|sp| sp.side.is_some()) {
        dom::side(shown.side_available as i32, sel.side as i32);
    }
    // Notes change with a level or a swap, not with the slider: redraw them only then. Their
    // shape is their texts, each ended by the lists' separator ([`super::lists::SEP`];
    // [`dom::shaped`] keeps it on the part, as for the lists).
    let mut shape = String::new();
    for note in &shown.notes {
        shape.push_str(note);
        shape.push(super::lists::SEP);
    }
    if !dom::shaped(NOTES, &shape) {
        for note in &shown.notes {
            put(NOTE, note);
        }
    }
    super::lists::update(&shown.lines, &shown.steps, progress);
}

/// Updates every timer's display: the only work a tick does.
/// Read in place: no list of phases built per tick.
pub fn timers(timers: &Timers<BrowserClock>) {
    let now = timers.now();
    for x in &timers.list {
        super::lists::show(
            x.step,
            x.phase(now),
            matches!(x.run, Run::Paused { .. }),
            x.lo < x.hi,
        );
    }
}

/// Replaces everything in the root `entry.js` handed `dom.js` (`hold`) with a short, readable error.
pub fn error(detail: &str) {
    dom::fragment();
    open(ERROR_CARD);
    set("role", "alert");
    put(ERROR_TITLE, "This recipe couldn't be shown.");
    put(ERROR_DETAIL, detail);
    dom::place();
}
