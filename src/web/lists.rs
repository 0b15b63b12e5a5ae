//! The ingredient and step lists: the parts of the card that move with the servings slider.
//!
//! A change that keeps the lists' shape (the usual case: new amounts) rewrites only the text that
//! differs, so dragging the slider touches a few text nodes instead of rebuilding hundreds of
//! elements; a change of shape (a swap that retitles a step, a level that adds a note) rebuilds.

use super::dom::{self, at, attr, flag, int, keep, open, put, say, set, set_checked, shut, text};
use super::render::{button, input};
use crate::prelude::*;
use crate::progress::Progress;
use crate::quantity::format::push_int;
use crate::timer::{self, Phase};
use crate::view::{Inline, Line, StepView};
use web_sys::Element;

/// Checkbox group names inside the card's shadow root.
pub const GOT_NAME: &str = "rc-got";
pub const DONE_NAME: &str = "rc-done";

/// One list as drawn: its shape (everything but the texts in slots, as one string), and the
/// nodes and texts of its slots in document order. A change that keeps the shape rewrites only
/// the slots that differ.
#[derive(Default)]
struct Drawn {
    shape: String,
    nodes: Vec<Element>,
    texts: Vec<String>,
}

impl Drawn {
    /// Takes `shape` and `texts`: when the shape is the one drawn, rewrites the slots that differ
    /// and returns `true`; else clears the slots for the caller to rebuild (`false`). Compares
    /// with what was drawn (kept in Rust): reading the DOM back costs more.
    fn patch(&mut self, shape: String, texts: Vec<String>) -> bool {
        let same = shape == self.shape && texts.len() == self.nodes.len();
        if same {
            for ((node, old), new) in self.nodes.iter().zip(&self.texts).zip(&texts) {
                if old != new {
                    text(node, new);
                }
            }
        } else {
            self.nodes.clear();
            self.shape = shape;
        }
        self.texts = texts;
        same
    }

    /// Records the newest node as a slot while (re)building: its text is already in `texts`.
    fn slot(&mut self) {
        self.nodes.push(keep());
    }
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
    lines: Drawn,
    step_list: Drawn,
    pub timers: Vec<TimerParts>,
}

/// A checkbox named `name` with value `value` (`spec` is `input|check|<part>`).
fn checkbox(spec: &str, name: &str, value: usize, checked: bool) {
    input(spec, "checkbox", name, &int(value));
    set_checked(&keep(), checked);
}

fn prep_text(prep: &str) -> String {
    [", ", prep].concat()
}

/// The text after a reference's amount: " pork", or "pork" when there is no amount.
fn ref_name(amount: &str, name: &str) -> String {
    if amount.is_empty() {
        name.into()
    } else {
        [" ", name].concat()
    }
}

/// Ends each piece of a shape. A step's pieces start with a letter saying what they are, and a
/// line's with its index and three flag letters, so two different shapes cannot read the same
/// (short of recipe text holding this control character).
const SEP: char = '\u{1}';

/// Appends one piece of a shape: what it is, its text, the separator.
fn piece(shape: &mut String, kind: char, text: &str) {
    shape.push(kind);
    shape.push_str(text);
    shape.push(SEP);
}

/// The ingredient lines' shape and slot texts: lines keep their shape while only their words
/// change (same ingredient, same pieces).
fn line_texts(lines: &[Line]) -> (String, Vec<String>) {
    let (mut shape, mut texts) = (String::new(), Vec::new());
    for l in lines {
        push_int(&mut shape, l.index as i64);
        shape.push(if l.amount.is_empty() { '-' } else { 'a' });
        shape.push(if l.amount_is_text { 't' } else { '-' });
        shape.push(if l.prep.is_empty() { '-' } else { 'p' });
        shape.push_str(&l.tip);
        shape.push(SEP);
        if !l.amount.is_empty() {
            texts.push(l.amount.clone());
        }
        texts.push(l.name.clone());
        if !l.prep.is_empty() {
            texts.push(prep_text(&l.prep));
        }
    }
    (shape, texts)
}

/// The steps' shape and slot texts: steps keep their shape while only their references' amounts
/// and names change.
fn step_texts(steps: &[StepView]) -> (String, Vec<String>) {
    let (mut shape, mut texts) = (String::new(), Vec::new());
    for v in steps {
        piece(&mut shape, 'h', &v.title);
        piece(&mut shape, 'd', v.time.as_deref().unwrap_or_default());
        for n in &v.notes {
            piece(&mut shape, 'n', n);
        }
        for run in &v.text {
            match run {
                Inline::Text(t) => piece(&mut shape, 't', t),
                Inline::Ref { amount, name } => {
                    piece(&mut shape, if amount.is_empty() { 'r' } else { 'a' }, "");
                    if !amount.is_empty() {
                        texts.push(amount.clone());
                    }
                    texts.push(ref_name(amount, name));
                }
            }
        }
    }
    (shape, texts)
}

impl Lists {
    pub fn new(ingredients: Element, steps: Element) -> Lists {
        Lists {
            ingredients,
            steps,
            lines: Drawn::default(),
            step_list: Drawn::default(),
            timers: Vec::new(),
        }
    }

    /// Brings both lists up to date with the reader's choices.
    pub fn update(&mut self, lines: Vec<Line>, steps: Vec<StepView>, progress: &Progress) {
        let (shape, texts) = line_texts(&lines);
        if !self.lines.patch(shape, texts) {
            dom::clear(&self.ingredients);
            at(&self.ingredients);
            for line in &lines {
                self.ingredient(line, progress);
            }
        }
        let (shape, texts) = step_texts(&steps);
        if !self.step_list.patch(shape, texts) {
            dom::clear(&self.steps);
            at(&self.steps);
            self.timers.clear();
            for (n, view) in steps.iter().enumerate() {
                self.step(n, view, progress);
            }
        }
    }

    /// One ingredient line: the label of a real checkbox ("500 g ground pork, 15–20% fat").
    fn ingredient(&mut self, line: &Line, progress: &Progress) {
        open("li|ingredient|ingredient");
        open("label|ingredient-label");
        let got = progress.got.get(line.index).copied().unwrap_or(false);
        checkbox("input|check|ingredient-check", GOT_NAME, line.index, got);
        if !line.amount.is_empty() {
            let spec = if line.amount_is_text {
                "span|amount amount-text|amount"
            } else {
                "span|amount|amount"
            };
            put(spec, &line.amount);
            self.lines.slot();
            say(" ");
        }
        put("span|item|item", &line.name);
        self.lines.slot();
        if !line.prep.is_empty() {
            put("span|prep|prep", &prep_text(&line.prep));
            self.lines.slot();
        }
        shut();
        if !line.tip.is_empty() {
            put("span|tip|tip", &line.tip);
        }
        shut();
    }

    fn step(&mut self, n: usize, view: &StepView, progress: &Progress) {
        open("li|step|step");
        let done = progress.done.get(n).copied().unwrap_or(false);
        if done {
            set("data-done", "");
        }
        put("h4|step-title|step-title", &view.title);
        open("p|step-text|step-text");
        for run in &view.text {
            match run {
                Inline::Text(t) => say(t),
                Inline::Ref { amount, name } => {
                    open("span|ref|ref");
                    if !amount.is_empty() {
                        put("span|amount|amount", amount);
                        self.step_list.slot();
                    }
                    say(&ref_name(amount, name));
                    self.step_list.slot();
                    shut();
                }
            }
        }
        shut();
        for note in &view.notes {
            put("p|step-note|step-note", note);
        }
        if let Some(t) = &view.time {
            self.timers.push(timer(n, &view.title, t));
        }
        open("label|step-done|step-done");
        checkbox("input|check|step-done-check", DONE_NAME, n, done);
        set("aria-label", &["Done: ", &view.title].concat());
        say("Done");
        shut();
        shut();
    }
}

fn timer(step: usize, title: &str, duration: &str) -> TimerParts {
    open("div|timer|timer");
    let group = keep();
    set("role", "group");
    set("aria-label", &["Timer: ", title].concat());
    put("span|step-time|step-time", duration);
    put("span|timer-time|timer-time", "");
    let time = keep();
    put("span|timer-status|timer-status", "");
    let status = keep();
    let index = int(step);
    button("button|timer-button|timer-button", "", "");
    set("data-timer", &index);
    let button_ = keep();
    let label = ["Reset timer: ", title].concat();
    button("button|timer-reset|timer-reset", "Reset", &label);
    set("data-reset", &index);
    let reset = keep();
    shut();
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
