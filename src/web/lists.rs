//! The ingredient and step lists: the parts of the card that move with the servings slider.
//!
//! A change that keeps the lists' shape (the usual case: new amounts) rewrites only the text that
//! differs, so dragging the slider touches a few text nodes instead of rebuilding hundreds of
//! elements; a change of shape (a swap that retitles a step, a level that adds a note) rebuilds.

use super::dom::specs::*;
use super::dom::{self, int, open, put, say, set, shut};
use super::render::{button, input};
use crate::prelude::*;
use crate::progress::Progress;
use crate::quantity::format::push_int;
use crate::timer::{self, Phase};
use crate::view::{Inline, Line, StepView};

/// Checkbox group names inside the card's shadow root.
pub const GOT_NAME: &str = "rc-got";
pub const DONE_NAME: &str = "rc-done";

/// One list as drawn: its shape (everything but the texts in slots, as one string), and the
/// texts of its slots in document order (`dom.js` keeps their nodes on the list, [`dom::slot`]).
/// A change that keeps the shape rewrites only the slots that differ. One walk per list fills
/// it: dry (shape and texts only) to compare, then, when the shape changed, again building the
/// DOM and keeping the slots' nodes.
#[derive(Default)]
struct Drawn {
    shape: String,
    texts: Vec<String>,
}

impl Drawn {
    /// After a dry walk into `self`: when the shape is `old`'s, rewrites the slots of list `k`
    /// that differ and returns `true`; else empties `self` for the building walk (`false`).
    /// Compares with what was drawn (kept in Rust): reading the DOM back costs more.
    fn same(&mut self, k: u8, old: Drawn) -> bool {
        let same = self.shape == old.shape;
        if same {
            for (i, (was, new)) in old.texts.iter().zip(&self.texts).enumerate() {
                if was != new {
                    dom::slot_text(k, i, new);
                }
            }
        } else {
            self.shape.clear();
            self.texts.clear();
        }
        same
    }

    /// A slot with `text`: when building (`b`), the newest node shows it.
    fn slot(&mut self, b: bool, text: String) {
        if b {
            dom::slot();
        }
        self.texts.push(text);
    }

    /// Appends one piece of the shape: what it is, its text, the separator.
    fn piece(&mut self, kind: char, text: &str) {
        self.shape.push(kind);
        self.shape.push_str(text);
        self.shape.push(SEP);
    }
}

/// One step's timer, which [`dom::timer`] finds by its step.
pub struct TimerParts {
    pub step: usize,
    pub title: String,
}

#[derive(Default)]
pub struct Lists {
    lines: Drawn,
    step_list: Drawn,
    pub timers: Vec<TimerParts>,
}

/// A checkbox named `name` with value `value` (`spec` is `input|check|<part>`).
fn checkbox(spec: u8, name: &str, value: usize, checked: bool) {
    input(spec, "checkbox", name, &int(value));
    if checked {
        set("checked", "");
    }
}

/// The text after a reference's amount: " pork", or "pork" when there is no amount.
fn ref_name(amount: &str, name: &str) -> String {
    if amount.is_empty() {
        name.into()
    } else {
        cat(&[" ", name])
    }
}

/// Ends each piece of a shape. A step's pieces start with a letter saying what they are, and a
/// line's with its index and three flag letters, so two different shapes cannot read the same
/// (short of recipe text holding this control character).
const SEP: char = '\u{1}';

impl Lists {
    /// Brings both lists up to date with the reader's choices.
    pub fn update(&mut self, lines: Vec<Line>, steps: Vec<StepView>, progress: &Progress) {
        let old = core::mem::take(&mut self.lines);
        self.ingredients(false, &lines, progress);
        if !self.lines.same(INGREDIENT_LIST, old) {
            dom::into(INGREDIENT_LIST);
            self.ingredients(true, &lines, progress);
        }
        let old = core::mem::take(&mut self.step_list);
        self.steps(false, &steps, progress);
        if !self.step_list.same(STEP_LIST, old) {
            dom::into(STEP_LIST);
            self.timers.clear();
            self.steps(true, &steps, progress);
        }
    }

    /// Walks the ingredient lines, building them when `b`: each the label of a real checkbox
    /// ("500 g ground pork, 15–20% fat"). Lines keep their shape while only their words change
    /// (same ingredient, same pieces).
    fn ingredients(&mut self, b: bool, lines: &[Line], progress: &Progress) {
        let d = &mut self.lines;
        for l in lines {
            push_int(&mut d.shape, l.index as i64);
            d.shape.push(if l.amount.is_empty() { '-' } else { 'a' });
            d.shape.push(if l.amount_is_text { 't' } else { '-' });
            d.shape.push(if l.prep.is_empty() { '-' } else { 'p' });
            d.piece(SEP, &l.tip);
            if b {
                open(INGREDIENT);
                open(INGREDIENT_LABEL);
                let got = progress.got.get(l.index).copied().unwrap_or(false);
                checkbox(INGREDIENT_CHECK, GOT_NAME, l.index, got);
            }
            if !l.amount.is_empty() {
                if b {
                    put(
                        if l.amount_is_text {
                            AMOUNT_TEXT
                        } else {
                            AMOUNT
                        },
                        &l.amount,
                    );
                }
                d.slot(b, l.amount.clone());
                if b {
                    say(" ");
                }
            }
            if b {
                put(ITEM, &l.name);
            }
            d.slot(b, l.name.clone());
            if !l.prep.is_empty() {
                let prep = cat(&[", ", &l.prep]);
                if b {
                    put(PREP, &prep);
                }
                d.slot(b, prep);
            }
            if b {
                shut();
                if !l.tip.is_empty() {
                    put(TIP, &l.tip);
                }
                shut();
            }
        }
    }

    /// Walks the steps, building them when `b`. Steps keep their shape while only their
    /// references' amounts and names change.
    fn steps(&mut self, b: bool, steps: &[StepView], progress: &Progress) {
        for (n, view) in steps.iter().enumerate() {
            let d = &mut self.step_list;
            d.piece('h', &view.title);
            d.piece('d', view.time.as_deref().unwrap_or_default());
            for note in &view.notes {
                d.piece('n', note);
            }
            let done = progress.done.get(n).copied().unwrap_or(false);
            if b {
                open(STEP);
                if done {
                    set("data-done", "");
                }
                put(STEP_TITLE, &view.title);
                open(STEP_TEXT);
            }
            for run in &view.text {
                match run {
                    Inline::Text(t) => {
                        d.piece('t', t);
                        if b {
                            say(t);
                        }
                    }
                    Inline::Ref { amount, name } => {
                        d.piece(if amount.is_empty() { 'r' } else { 'a' }, "");
                        if b {
                            open(REF);
                        }
                        if !amount.is_empty() {
                            if b {
                                put(AMOUNT, amount);
                            }
                            d.slot(b, amount.clone());
                        }
                        let name = ref_name(amount, name);
                        if b {
                            say(&name);
                        }
                        d.slot(b, name);
                        if b {
                            shut();
                        }
                    }
                }
            }
            if !b {
                continue;
            }
            shut();
            for note in &view.notes {
                put(STEP_NOTE, note);
            }
            if let Some(t) = &view.time {
                self.timers.push(timer(n, &view.title, t));
            }
            open(STEP_DONE);
            checkbox(STEP_DONE_CHECK, DONE_NAME, n, done);
            set("aria-label", &cat(&["Done: ", &view.title]));
            say("Done");
            shut();
            shut();
        }
    }
}

fn timer(step: usize, title: &str, duration: &str) -> TimerParts {
    open(TIMER);
    set("role", "group");
    set("aria-label", &cat(&["Timer: ", title]));
    put(STEP_TIME, duration);
    put(TIMER_TIME, "");
    put(TIMER_STATUS, "");
    let index = int(step);
    button(TIMER_BUTTON, "", "");
    set("data-timer", &index);
    let label = cat(&["Reset timer: ", title]);
    button(TIMER_RESET, "Reset", &label);
    set("data-reset", &index);
    shut();
    TimerParts {
        step,
        title: title.into(),
    }
}

impl TimerParts {
    /// Shows the timer as it stands: the time to its next bound or its overrun, what that means,
    /// and the one button that applies.
    pub fn show(&self, phase: Phase, paused: bool, range: bool) {
        let state = match phase {
            Phase::Idle => 0,
            _ if paused => 1,
            Phase::Counting { .. } => 2 + range as u8,
            Phase::Check { .. } => 4,
            Phase::Done { .. } => 5,
        };
        dom::timer(self.step, state, &timer::display(phase), &self.title);
    }
}
