//! Builds the card's DOM (docs/card-dom.md) from the view model. Static sections read the recipe;
//! everything that depends on the reader's choices comes from `crate::view`.

use super::dom::{Dom, Res};
use crate::model::Recipe;
use crate::view::{self, Inline, Selection};
use web_sys::{Element, Node};

/// The card's stylesheet, shipped inside the wasm so a card is never unstyled.
pub const CSS: &str = include_str!("card.css");

/// A `<section>` under an `<h3>`. Deliberately unlabelled: a labelled section is a landmark, and
/// two cards on one page would then repeat landmarks named "Ingredients" (axe: landmark-unique).
fn section(d: &Dom, parent: &Node, key: &str, title: &str) -> Res<Element> {
    let s = d.child(parent, "section", &["section ", key].concat(), key)?;
    d.text(&s, "h3", "section-title", "section-title", title)?;
    Ok(s)
}

fn header(d: &Dom, card: &Node, r: &Recipe, sel: &Selection) -> Res<()> {
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
    for (label, value) in view::meta(r, sel) {
        let item = d.child(&meta, "div", "meta-item", "")?;
        d.text(&item, "dt", "", "", label)?;
        d.text(&item, "dd", "", "", &value)?;
    }
    Ok(())
}

fn ingredients(d: &Dom, card: &Node, r: &Recipe, sel: &Selection) -> Res<()> {
    let s = section(d, card, "ingredients", "Ingredients")?;
    let list = d.child(&s, "ul", "ingredient-list", "")?;
    for line in view::ingredient_lines(r, sel) {
        let li = d.child(&list, "li", "ingredient", "ingredient")?;
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

fn steps(d: &Dom, card: &Node, r: &Recipe, sel: &Selection) -> Res<()> {
    let s = section(d, card, "steps", "Steps")?;
    let list = d.child(&s, "ol", "step-list", "")?;
    for step in view::steps(r, sel) {
        let li = d.child(&list, "li", "step", "step")?;
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

/// Replaces everything in `root` with the card.
pub fn card(d: &Dom, root: &Node, r: &Recipe, sel: &Selection) -> Res<()> {
    let frag: Node = d.doc.create_document_fragment().into();
    style(d, &frag)?;
    let card = d.child(&frag, "article", "card", "card")?;
    card.set_attribute("aria-labelledby", "rc-title")?;
    header(d, &card, r, sel)?;
    d.child(&card, "div", "controls", "controls")?;
    ingredients(d, &card, r, sel)?;
    steps(d, &card, r, sel)?;
    extras(d, &card, r)?;
    root.set_text_content(None);
    root.append_child(&frag)?;
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
