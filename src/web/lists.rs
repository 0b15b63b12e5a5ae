//! The ingredient and step lists: the parts of the card that move with the servings slider.
//!
//! A change that keeps the lists' shape (the usual case: new amounts) rewrites only the text that
//! differs, so dragging the slider touches a few text nodes instead of rebuilding hundreds of
//! elements; a change of shape (a swap that retitles a step, a level that adds a note) rebuilds.

use super::dom::specs::*;
use super::dom::{self, group, open, put, say, set, shut};
use crate::prelude::*;
use crate::progress::Progress;
use crate::quantity::format::push_int;
use crate::timer::{self, Phase};
use crate::view::{Inline, Line, StepView};

/// One walk over a list: its shape (everything but the texts in slots, as one string). `dom.js`
/// keeps the shape drawn and the slots' nodes on the list ([`dom::shaped`], [`dom::slot`]),
/// counts the slots an update sets, and sets a slot's text only when it differs. Each update walks a list twice: dry, for its shape; then, when the shape is
/// the one drawn, setting every slot's text ([`UPDATE`]: new amounts), else building it anew
/// ([`BUILD`]).
#[derive(Default)]
struct Drawn {
    shape: String,
}

/// How a walk goes over a list: only its shape, setting its slots' texts, or building it.
const DRY: u8 = 0;
const UPDATE: u8 = 1;
const BUILD: u8 = 2;

impl Drawn {
    /// A slot with `text`: when building, the newest node shows it; when updating, the list's
    /// next slot's node is set to it.
    fn slot(&mut self, mode: u8, text: &str) {
        if mode == BUILD {
            dom::slot();
        } else if mode == UPDATE {
            dom::slot_text(text);
        }
    }

    /// Appends one piece of the shape: what it is, its text, the separator.
    fn piece(&mut self, kind: char, text: &str) {
        self.shape.push(kind);
        self.shape.push_str(text);
        self.shape.push(SEP);
    }
}

/// After a dry walk into `d`: [`UPDATE`] when its shape is the one list `k` shows, else
/// [`BUILD`], with list `k` emptied to build into; `d` is ready for that walk.
fn next(d: &mut Drawn, k: u8) -> u8 {
    let mode = if dom::shaped(k, &d.shape) {
        UPDATE
    } else {
        BUILD
    };
    d.shape.clear();
    mode
}

/// Ends each piece of a shape. A step's pieces start with a letter saying what they are, and a
/// line's with its index and three flag letters, so two different shapes cannot read the same
/// (short of recipe text holding this control character). The card's notes end theirs with it
/// too (`render::refresh`).
pub(super) const SEP: char = '\u{1}';

/// Brings both lists up to date with the reader's choices.
pub fn update(lines: &[Line], steps: &[StepView], progress: &Progress) {
    let d = &mut Drawn::default();
    ingredients(d, DRY, lines, progress);
    let mode = next(d, INGREDIENT_LIST);
    ingredients(d, mode, lines, progress);
    let d = &mut Drawn::default();
    self::steps(d, DRY, steps, progress);
    let mode = next(d, STEP_LIST);
    self::steps(d, mode, steps, progress);
}

/// Walks the ingredient lines in use (`mode` as [`Drawn`] says), each the label of a real checkbox
/// ("500 g ground pork, 15–20% fat"). Lines keep their shape while only their words change
/// (same ingredient, same pieces).
fn ingredients(d: &mut Drawn, mode: u8, lines: &[Line], progress: &Progress) {
    let b = mode == BUILD;
    for l in lines {
        if !l.used {
            continue;
        }
        push_int(&mut d.shape, l.index as i64);
        d.shape.push(if l.amount.is_empty() { '-' } else { 'a' });
        d.shape.push(if l.amount_is_text { 't' } else { '-' });
        d.shape.push(if l.prep.is_empty() { '-' } else { 'p' });
        d.piece(SEP, l.tip);
        if b {
            open(INGREDIENT);
            open(INGREDIENT_LABEL);
            let got = progress.got.get(l.index).copied().unwrap_or(false);
            dom::check(INGREDIENT_CHECK, group::GOT, l.index as i32, got as i32);
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
            d.slot(mode, &l.amount);
            if b {
                say(" ");
            }
        }
        if b {
            put(ITEM, &l.name);
        }
        d.slot(mode, &l.name);
        if !l.prep.is_empty() {
            let prep = cat(&[", ", l.prep]);
            if b {
                put(PREP, &prep);
            }
            d.slot(mode, &prep);
        }
        if b {
            shut();
            if !l.tip.is_empty() {
                put(TIP, l.tip);
            }
            shut();
        }
    }
}

/// Walks the steps (`mode` as [`Drawn`] says). Steps keep their shape while only their
/// references' amounts and names change.
fn steps(d: &mut Drawn, mode: u8, steps: &[StepView], progress: &Progress) {
    let b = mode == BUILD;
    for (n, view) in steps.iter().enumerate() {
        d.piece('h', view.title);
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
            put(STEP_TITLE, view.title);
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
                        d.slot(mode, amount);
                        if b {
                            say(" ");
                        }
                    }
                    if b {
                        say(name);
                    }
                    d.slot(mode, name);
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
            dom::clock(n, view.title, t);
        }
        open(STEP_DONE);
        dom::check(STEP_DONE_CHECK, group::DONE, n as i32, done as i32);
        set("aria-label", &cat(&["Done: ", view.title]));
        say("Done");
        shut();
        shut();
    }
}

/// Shows step `step`'s timer ([`dom::clock`] built it) as it stands: the time to its next bound
/// or its overrun, what that means, and the one button that applies.
pub fn show(step: usize, phase: Phase, paused: bool, range: bool) {
    let state = match phase {
        Phase::Idle => 0,
        _ if paused => 1,
        Phase::Counting { .. } => 2 + range as u8,
        Phase::Check { .. } => 4,
        Phase::Done { .. } => 5,
    };
    dom::timer(step, state, &timer::display(phase));
}
