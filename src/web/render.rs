//! Builds the card's DOM (docs/card-dom.md) from the view model. Static sections read the recipe;
//! everything that depends on the reader's choices comes from `crate::view`.

use super::dom::{Dom, Res};
use crate::model::Recipe;
use crate::quantity::format::push_int;
use crate::quantity::System;
use crate::settings;
use crate::view::{self, Inline, Selection};
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

/// Fills the ingredient list for the current choices, replacing what it held.
fn ingredient_items(d: &Dom, list: &Element, r: &Recipe, sel: &Selection) -> Res<()> {
    list.set_text_content(None);
    for line in view::ingredient_lines(r, sel) {
        let li = d.child(list, "li", "ingredient", "ingredient")?;
        if !line.amount.is_empty() {
            let class = if line.amount_is_text {
                "amount amount-text"
            } else {
                "amount"
            };
            d.text(&li, "span", class, "amount", &line.amount)?;
            d.words(&li, " ")?;
        }
        d.text(&li, "span", "item", "item", &line.name)?;
        if !line.prep.is_empty() {
            d.text(&li, "span", "prep", "prep", &[", ", &line.prep].concat())?;
        }
        if !line.tip.is_empty() {
            d.text(&li, "span", "tip", "tip", &line.tip)?;
        }
    }
    Ok(())
}

/// Fills the step list for the current choices, replacing what it held.
fn step_items(d: &Dom, list: &Element, r: &Recipe, sel: &Selection) -> Res<()> {
    list.set_text_content(None);
    for step in view::steps(r, sel) {
        let li = d.child(list, "li", "step", "step")?;
        d.text(&li, "h4", "step-title", "step-title", &step.title)?;
        let p = d.child(&li, "p", "step-text", "step-text")?;
        for run in &step.text {
            match run {
                Inline::Text(t) => d.words(&p, t)?,
                Inline::Ref { amount, name } if amount.is_empty() => d.words(&p, name)?,
                Inline::Ref { amount, name } => {
                    let span = d.child(&p, "span", "ref", "ref")?;
                    d.text(&span, "span", "amount", "amount", amount)?;
                    d.words(&span, &[" ", name].concat())?;
                }
            }
        }
        if let Some(t) = &step.time {
            d.text(&li, "p", "step-time", "step-time", t)?;
        }
        for n in &step.notes {
            d.text(&li, "p", "step-note", "step-note", n)?;
        }
    }
    Ok(())
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
    pub ingredients: Element,
    pub steps: Element,
    pub serves: Element,
    pub slider: HtmlInputElement,
    pub value: Element,
    pub fewer: Element,
    pub more: Element,
    pub units: [HtmlInputElement; 2],
    pub announcer: Element,
}

/// The servings slider with − and + buttons, the units radio group and the polite announcer.
fn controls(
    d: &Dom,
    card: &Node,
    r: &Recipe,
) -> Res<(
    HtmlInputElement,
    Element,
    Element,
    Element,
    [HtmlInputElement; 2],
    Element,
)> {
    let controls = d.child(card, "div", "controls", "controls")?;
    let box_ = d.child(&controls, "div", "servings", "servings")?;
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

    let units = d.child(&controls, "fieldset", "units", "units")?;
    d.text(&units, "legend", "", "", "Units")?;
    let radio = |value: &str, label: &str| -> Res<HtmlInputElement> {
        let l = d.child(&units, "label", "", "")?;
        let input: HtmlInputElement = d.child(&l, "input", "", "units-option")?.unchecked_into();
        input.set_type("radio");
        input.set_name(UNITS_NAME);
        input.set_value(value);
        d.words(&l, label)?;
        Ok(input)
    };
    let radios = [radio("us", "US")?, radio("metric", "Metric")?];
    let announcer = d.child(&controls, "p", "announcer", "announcer")?;
    announcer.set_attribute("aria-live", "polite")?;
    Ok((slider, value, fewer, more, radios, announcer))
}

/// The slider's id inside the card's shadow root.
pub const SLIDER_ID: &str = "rc-servings";
/// The units radio group's name inside the card's shadow root.
pub const UNITS_NAME: &str = "rc-units";

/// Replaces everything in `root` with the card, and returns its changing parts.
pub fn card(d: &Dom, root: &Node, r: &Recipe, sel: &Selection) -> Res<Parts> {
    let frag: Node = d.doc.create_document_fragment().into();
    style(d, &frag)?;
    let card = d.child(&frag, "article", "card", "card")?;
    card.set_attribute("aria-labelledby", "rc-title")?;
    let serves = header(d, &card, r, sel)?;
    let (slider, value, fewer, more, units, announcer) = controls(d, &card, r)?;
    let s = section(d, &card, "ingredients", "Ingredients")?;
    let ingredients = d.child(&s, "ul", "ingredient-list", "")?;
    let s = section(d, &card, "steps", "Steps")?;
    let steps = d.child(&s, "ol", "step-list", "")?;
    extras(d, &card, r)?;
    let parts = Parts {
        ingredients,
        steps,
        serves,
        slider,
        value,
        fewer,
        more,
        units,
        announcer,
    };
    refresh(d, &parts, r, sel)?;
    root.set_text_content(None);
    root.append_child(&frag)?;
    Ok(parts)
}

/// Brings every part that depends on the reader's choices up to date with `sel`.
pub fn refresh(d: &Dom, p: &Parts, r: &Recipe, sel: &Selection) -> Res<()> {
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
    p.units[0].set_checked(system == System::Us);
    p.units[1].set_checked(system == System::Metric);
    ingredient_items(d, &p.ingredients, r, sel)?;
    step_items(d, &p.steps, r, sel)
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
