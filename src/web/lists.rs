//! The ingredient and step lists: the parts of the card that move with the servings slider.
//!
//! A change that keeps the lists' shape (the usual case: new amounts) rewrites only the text that
//! differs, so dragging the slider touches a few text nodes instead of rebuilding hundreds of
//! elements; a change of shape (a swap that retitles a step, a level that adds a note) rebuilds.

use super::dom::{self, attr, child, el, flag, int, put, set_checked, text, words};
use super::render::{button, input};
use crate::prelude::*;
use crate::progress::Progress;
use crate::timer::{self, Phase};
use crate::view::{Inline, Line, StepView};
use web_sys::{Element, Node};

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
    refs: Vec<(Option<Element>, Node)>,
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

/// A checkbox named `name` with value `value`, inside `parent`.
fn checkbox(parent: &Node, part: &str, name: &str, value: usize, checked: bool) -> Element {
    let i = input(parent, "check", part, "checkbox", name, &int(value));
    set_checked(&i, checked);
    i
}

fn prep_text(prep: &str) -> String {
    [", ", prep].concat()
}

/// A reference's amount and name, without cloning them.
fn reference(run: &Inline) -> Option<(&str, &str)> {
    match run {
        Inline::Ref { amount, name } => Some((amount, name)),
        Inline::Text(_) => None,
    }
}

/// The text after a reference's amount: " pork", or "pork" when there is no amount.
fn ref_name(amount: &str, name: &str) -> String {
    if amount.is_empty() {
        name.into()
    } else {
        [" ", name].concat()
    }
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
    pub fn update(&mut self, lines: Vec<Line>, steps: Vec<StepView>, progress: &Progress) {
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
                    text(a, &line.amount);
                }
                if line.name != parts.line.name {
                    text(&parts.item, &line.name);
                }
                if let Some(p) = parts.prep.as_ref().filter(|_| line.prep != parts.line.prep) {
                    text(p, &prep_text(&line.prep));
                }
                parts.line = line;
            }
        } else {
            dom::clear(&self.ingredients);
            let mut drawn = Vec::with_capacity(lines.len());
            for line in lines {
                drawn.push(self.ingredient(line, progress));
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
                let now = view.text.iter().filter_map(reference);
                let before = parts.view.text.iter().filter_map(reference);
                for (((amount, name), old), (amount_el, name_node)) in
                    now.zip(before).zip(&parts.refs)
                {
                    if let Some(a) = amount_el.as_ref().filter(|_| amount != old.0) {
                        text(a, amount);
                    }
                    if name != old.1 {
                        text(name_node, &ref_name(amount, name));
                    }
                }
                parts.view = view;
            }
            return;
        }
        dom::clear(&self.steps);
        self.timers.clear();
        let mut built = Vec::new();
        for (n, view) in steps.into_iter().enumerate() {
            built.push(self.step(n, view, progress));
        }
        self.step_parts = built;
    }

    /// One ingredient line: the label of a real checkbox ("500 g ground pork, 15–20% fat").
    fn ingredient(&self, line: Line, progress: &Progress) -> LineParts {
        let li = child(&self.ingredients, "li", "ingredient", "ingredient");
        let label = child(&li, "label", "ingredient-label", "");
        let got = progress.got.get(line.index).copied().unwrap_or(false);
        checkbox(&label, "ingredient-check", GOT_NAME, line.index, got);
        let mut amount = None;
        if !line.amount.is_empty() {
            let class = if line.amount_is_text {
                "amount amount-text"
            } else {
                "amount"
            };
            amount = Some(el(&label, "span", class, "amount", &line.amount));
            words(&label, " ");
        }
        let item = el(&label, "span", "item", "item", &line.name);
        let mut prep = None;
        if !line.prep.is_empty() {
            prep = Some(el(&label, "span", "prep", "prep", &prep_text(&line.prep)));
        }
        if !line.tip.is_empty() {
            put(&li, "span", "tip", "tip", &line.tip);
        }
        LineParts {
            line,
            amount,
            item,
            prep,
        }
    }

    fn step(&mut self, n: usize, view: StepView, progress: &Progress) -> StepParts {
        let li = child(&self.steps, "li", "step", "step");
        let done = progress.done.get(n).copied().unwrap_or(false);
        flag(&li, "data-done", done);
        put(&li, "h4", "step-title", "step-title", &view.title);
        let p = child(&li, "p", "step-text", "step-text");
        let mut refs = Vec::new();
        for run in &view.text {
            match run {
                Inline::Text(t) => {
                    words(&p, t);
                }
                Inline::Ref { amount, name } => {
                    let span = child(&p, "span", "ref", "ref");
                    let amount_el = if amount.is_empty() {
                        None
                    } else {
                        Some(el(&span, "span", "amount", "amount", amount))
                    };
                    refs.push((amount_el, words(&span, &ref_name(amount, name))));
                }
            }
        }
        for note in &view.notes {
            put(&li, "p", "step-note", "step-note", note);
        }
        if let Some(t) = &view.time {
            self.timers.push(timer(&li, n, &view.title, t));
        }
        let label = child(&li, "label", "step-done", "step-done");
        let check = checkbox(&label, "step-done-check", DONE_NAME, n, done);
        attr(&check, "aria-label", &["Done: ", &view.title].concat());
        words(&label, "Done");
        StepParts { view, refs }
    }
}

fn timer(li: &Node, step: usize, title: &str, duration: &str) -> TimerParts {
    let group = child(li, "div", "timer", "timer");
    attr(&group, "role", "group");
    attr(&group, "aria-label", &["Timer: ", title].concat());
    put(&group, "span", "step-time", "step-time", duration);
    let time = child(&group, "span", "timer-time", "timer-time");
    let status = child(&group, "span", "timer-status", "timer-status");
    let index = int(step);
    let button_ = button(&group, "timer-button", "timer-button", "", "");
    attr(&button_, "data-timer", &index);
    let label = ["Reset timer: ", title].concat();
    let reset = button(&group, "timer-reset", "timer-reset", "Reset", &label);
    attr(&reset, "data-reset", &index);
    TimerParts {
        step,
        title: title.into(),
        group,
        time,
        status,
        button: button_,
        reset,
    }
}

impl TimerParts {
    /// Shows the timer as it stands: the time to its next bound or its overrun, what that means,
    /// and the one button that applies.
    pub fn show(&self, phase: Phase, paused: bool, range: bool) {
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
        attr(&self.group, "data-state", state);
        text(&self.time, &timer::display(phase));
        text(&self.status, status);
        text(&self.button, action);
        attr(
            &self.button,
            "aria-label",
            &[action, " timer: ", &self.title].concat(),
        );
        flag(&self.button, "hidden", action.is_empty());
        flag(&self.reset, "hidden", phase == Phase::Idle);
    }
}
