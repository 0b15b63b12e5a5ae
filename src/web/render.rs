//! Builds the card's DOM (docs/card-dom.md) from the view model. Static sections read the recipe;
//! everything that depends on the reader's choices comes from `crate::view`.

use super::browser::BrowserClock;
use super::dom::{self, attr, child, el, flag, int, put, say};
use super::lists::Lists;
use crate::model::{Choice, Recipe};
use crate::prelude::*;
use crate::progress::Progress;
use crate::quantity::System;
use crate::settings;
use crate::timer::{Alert, Run, Timers};
use crate::view::{self, Selection};
use web_sys::{Element, Node};

/// A `<section>` under an `<h3>`; `spec` is `section|section <key>|<key>`. Deliberately
/// unlabelled: a labelled section is a landmark, and two cards on one page would then repeat
/// landmarks named "Ingredients" (axe: landmark-unique).
fn section(parent: &Node, spec: &str, title: &str) -> Element {
    let s = child(parent, spec);
    put(&s, "h3|section-title|section-title", title);
    s
}

/// The title block; returns the "Serves" value so it can follow the slider.
fn header(card: &Node, r: &Recipe, sel: &Selection) -> Option<Element> {
    let head = child(card, "header|head");
    attr(&el(&head, "h2|title|title", &r.name), "id", "rc-title");
    if !r.author.is_empty() {
        put(&head, "p|byline|byline", &["By ", &r.author].concat());
    }
    if !r.intro.is_empty() {
        put(&head, "p|intro|intro", &r.intro);
    }
    let meta = child(&head, "dl|meta|meta");
    let mut serves = None;
    for (label, value) in view::meta(r, sel) {
        let item = child(&meta, "div|meta-item");
        put(&item, "dt", label);
        let dd = el(&item, "dd", &value);
        if label == view::SERVES {
            serves = Some(dd);
        }
    }
    serves
}

fn extras(card: &Node, r: &Recipe) {
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
        let ul = child(&section(card, section_spec, title), list);
        for t in items {
            put(&ul, "li", t);
        }
    }
    if !r.storage.is_empty() {
        let dl = child(
            &section(
                card,
                "section|section storage|storage",
                "Storage & make-ahead",
            ),
            "dl|storage-list",
        );
        for (label, text) in &r.storage {
            let item = child(&dl, "div");
            put(&item, "dt", label);
            put(&item, "dd", text);
        }
    }
    if !r.faq.is_empty() {
        let s = section(
            card,
            "section|section faq|faq",
            "Frequently asked questions",
        );
        for f in &r.faq {
            let item = child(&s, "div|faq-item|faq-item");
            put(&item, "h4|faq-question|faq-question", &f.q);
            put(&item, "p|faq-answer|faq-answer", &f.a);
        }
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

/// A labelled radio group: `<fieldset part=…><legend>…</legend>` (`spec` is
/// `fieldset|choice <part>|<part>`); its options go in with [`radio`].
fn fieldset(parent: &Node, spec: &str, legend: &str) -> Element {
    let set = child(parent, spec);
    put(&set, "legend", legend);
    set
}

/// One option of a radio group: `<label><input type=radio part name value>label</label>`
/// (`spec` is `input||<part>`).
fn radio(set: &Node, spec: &str, name: &str, value: &str, label: &str) {
    let l = child(set, "label");
    input(&l, spec, "radio", name, value);
    say(&l, label);
}

/// A level or swap list as a radio group (`spec` as for [`fieldset`], `option` as for
/// [`radio`]). The options are read from the list in place: no list of pairs built first.
fn radios(parent: &Node, spec: &str, option: &str, legend: &str, name: &str, list: &[Choice]) {
    let set = fieldset(parent, spec, legend);
    for c in list {
        radio(&set, option, name, &c.id, &c.label);
    }
}

/// The name of swap `i`'s radio group.
fn swap_name(i: usize) -> String {
    [SWAP_PREFIX, &int(i)].concat()
}

/// `<input class part type name value>` in `parent` (`spec` is `input|class|part`).
pub fn input(parent: &Node, spec: &str, kind: &str, name: &str, value: &str) -> Element {
    let i = child(parent, spec);
    attr(&i, "type", kind);
    attr(&i, "name", name);
    attr(&i, "value", value);
    i
}

/// A labelled on/off switch: `<label class=switch part><input type=checkbox role=switch>label`
/// (`spec` is `label|switch|<part>`, `input` is `input||<part>`).
fn switch(parent: &Node, spec: &str, input: &str, name: &str, label: &str) -> (Element, Element) {
    let l = child(parent, spec);
    let i = self::input(&l, input, "checkbox", name, "1");
    attr(&i, "role", "switch");
    say(&l, label);
    (l, i)
}

/// The servings slider with − and + buttons.
fn servings(controls: &Node, r: &Recipe) -> (Element, Element, Element, Element) {
    let box_ = child(controls, "div|servings|servings");
    attr(&el(&box_, "label", "Servings"), "for", SLIDER_ID);
    let button = |label: &str, glyph: &str, step: &str| {
        let b = button(&box_, "button|step-button|servings-button", glyph, label);
        attr(&b, "aria-controls", SLIDER_ID);
        attr(&b, "data-step", step);
        b
    };
    let fewer = button("Fewer servings", "−", "-1");
    let slider = child(&box_, "input|slider|servings-slider");
    attr(&slider, "type", "range");
    attr(&slider, "id", SLIDER_ID);
    attr(&slider, "min", &int(r.servings.min as usize));
    attr(&slider, "max", &int(r.servings.max as usize));
    let value = child(&box_, "output|servings-value|servings-value");
    attr(&value, "aria-hidden", "true");
    let more = button("More servings", "+", "1");
    (slider, value, fewer, more)
}

/// `<button type=button>` with `text`, and an accessible name when `label` is not empty
/// (`spec` is `button|class|part`).
pub fn button(parent: &Node, spec: &str, text: &str, label: &str) -> Element {
    let b = el(parent, spec, text);
    attr(&b, "type", "button");
    if !label.is_empty() {
        attr(&b, "aria-label", label);
    }
    b
}

/// Replaces everything in `root` with the card, and returns its changing parts.
#[inline(never)]
pub fn card(root: &Node, r: &Recipe, sel: &Selection, progress: &Progress) -> Parts {
    let frag = dom::fragment();
    let card = child(&frag, "article|card|card");
    attr(&card, "aria-labelledby", "rc-title");
    let serves = header(&card, r, sel).unwrap_or_else(|| card.clone());

    let controls = child(&card, "div|controls|controls");
    let (slider, value, fewer, more) = servings(&controls, r);
    let set = fieldset(&controls, "fieldset|choice units|units", "Units");
    radio(&set, "input||units-option", UNITS_NAME, "us", "US");
    radio(&set, "input||units-option", UNITS_NAME, "metric", "Metric");
    let mut side = None;
    if let Some(sp) = &r.spice {
        radios(
            &controls,
            "fieldset|choice spice|spice",
            "input||spice-option",
            "Spice level",
            SPICE_NAME,
            &sp.levels,
        );
        if let Some(s) = &sp.side {
            side = Some(switch(
                &controls,
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
        let details = child(&controls, "details|swaps|swaps");
        swaps_summary = Some(child(&details, "summary||swaps-summary"));
        for (i, sw) in r.swaps.iter().enumerate() {
            radios(
                &details,
                "fieldset|choice swap|swap",
                "input||swap-option",
                &sw.label,
                &swap_name(i),
                &sw.options,
            );
        }
    }
    let cook_box = child(&controls, "div|cook|cook-mode");
    let (_, cook) = switch(
        &cook_box,
        "label|switch",
        "input||cook-mode-switch",
        COOK_NAME,
        "Cook mode",
    );
    put(
        &cook_box,
        "span|cook-status|cook-mode-status",
        "Keeps your screen on while you cook",
    );
    let announcer = child(&controls, "p|announcer|announcer");
    attr(&announcer, "aria-live", "polite");

    let s = section(
        &card,
        "section|section ingredients|ingredients",
        "Ingredients",
    );
    let notes = child(&s, "ul|notes|notes");
    let ingredients = child(&s, "ul|ingredient-list");
    let s = section(&card, "section|section steps|steps", "Steps");
    let notify = button(
        &s,
        "button|timer-notify|timer-notify",
        "Notify me when a timer ends",
        "",
    );
    attr(&notify, "data-notify", "");
    super::alert::notify_button(&notify, false);
    let steps = child(&s, "ol|step-list");
    extras(&card, r);
    let alerts = child(&card, "div|alerts|alerts");
    attr(&alerts, "aria-live", "assertive");
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
    let at =
        |b: &Element, edge: bool| attr(b, "aria-disabled", if edge { "true" } else { "false" });
    at(&p.fewer, sel.servings <= r.servings.min);
    at(&p.more, sel.servings >= r.servings.max);
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
        for note in &shown.notes {
            put(&p.notes, "li|note|note", note);
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
    let item = child(alerts, "div|alert|alert");
    let what = match alert {
        Alert::CheckNow => "Check now: ",
        Alert::Done => "Done: ",
    };
    put(&item, "p", &[what, title].concat());
    let label = ["Dismiss: ", title].concat();
    let b = button(&item, "button||alert-dismiss", "Dismiss", &label);
    attr(&b, "data-dismiss", &int(i));
}

/// Replaces everything in `root` with a short, readable error.
pub fn error(root: &Node, detail: &str) {
    dom::clear(root);
    let card = child(root, "div|card card-error|card error");
    attr(&card, "role", "alert");
    put(&card, "p|error-title", "This recipe couldn't be shown.");
    put(&card, "p|error-detail", detail);
}
