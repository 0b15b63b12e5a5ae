//! Builds the card's DOM (docs/card-dom.md) from the view model. Static sections read the recipe;
//! everything that depends on the reader's choices comes from `crate::view`.

use super::dom::{Dom, Res};
use super::lists::Lists;
use crate::model::Recipe;
use crate::prelude::*;
use crate::progress::Progress;
use crate::quantity::format::push_int;
use crate::quantity::System;
use crate::settings;
use crate::timer::{Alert, Phase};
use crate::view::{self, Selection};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, Node};

/// The card's stylesheet, shipped inside the wasm so a card is never unstyled.
pub const CSS: &str = include_str!("card.css");

/// A `<section>` under an `<h3>`. Deliberately unlabelled: a labelled section is a landmark, and
/// two cards on one page would then repeat landmarks named "Ingredients" (axe: landmark-unique).
fn section(d: &Dom, parent: &Node, key: &str, title: &str) -> Res<Element> {
    let s = d.child(parent, "section", &["section ", key].concat(), key)?;
    d.text(&s, "h3", "section-title", "section-title", title)?;
    Ok(s)
}

/// The title block; returns the "Serves" value so it can follow the slider.
fn header(d: &Dom, card: &Node, r: &Recipe, sel: &Selection) -> Res<Element> {
    let head = d.child(card, "header", "head", "")?;
    d.text(&head, "h2", "title", "title", &r.name)?
        .set_id("rc-title");
    if !r.author.is_empty() {
        d.text(&head, "p", "byline", "byline", &["By ", &r.author].concat())?;
    }
    if !r.intro.is_empty() {
        d.text(&head, "p", "intro", "intro", &r.intro)?;
    }
    let meta = d.child(&head, "dl", "meta", "meta")?;
    let mut serves = None;
    for (label, value) in view::meta(r, sel) {
        let item = d.child(&meta, "div", "meta-item", "")?;
        d.text(&item, "dt", "", "", label)?;
        let dd = d.text(&item, "dd", "", "", &value)?;
        if label == view::SERVES {
            serves = Some(dd);
        }
    }
    serves.ok_or_else(|| "meta has no servings".into())
}

fn extras(d: &Dom, card: &Node, r: &Recipe) -> Res<()> {
    let lists = [
        ("tips", "tip-list", "Tips & variations", &r.tips),
        ("pairings", "pairing-list", "Perfect pairings", &r.pairings),
    ];
    for (key, list, title, items) in lists {
        if items.is_empty() {
            continue;
        }
        let s = section(d, card, key, title)?;
        let ul = d.child(&s, "ul", list, "")?;
        for t in items {
            d.text(&ul, "li", "", "", t)?;
        }
    }
    if !r.storage.is_empty() {
        let s = section(d, card, "storage", "Storage & make-ahead")?;
        let dl = d.child(&s, "dl", "storage-list", "")?;
        for (label, text) in &r.storage {
            let item = d.child(&dl, "div", "", "")?;
            d.text(&item, "dt", "", "", label)?;
            d.text(&item, "dd", "", "", text)?;
        }
    }
    if !r.faq.is_empty() {
        let s = section(d, card, "faq", "Frequently asked questions")?;
        for f in &r.faq {
            let item = d.child(&s, "div", "faq-item", "faq-item")?;
            d.text(&item, "h4", "faq-question", "faq-question", &f.q)?;
            d.text(&item, "p", "faq-answer", "faq-answer", &f.a)?;
        }
    }
    Ok(())
}

fn style(d: &Dom, root: &Node) -> Res<()> {
    d.text(root, "style", "", "", CSS)?;
    Ok(())
}

/// Handles on the parts of a mounted card that change with the reader's choices.
pub struct Parts {
    pub lists: Lists,
    /// The notes as last drawn into `notes`.
    pub drawn_notes: Vec<String>,
    pub notes: Element,
    pub serves: Element,
    pub slider: HtmlInputElement,
    pub value: Element,
    pub fewer: Element,
    pub more: Element,
    pub units: Vec<HtmlInputElement>,
    pub spice: Vec<HtmlInputElement>,
    /// The "on the side" switch and the label that wraps (and hides) it.
    pub side: Option<(Element, HtmlInputElement)>,
    pub swaps: Vec<Vec<HtmlInputElement>>,
    /// "Swaps: Pork, Palm sugar", on the folded swaps.
    pub swaps_summary: Option<Element>,
    pub announcer: Element,
    pub cook: HtmlInputElement,
    pub cook_status: Element,
    pub notify: Element,
    /// Timer alerts, announced assertively: one item with a Dismiss button per alert.
    pub alerts: Element,
}

/// What a refresh shows beside the recipe and the selection: cook-mode marks and timer phases.
pub struct Live<'a> {
    pub progress: &'a Progress,
    /// For each timer: step, phase, paused, whether its duration is a range.
    pub timers: &'a [(usize, Phase, bool, bool)],
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

/// A labelled radio group: `<fieldset part=…><legend>…</legend><label><input type=radio>…`.
fn radios(
    d: &Dom,
    parent: &Node,
    part: &str,
    legend: &str,
    name: &str,
    options: &[(&str, &str)],
) -> Res<Vec<HtmlInputElement>> {
    let set = d.child(parent, "fieldset", &["choice ", part].concat(), part)?;
    d.text(&set, "legend", "", "", legend)?;
    let option_part = [part, "-option"].concat();
    let mut out = Vec::new();
    for (value, label) in options {
        let l = d.child(&set, "label", "", "")?;
        let input: HtmlInputElement = d.child(&l, "input", "", &option_part)?.unchecked_into();
        input.set_type("radio");
        input.set_name(name);
        input.set_value(value);
        d.words(&l, label)?;
        out.push(input);
    }
    Ok(out)
}

/// The servings slider with − and + buttons.
fn servings(
    d: &Dom,
    controls: &Node,
    r: &Recipe,
) -> Res<(HtmlInputElement, Element, Element, Element)> {
    let box_ = d.child(controls, "div", "servings", "servings")?;
    d.text(&box_, "label", "", "", "Servings")?
        .set_attribute("for", SLIDER_ID)?;
    let button = |label: &str, glyph: &str, step: &str| -> Res<Element> {
        let b = d.text(&box_, "button", "step-button", "servings-button", glyph)?;
        b.set_attribute("type", "button")?;
        b.set_attribute("aria-label", label)?;
        b.set_attribute("aria-controls", SLIDER_ID)?;
        b.set_attribute("data-step", step)?;
        Ok(b)
    };
    let fewer = button("Fewer servings", "−", "-1")?;
    let slider: HtmlInputElement = d
        .child(&box_, "input", "slider", "servings-slider")?
        .unchecked_into();
    slider.set_type("range");
    slider.set_id(SLIDER_ID);
    let (mut min, mut max) = (String::new(), String::new());
    push_int(&mut min, r.servings.min as i64);
    push_int(&mut max, r.servings.max as i64);
    slider.set_min(&min);
    slider.set_max(&max);
    slider.set_step("1");
    let value = d.child(&box_, "output", "servings-value", "servings-value")?;
    value.set_attribute("aria-hidden", "true")?;
    let more = button("More servings", "+", "1")?;
    Ok((slider, value, fewer, more))
}

/// Replaces everything in `root` with the card, and returns its changing parts.
pub fn card(d: &Dom, root: &Node, r: &Recipe, sel: &Selection, live: &Live) -> Res<Parts> {
    let frag: Node = d.doc.create_document_fragment().into();
    style(d, &frag)?;
    let card = d.child(&frag, "article", "card", "card")?;
    card.set_attribute("aria-labelledby", "rc-title")?;
    let serves = header(d, &card, r, sel)?;

    let controls = d.child(&card, "div", "controls", "controls")?;
    let (slider, value, fewer, more) = servings(d, &controls, r)?;
    let units = radios(
        d,
        &controls,
        "units",
        "Units",
        UNITS_NAME,
        &[("us", "US"), ("metric", "Metric")],
    )?;
    let mut spice = Vec::new();
    let mut side = None;
    if let Some(sp) = &r.spice {
        let levels: Vec<(&str, &str)> = sp
            .levels
            .iter()
            .map(|l| (l.id.as_str(), l.label.as_str()))
            .collect();
        spice = radios(d, &controls, "spice", "Spice level", SPICE_NAME, &levels)?;
        if let Some(s) = &sp.side {
            let label = d.child(&controls, "label", "switch", "side")?;
            let input: HtmlInputElement = d
                .child(&label, "input", "", "side-switch")?
                .unchecked_into();
            input.set_type("checkbox");
            input.set_name(SIDE_NAME);
            input.set_attribute("role", "switch")?;
            d.words(&label, &s.label)?;
            side = Some((label, input));
        }
    }
    // Swaps fold away under a summary of what is chosen: the phone's first screen is for cooking.
    let mut swaps = Vec::new();
    let mut swaps_summary = None;
    if !r.swaps.is_empty() {
        let details = d.child(&controls, "details", "swaps", "swaps")?;
        swaps_summary = Some(d.child(&details, "summary", "", "swaps-summary")?);
        for (i, sw) in r.swaps.iter().enumerate() {
            let options: Vec<(&str, &str)> = sw
                .options
                .iter()
                .map(|o| (o.id.as_str(), o.label.as_str()))
                .collect();
            let mut name = String::from(SWAP_PREFIX);
            push_int(&mut name, i as i64);
            swaps.push(radios(d, &details, "swap", &sw.label, &name, &options)?);
        }
    }
    let cook_box = d.child(&controls, "div", "cook", "cook-mode")?;
    let label = d.child(&cook_box, "label", "switch", "")?;
    let cook: HtmlInputElement = d
        .child(&label, "input", "", "cook-mode-switch")?
        .unchecked_into();
    cook.set_type("checkbox");
    cook.set_name(COOK_NAME);
    cook.set_attribute("role", "switch")?;
    d.words(&label, "Cook mode")?;
    let cook_status = d.text(
        &cook_box,
        "span",
        "cook-status",
        "cook-mode-status",
        "Keeps your screen on while you cook",
    )?;
    let announcer = d.child(&controls, "p", "announcer", "announcer")?;
    announcer.set_attribute("aria-live", "polite")?;

    let s = section(d, &card, "ingredients", "Ingredients")?;
    let notes = d.child(&s, "ul", "notes", "notes")?;
    let ingredients = d.child(&s, "ul", "ingredient-list", "")?;
    let s = section(d, &card, "steps", "Steps")?;
    let notify = d.text(
        &s,
        "button",
        "timer-notify",
        "timer-notify",
        "Notify me when a timer ends",
    )?;
    notify.set_attribute("type", "button")?;
    notify.set_attribute("data-notify", "")?;
    notify.set_attribute("hidden", "")?;
    let steps = d.child(&s, "ol", "step-list", "")?;
    extras(d, &card, r)?;
    let alerts = d.child(&card, "div", "alerts", "alerts")?;
    alerts.set_attribute("aria-live", "assertive")?;
    let mut parts = Parts {
        lists: Lists::new(ingredients, steps),
        drawn_notes: Vec::new(),
        notes,
        serves,
        slider,
        value,
        fewer,
        more,
        units,
        spice,
        side,
        swaps,
        swaps_summary,
        announcer,
        cook,
        cook_status,
        notify,
        alerts,
    };
    refresh(d, &mut parts, r, sel, live)?;
    root.set_text_content(None);
    root.append_child(&frag)?;
    Ok(parts)
}

fn check(group: &[HtmlInputElement], chosen: Option<usize>) {
    for (i, input) in group.iter().enumerate() {
        input.set_checked(Some(i) == chosen);
    }
}

/// Brings every part that depends on the reader's choices up to date with `sel`.
pub fn refresh(d: &Dom, p: &mut Parts, r: &Recipe, sel: &Selection, live: &Live) -> Res<()> {
    let mut n = String::new();
    push_int(&mut n, sel.servings as i64);
    p.serves.set_text_content(Some(&n));
    p.value.set_text_content(Some(&n));
    p.slider.set_value(&n);
    p.slider
        .set_attribute("aria-valuetext", &settings::servings_text(sel.servings))?;
    let at = |b: &Element, edge: bool| {
        b.set_attribute("aria-disabled", if edge { "true" } else { "false" })
    };
    at(&p.fewer, sel.servings <= r.servings.min)?;
    at(&p.more, sel.servings >= r.servings.max)?;
    let system = sel.units.unwrap_or(r.units);
    check(&p.units, Some(if system == System::Us { 0 } else { 1 }));
    check(&p.spice, sel.spice);
    for (group, &chosen) in p.swaps.iter().zip(&sel.swaps) {
        check(group, Some(chosen));
    }
    if let Some(summary) = &p.swaps_summary {
        let chosen: Vec<&str> = r
            .swaps
            .iter()
            .zip(&sel.swaps)
            .filter_map(|(sw, &i)| sw.options.get(i).map(|o| o.label.as_str()))
            .collect();
        summary.set_text_content(Some(&["Swaps: ", &chosen.join(", ")].concat()));
    }
    let shown = view::shown(r, sel);
    if let Some((label, input)) = &p.side {
        label.toggle_attribute_with_force("hidden", !shown.side_available)?;
        input.set_checked(sel.side);
    }
    // Notes change with a level or a swap, not with the slider: redraw them only then.
    if shown.notes != p.drawn_notes {
        p.notes.set_text_content(None);
        for note in &shown.notes {
            d.text(&p.notes, "li", "note", "note", note)?;
        }
        p.drawn_notes = shown.notes;
    }
    p.lists.update(d, shown.lines, shown.steps, live.progress)?;
    timers(p, live)
}

/// Updates every timer's display: the only work a tick does.
pub fn timers(p: &Parts, live: &Live) -> Res<()> {
    for t in &p.lists.timers {
        if let Some(&(_, phase, paused, range)) = live.timers.iter().find(|x| x.0 == t.step) {
            t.show(phase, paused, range)?;
        }
    }
    Ok(())
}

/// Shows the alerts still waiting for the cook, each with its Dismiss button. The region is
/// assertive, so a new alert is read out at once.
pub fn alerts(d: &Dom, p: &Parts, active: &[(String, Alert)]) -> Res<()> {
    p.alerts.set_text_content(None);
    for (i, (title, alert)) in active.iter().enumerate() {
        let item = d.child(&p.alerts, "div", "alert", "alert")?;
        let what = match alert {
            Alert::CheckNow => "Check now: ",
            Alert::Done => "Done: ",
        };
        d.text(&item, "p", "", "", &[what, title].concat())?;
        let b = d.text(&item, "button", "", "alert-dismiss", "Dismiss")?;
        b.set_attribute("type", "button")?;
        b.set_attribute("aria-label", &["Dismiss: ", title].concat())?;
        let mut index = String::new();
        push_int(&mut index, i as i64);
        b.set_attribute("data-dismiss", &index)?;
    }
    Ok(())
}

/// Replaces everything in `root` with a short, readable error.
pub fn error(d: &Dom, root: &Node, detail: &str) -> Res<()> {
    root.set_text_content(None);
    style(d, root)?;
    let card = d.child(root, "div", "card card-error", "card error")?;
    card.set_attribute("role", "alert")?;
    d.text(
        &card,
        "p",
        "error-title",
        "",
        "This recipe couldn't be shown.",
    )?;
    d.text(&card, "p", "error-detail", "", detail)?;
    Ok(())
}
