//! Builds the card's DOM (docs/card-dom.md) from the view model. Static sections read the recipe;
//! everything that depends on the reader's choices comes from `crate::view`.

use super::browser::BrowserClock;
use super::dom::{self, at, attr, flag, int, keep, open, put, say, set, shut};
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
fn section(spec: &str, title: &str) {
    open(spec);
    put("h3|section-title|section-title", title);
}

/// The title block; returns the "Serves" value (the meta's last) so it can follow the slider.
fn header(r: &Recipe, sel: &Selection) -> Element {
    open("header|head");
    put("h2|title|title", &r.name);
    set("id", "rc-title");
    if !r.author.is_empty() {
        put("p|byline|byline", &["By ", &r.author].concat());
    }
    if !r.intro.is_empty() {
        put("p|intro|intro", &r.intro);
    }
    open("dl|meta|meta");
    for (label, value) in view::meta(r, sel) {
        open("div|meta-item");
        put("dt", label);
        put("dd", &value);
        shut();
    }
    let serves = keep();
    shut();
    shut();
    serves
}

fn extras(r: &Recipe) {
    let lists = [
        (
            "section|section tips|tips",
            "ul|tip-list",
            "Tips & variations",
            &r.tips,
        ),
        (
            "section|section pairings|pairings",
            "ul|pairing-list",
            "Perfect pairings",
            &r.pairings,
        ),
    ];
    for (section_spec, list, title, items) in lists {
        if items.is_empty() {
            continue;
        }
        section(section_spec, title);
        open(list);
        for t in items {
            put("li", t);
        }
        shut();
        shut();
    }
    if !r.storage.is_empty() {
        section("section|section storage|storage", "Storage & make-ahead");
        open("dl|storage-list");
        for (label, text) in &r.storage {
            open("div");
            put("dt", label);
            put("dd", text);
            shut();
        }
        shut();
        shut();
    }
    if !r.faq.is_empty() {
        section("section|section faq|faq", "Frequently asked questions");
        for f in &r.faq {
            open("div|faq-item|faq-item");
            put("h4|faq-question|faq-question", &f.q);
            put("p|faq-answer|faq-answer", &f.a);
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
    pub value: Element,
    pub fewer: Element,
    pub more: Element,
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
fn fieldset(spec: &str, legend: &str) {
    open(spec);
    put("legend", legend);
}

/// One option of a radio group: `<label><input type=radio part name value>label</label>`
/// (`spec` is `input||<part>`).
fn radio(spec: &str, name: &str, value: &str, label: &str) {
    open("label");
    input(spec, "radio", name, value);
    say(label);
    shut();
}

/// A level or swap list as a radio group (`spec` as for [`fieldset`], `option` as for
/// [`radio`]). The options are read from the list in place: no list of pairs built first.
fn radios(spec: &str, option: &str, legend: &str, name: &str, list: &[Choice]) {
    fieldset(spec, legend);
    for c in list {
        radio(option, name, &c.id, &c.label);
    }
    shut();
}

/// The name of swap `i`'s radio group.
fn swap_name(i: usize) -> String {
    [SWAP_PREFIX, &int(i)].concat()
}

/// `<input class part type name value>` (`spec` is `input|class|part`).
pub fn input(spec: &str, kind: &str, name: &str, value: &str) {
    put(spec, "");
    set("type", kind);
    set("name", name);
    set("value", value);
}

/// A labelled on/off switch: `<label class=switch part><input type=checkbox role=switch>label`
/// (`spec` is `label|switch|<part>`, `input` is `input||<part>`); returns the label and the input.
fn switch(spec: &str, input: &str, name: &str, label: &str) -> (Element, Element) {
    open(spec);
    let l = keep();
    self::input(input, "checkbox", name, "1");
    set("role", "switch");
    let i = keep();
    say(label);
    shut();
    (l, i)
}

/// The servings slider with − and + buttons.
fn servings(r: &Recipe) -> (Element, Element, Element, Element) {
    open("div|servings|servings");
    put("label", "Servings");
    set("for", SLIDER_ID);
    let button = |label: &str, glyph: &str, step: &str| {
        button("button|step-button|servings-button", glyph, label);
        set("aria-controls", SLIDER_ID);
        set("data-step", step);
        keep()
    };
    let fewer = button("Fewer servings", "−", "-1");
    put("input|slider|servings-slider", "");
    set("type", "range");
    set("id", SLIDER_ID);
    set("min", &int(r.servings.min as usize));
    set("max", &int(r.servings.max as usize));
    let slider = keep();
    put("output|servings-value|servings-value", "");
    set("aria-hidden", "true");
    let value = keep();
    let more = button("More servings", "+", "1");
    shut();
    (slider, value, fewer, more)
}

/// `<button type=button>` with `text`, and an accessible name when `label` is not empty
/// (`spec` is `button|class|part`).
pub fn button(spec: &str, text: &str, label: &str) {
    put(spec, text);
    set("type", "button");
    if !label.is_empty() {
        set("aria-label", label);
    }
}

/// Replaces everything in `root` with the card, and returns its changing parts.
#[inline(never)]
pub fn card(root: &Node, r: &Recipe, sel: &Selection, progress: &Progress) -> Parts {
    let frag = dom::fragment();
    open("article|card|card");
    set("aria-labelledby", "rc-title");
    let serves = header(r, sel);

    open("div|controls|controls");
    let controls = keep();
    let (slider, value, fewer, more) = servings(r);
    fieldset("fieldset|choice units|units", "Units");
    radio("input||units-option", UNITS_NAME, "us", "US");
    radio("input||units-option", UNITS_NAME, "metric", "Metric");
    shut();
    let mut side = None;
    if let Some(sp) = &r.spice {
        radios(
            "fieldset|choice spice|spice",
            "input||spice-option",
            "Spice level",
            SPICE_NAME,
            &sp.levels,
        );
        if let Some(s) = &sp.side {
            side = Some(switch(
                "label|switch|side",
                "input||side-switch",
                SIDE_NAME,
                &s.label,
            ));
        }
    }
    // Swaps fold away under a summary of what is chosen: the phone's first screen is for cooking.
    let mut swaps_summary = None;
    if !r.swaps.is_empty() {
        open("details|swaps|swaps");
        put("summary||swaps-summary", "");
        swaps_summary = Some(keep());
        for (i, sw) in r.swaps.iter().enumerate() {
            radios(
                "fieldset|choice swap|swap",
                "input||swap-option",
                &sw.label,
                &swap_name(i),
                &sw.options,
            );
        }
        shut();
    }
    open("div|cook|cook-mode");
    let (_, cook) = switch(
        "label|switch",
        "input||cook-mode-switch",
        COOK_NAME,
        "Cook mode",
    );
    put(
        "span|cook-status|cook-mode-status",
        "Keeps your screen on while you cook",
    );
    shut();
    put("p|announcer|announcer", "");
    set("aria-live", "polite");
    let announcer = keep();
    shut();

    section("section|section ingredients|ingredients", "Ingredients");
    put("ul|notes|notes", "");
    let notes = keep();
    put("ul|ingredient-list", "");
    let ingredients = keep();
    shut();
    section("section|section steps|steps", "Steps");
    button(
        "button|timer-notify|timer-notify",
        "Notify me when a timer ends",
        "",
    );
    set("data-notify", "");
    super::alert::notify_button(&keep(), false);
    put("ol|step-list", "");
    let steps = keep();
    shut();
    extras(r);
    put("div|alerts|alerts", "");
    set("aria-live", "assertive");
    let alerts = keep();
    let mut parts = Parts {
        lists: Lists::new(ingredients, steps),
        drawn_notes: Vec::new(),
        notes,
        serves,
        slider,
        value,
        fewer,
        more,
        controls,
        side,
        swaps_summary,
        announcer,
        cook,
        alerts,
    };
    refresh(&mut parts, r, sel, progress);
    dom::replace(root, &frag);
    parts
}

/// Brings every part that depends on the reader's choices up to date with `sel`; the timers are
/// drawn by the caller ([`timers`]: the mount's first tick, or after an event).
pub fn refresh(p: &mut Parts, r: &Recipe, sel: &Selection, progress: &Progress) {
    let n = int(sel.servings as usize);
    dom::text(&p.serves, &n);
    dom::text(&p.value, &n);
    dom::set_value(&p.slider, &n);
    attr(
        &p.slider,
        "aria-valuetext",
        &settings::servings_text(sel.servings),
    );
    let end =
        |b: &Element, edge: bool| attr(b, "aria-disabled", if edge { "true" } else { "false" });
    end(&p.fewer, sel.servings <= r.servings.min);
    end(&p.more, sel.servings >= r.servings.max);
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
            put("li|note|note", note);
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
    open("div|alert|alert");
    let what = match alert {
        Alert::CheckNow => "Check now: ",
        Alert::Done => "Done: ",
    };
    put("p", &[what, title].concat());
    let label = ["Dismiss: ", title].concat();
    button("button||alert-dismiss", "Dismiss", &label);
    set("data-dismiss", &int(i));
}

/// Replaces everything in `root` with a short, readable error.
pub fn error(root: &Node, detail: &str) {
    dom::clear(root);
    at(root);
    open("div|card card-error|card error");
    set("role", "alert");
    put("p|error-title", "This recipe couldn't be shown.");
    put("p|error-detail", detail);
}
