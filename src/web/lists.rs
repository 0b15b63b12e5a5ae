//! The ingredient and step lists: the parts of the card that move with the servings slider.
//!
//! A change that keeps the lists' shape (the usual case: new amounts) rewrites only the text that
//! differs, so dragging the slider touches a few text nodes instead of rebuilding hundreds of
//! elements; a change of shape (a swap that retitles a step, a level that adds a note) rebuilds.

use super::dom::{Dom, Res};
use crate::prelude::*;
use crate::progress::Progress;
use crate::quantity::format::push_int;
use crate::timer::{self, Phase};
use crate::view::{Inline, Line, StepView};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, Node, Text};

/// Checkbox group names inside the card's shadow root.
pub const GOT_NAME: &str = "rc-got";
pub const DONE_NAME: &str = "rc-done";

/// One ingredient line as drawn, with the elements whose text can change.
struct LineParts {
    line: Line,
    amount: Option<Element>,
    item: Element,
    prep: Option<Element>,
}

/// One step as drawn: the view it shows and its references' amount elements and name nodes.
struct StepParts {
    view: StepView,
    refs: Vec<(Option<Element>, Text)>,
}

/// Handles on one step's timer.
pub struct TimerParts {
    pub step: usize,
    pub title: String,
    group: Element,
    time: Element,
    status: Element,
    button: Element,
    reset: Element,
}

pub struct Lists {
    ingredients: Element,
    steps: Element,
    lines: Vec<LineParts>,
    step_parts: Vec<StepParts>,
    pub timers: Vec<TimerParts>,
}

fn index_text(i: usize) -> String {
    let mut s = String::new();
    push_int(&mut s, i as i64);
    s
}

/// A checkbox named `name` with value `value`, inside `parent`.
fn checkbox(
    d: &Dom,
    parent: &Node,
    part: &str,
    name: &str,
    value: usize,
    checked: bool,
) -> Res<HtmlInputElement> {
    let input: HtmlInputElement = d.child(parent, "input", "check", part)?.unchecked_into();
    input.set_type("checkbox");
    input.set_name(name);
    input.set_value(&index_text(value));
    input.set_checked(checked);
    Ok(input)
}

/// Sets `el`'s text if it changed (an unchanged write still costs a layout).
fn set(el: &Node, text: &str) {
    if el.text_content().as_deref() != Some(text) {
        el.set_text_content(Some(text));
    }
}

fn prep_text(prep: &str) -> String {
    [", ", prep].concat()
}

/// Lines have the same shape when only their words differ: same ingredient, same pieces.
fn same_shape(a: &Line, b: &Line) -> bool {
    a.index == b.index
        && a.amount.is_empty() == b.amount.is_empty()
        && a.amount_is_text == b.amount_is_text
        && a.prep.is_empty() == b.prep.is_empty()
        && a.tip == b.tip
}

/// Steps have the same shape when only their references' amounts and names differ.
fn same_step(a: &StepView, b: &StepView) -> bool {
    a.title == b.title
        && a.notes == b.notes
        && a.time == b.time
        && a.text.len() == b.text.len()
        && a.text.iter().zip(&b.text).all(|pair| match pair {
            (Inline::Text(x), Inline::Text(y)) => x == y,
            (Inline::Ref { amount: x, .. }, Inline::Ref { amount: y, .. }) => {
                x.is_empty() == y.is_empty()
            }
            _ => false,
        })
}

impl Lists {
    pub fn new(ingredients: Element, steps: Element) -> Lists {
        Lists {
            ingredients,
            steps,
            lines: Vec::new(),
            step_parts: Vec::new(),
            timers: Vec::new(),
        }
    }

    /// Brings both lists up to date with the reader's choices.
    pub fn update(
        &mut self,
        d: &Dom,
        lines: Vec<Line>,
        steps: Vec<StepView>,
        progress: &Progress,
    ) -> Res<()> {
        let same = lines.len() == self.lines.len()
            && lines
                .iter()
                .zip(&self.lines)
                .all(|(a, b)| same_shape(a, &b.line));
        if same {
            // Compare with what was drawn (kept in Rust): reading the DOM back costs more.
            for (line, parts) in lines.into_iter().zip(&mut self.lines) {
                if let Some(a) = parts
                    .amount
                    .as_ref()
                    .filter(|_| line.amount != parts.line.amount)
                {
                    a.set_text_content(Some(&line.amount));
                }
                if line.name != parts.line.name {
                    parts.item.set_text_content(Some(&line.name));
                }
                if let Some(p) = parts.prep.as_ref().filter(|_| line.prep != parts.line.prep) {
                    p.set_text_content(Some(&prep_text(&line.prep)));
                }
                parts.line = line;
            }
        } else {
            self.ingredients.set_text_content(None);
            let mut drawn = Vec::with_capacity(lines.len());
            for line in lines {
                drawn.push(self.ingredient(d, line, progress)?);
            }
            self.lines = drawn;
        }

        let same = steps.len() == self.step_parts.len()
            && steps
                .iter()
                .zip(&self.step_parts)
                .all(|(a, b)| same_step(a, &b.view));
        if same {
            for (view, parts) in steps.into_iter().zip(&mut self.step_parts) {
                let refs = |v: &StepView| {
                    v.text
                        .iter()
                        .filter_map(|run| match run {
                            Inline::Ref { amount, name } => Some((amount.clone(), name.clone())),
                            Inline::Text(_) => None,
                        })
                        .collect::<Vec<_>>()
                };
                let (now, before) = (refs(&view), refs(&parts.view));
                for (((amount, name), old), (amount_el, name_node)) in
                    now.iter().zip(&before).zip(&parts.refs)
                {
                    if let Some(a) = amount_el.as_ref().filter(|_| *amount != old.0) {
                        a.set_text_content(Some(amount));
                    }
                    if *name != old.1 {
                        let name = if amount.is_empty() {
                            name.clone()
                        } else {
                            [" ", name].concat()
                        };
                        name_node.set_text_content(Some(&name));
                    }
                }
                parts.view = view;
            }
            return Ok(());
        }
        self.steps.set_text_content(None);
        self.timers.clear();
        let mut built = Vec::new();
        for (n, view) in steps.into_iter().enumerate() {
            built.push(self.step(d, n, view, progress)?);
        }
        self.step_parts = built;
        Ok(())
    }

    /// One ingredient line: the label of a real checkbox ("500 g ground pork, 15–20% fat").
    fn ingredient(&self, d: &Dom, line: Line, progress: &Progress) -> Res<LineParts> {
        let li = d.child(&self.ingredients, "li", "ingredient", "ingredient")?;
        let label = d.child(&li, "label", "ingredient-label", "")?;
        let got = progress.got.get(line.index).copied().unwrap_or(false);
        checkbox(d, &label, "ingredient-check", GOT_NAME, line.index, got)?;
        let mut amount = None;
        if !line.amount.is_empty() {
            let class = if line.amount_is_text {
                "amount amount-text"
            } else {
                "amount"
            };
            amount = Some(d.text(&label, "span", class, "amount", &line.amount)?);
            d.words(&label, " ")?;
        }
        let item = d.text(&label, "span", "item", "item", &line.name)?;
        let mut prep = None;
        if !line.prep.is_empty() {
            prep = Some(d.text(&label, "span", "prep", "prep", &prep_text(&line.prep))?);
        }
        if !line.tip.is_empty() {
            d.text(&li, "span", "tip", "tip", &line.tip)?;
        }
        Ok(LineParts {
            line,
            amount,
            item,
            prep,
        })
    }

    fn step(&mut self, d: &Dom, n: usize, view: StepView, progress: &Progress) -> Res<StepParts> {
        let li = d.child(&self.steps, "li", "step", "step")?;
        let done = progress.done.get(n).copied().unwrap_or(false);
        li.toggle_attribute_with_force("data-done", done)?;
        d.text(&li, "h4", "step-title", "step-title", &view.title)?;
        let p = d.child(&li, "p", "step-text", "step-text")?;
        let mut refs = Vec::new();
        for run in &view.text {
            match run {
                Inline::Text(t) => d.words(&p, t)?,
                Inline::Ref { amount, name } => {
                    let span = d.child(&p, "span", "ref", "ref")?;
                    let amount_el = if amount.is_empty() {
                        None
                    } else {
                        Some(d.text(&span, "span", "amount", "amount", amount)?)
                    };
                    let words = if amount.is_empty() {
                        name.clone()
                    } else {
                        [" ", name].concat()
                    };
                    let node = d.doc.create_text_node(&words);
                    span.append_child(&node)?;
                    refs.push((amount_el, node));
                }
            }
        }
        for note in &view.notes {
            d.text(&li, "p", "step-note", "step-note", note)?;
        }
        if let Some(t) = &view.time {
            self.timers.push(timer(d, &li, n, &view.title, t)?);
        }
        let label = d.child(&li, "label", "step-done", "step-done")?;
        let check = checkbox(d, &label, "step-done-check", DONE_NAME, n, done)?;
        check.set_attribute("aria-label", &["Done: ", &view.title].concat())?;
        d.words(&label, "Done")?;
        Ok(StepParts { view, refs })
    }
}

fn timer(d: &Dom, li: &Node, step: usize, title: &str, duration: &str) -> Res<TimerParts> {
    let group = d.child(li, "div", "timer", "timer")?;
    group.set_attribute("role", "group")?;
    group.set_attribute("aria-label", &["Timer: ", title].concat())?;
    d.text(&group, "span", "step-time", "step-time", duration)?;
    let time = d.child(&group, "span", "timer-time", "timer-time")?;
    let status = d.child(&group, "span", "timer-status", "timer-status")?;
    let index = index_text(step);
    let button = d.child(&group, "button", "timer-button", "timer-button")?;
    button.set_attribute("type", "button")?;
    button.set_attribute("data-timer", &index)?;
    let reset = d.text(&group, "button", "timer-reset", "timer-reset", "Reset")?;
    reset.set_attribute("type", "button")?;
    reset.set_attribute("data-reset", &index)?;
    reset.set_attribute("aria-label", &["Reset timer: ", title].concat())?;
    Ok(TimerParts {
        step,
        title: title.into(),
        group,
        time,
        status,
        button,
        reset,
    })
}

impl TimerParts {
    /// Shows the timer as it stands: the time to its next bound or its overrun, what that means,
    /// and the one button that applies.
    pub fn show(&self, phase: Phase, paused: bool, range: bool) -> Res<()> {
        let (state, status, action) = match phase {
            Phase::Idle => ("idle", "", "Start"),
            _ if paused => ("paused", "Paused", "Resume"),
            Phase::Counting { .. } => (
                "running",
                if range { "until check" } else { "left" },
                "Pause",
            ),
            Phase::Check { .. } => ("check", "Check now", "Pause"),
            Phase::Done { .. } => ("done", "Done", ""),
        };
        self.group.set_attribute("data-state", state)?;
        set(&self.time, &timer::display(phase));
        set(&self.status, status);
        set(&self.button, action);
        self.button
            .set_attribute("aria-label", &[action, " timer: ", &self.title].concat())?;
        self.button
            .toggle_attribute_with_force("hidden", action.is_empty())?;
        self.reset
            .toggle_attribute_with_force("hidden", phase == Phase::Idle)?;
        Ok(())
    }
}
