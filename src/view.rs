//! What the card shows for a recipe and the reader's choices: plain strings, no DOM.
//!
//! The browser renderer (`web`) and, later, the static HTML renderer both draw from this, so they
//! cannot disagree about an amount or a step.

use crate::model::{Amount, Choice, Duration, Recipe, Scaling};
use crate::prelude::*;
use crate::quantity::format::push_int;
use crate::quantity::{measure, Qty, Ratio, System, Unit};
use crate::template::Seg;

/// The reader's choices; everything on the card is a function of these and the recipe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    pub servings: u32,
    /// Index into `spice.levels`, when the recipe has levels.
    pub spice: Option<usize>,
    /// The spice ingredient is served on the side instead of cooked in.
    pub side: bool,
    /// One option index per swap, in recipe order.
    pub swaps: Vec<usize>,
    /// The measuring system to show; `None` shows every amount in the author's units.
    pub units: Option<System>,
}

impl Selection {
    /// The recipe as written.
    pub fn default_for(r: &Recipe) -> Selection {
        let mut swaps = Vec::new();
        for s in &r.swaps {
            swaps.push(s.default);
        }
        Selection {
            servings: r.servings.base,
            spice: r.spice.as_ref().map(|s| s.default),
            side: false,
            swaps,
            units: None,
        }
    }

    /// The chosen option `k` in the order their patches apply: the spice level (0), then each
    /// swap's (`k` from 1). `None` for none chosen. Asked by index in each walk: no list of
    /// chosen options built per view.
    pub fn choice<'r>(&self, r: &'r Recipe, k: usize) -> Option<&'r Choice> {
        if k == 0 {
            return r.spice.as_ref()?.levels.get(self.spice?);
        }
        r.swaps.get(k - 1)?.options.get(*self.swaps.get(k - 1)?)
    }
}

/// One line of the ingredient list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line<'r> {
    /// The ingredient's index in the recipe (cook-mode checkboxes follow it).
    pub index: usize,
    /// `3 tbsp`, `2–3`, `to taste`; empty when the ingredient has no amount.
    pub amount: String,
    /// The amount is words ("to taste"), not a measure.
    pub amount_is_text: bool,
    pub name: String,
    pub prep: &'r str,
    pub tip: &'r str,
    /// Whether the chosen level and swaps use the ingredient: an unused line is not shown (the
    /// steps still take its name). Kept on the line, not in a list of its own.
    pub used: bool,
}

/// A run of step text: plain words, or an ingredient as it currently stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline<'r> {
    Text(&'r str),
    /// `amount` is empty for a bare `{id}` reference.
    Ref {
        amount: String,
        name: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepView<'r> {
    pub title: &'r str,
    pub text: Vec<Inline<'r>>,
    pub time: Option<String>,
    pub notes: Vec<&'r str>,
}

/// [`Amount`], borrowed: an ingredient's amount as the chosen level and swaps leave it.
#[derive(Clone, Copy)]
enum Amt<'r> {
    Measured(Qty, Option<Unit>, Scaling),
    Text(&'r str),
    None,
}

/// The factor amounts are multiplied by at `servings`.
pub fn factor(r: &Recipe, servings: u32) -> Ratio {
    Ratio::new(servings as i64, r.servings.base as i64).unwrap_or(Ratio::ONE)
}

/// Everything on the card that depends on the reader's choices, computed together: the
/// ingredients are patched once and each amount measured once, for the list and the steps alike.
pub struct Shown<'r> {
    /// Every ingredient's line, in recipe order; those not [`Line::used`] are not shown.
    pub lines: Vec<Line<'r>>,
    pub steps: Vec<StepView<'r>>,
    /// What the chosen level and swaps changed, and the side serving.
    pub notes: Vec<&'r str>,
    /// Whether "on the side" applies: see [`side_available`].
    pub side_available: bool,
}

pub fn shown<'r>(r: &'r Recipe, sel: &Selection) -> Shown<'r> {
    let f = factor(r, sel.servings);
    // Every chosen option is `sel.choice(r, k)` for a `k` below this.
    let choices = r.swaps.len() + 1;
    let side_of = r.spice.as_ref().and_then(|s| s.side.as_ref());
    let mut side_available = false;
    // Plain loops: each `map(…).collect()` is its own code in the wasm. A line for every
    // ingredient, used or not: the steps take their amounts and names from these. Each
    // ingredient is patched in place, borrowing from the recipe: no cloned `Ingredient`s.
    let mut all = Vec::new();
    for (index, ing) in r.ingredients.iter().enumerate() {
        let mut amount = match &ing.amount {
            Amount::Measured { qty, unit, scaling } => Amt::Measured(*qty, *unit, *scaling),
            Amount::Text(t) => Amt::Text(t),
            Amount::None => Amt::None,
        };
        // `plural` is `None` for an item patched without one: the item and an "s".
        let (mut item, mut plural) = (&ing.item, Some(&ing.plural));
        let (mut prep, mut tip, mut now_used) = (&ing.prep, &ing.tip, ing.used);
        for k in 0..choices {
            let Some(c) = sel.choice(r, k) else { continue };
            for p in &c.patches {
                if p.ingredient != index {
                    continue;
                }
                let (unit, scaling) = match amount {
                    Amt::Measured(_, unit, scaling) => (unit, scaling),
                    _ => (None, Scaling::Linear),
                };
                if let Some(q) = p.qty {
                    amount = Amt::Measured(q, p.unit.or(unit), p.scaling.unwrap_or(scaling));
                } else if let Some(t) = &p.amount_text {
                    amount = Amt::Text(t);
                }
                if let Some(v) = &p.item {
                    item = v;
                    plural = p.plural.as_ref();
                }
                if let Some(v) = &p.prep {
                    prep = v;
                }
                if let Some(v) = &p.tip {
                    tip = v;
                }
                if let Some(v) = p.used {
                    now_used = v;
                }
            }
        }
        if side_of.is_some_and(|s| s.ingredient == index) {
            // "On the side" applies while the chosen level still uses the ingredient as
            // written (no chilies to serve on the side once bell pepper replaces them).
            side_available = now_used && *item == ing.item;
        }
        let amount_is_text = matches!(amount, Amt::Text(_));
        let (amount, counted_plural) = match amount {
            Amt::Measured(qty, unit, scaling) => {
                let f = if scaling == Scaling::Fixed {
                    Ratio::ONE
                } else {
                    f
                };
                let (text, plural) =
                    measure::show(qty, unit, f, sel.units, scaling == Scaling::Whole);
                (text, plural && unit.is_none())
            }
            Amt::Text(t) => (t.into(), false),
            Amt::None => (String::new(), false),
        };
        // Copied through `From<&str>`, here and below, not `clone`: no `String::clone` in the wasm.
        let name = match (counted_plural, plural) {
            (false, _) => item.as_str().into(),
            (true, Some(p)) => p.as_str().into(),
            (true, None) => cat(&[item.as_str(), "s"]),
        };
        all.push(Line {
            index,
            amount,
            amount_is_text,
            name,
            prep,
            tip,
            used: now_used,
        });
    }
    let side = match (side_of, sel.side && side_available) {
        (Some(s), true) => Some(s.ingredient),
        _ => None,
    };
    let mut steps = Vec::new();
    for s in &r.steps {
        let mut text = Vec::new();
        fill(&s.text, &all, side, &mut text);
        steps.push(StepView {
            title: &s.title,
            text,
            time: s.duration.map(duration),
            notes: Vec::new(),
        });
    }
    // One walk of the chosen options for the steps they change and the card's notes.
    let mut notes = Vec::new();
    for k in 0..choices {
        let Some(c) = sel.choice(r, k) else { continue };
        for p in &c.steps {
            if let Some(st) = steps.get_mut(p.step) {
                if let Some(t) = &p.title {
                    st.title = t;
                }
                if let Some(note) = &p.note {
                    st.notes.push(note.as_str());
                }
            }
        }
        if !c.note.is_empty() {
            notes.push(c.note.as_str());
        }
    }
    if let Some(b) = &r.servings.batch {
        if let (Some(st), true) = (steps.get_mut(b.step), sel.servings > b.max) {
            st.notes.push(&b.note);
        }
    }
    if let (Some(s), true) = (side_of, sel.side && side_available) {
        notes.push(s.note.as_str());
    }
    Shown {
        lines: all,
        steps,
        notes,
        side_available,
    }
}

/// The ingredient list at the reader's choices (unused ingredients left out).
pub fn ingredient_lines<'r>(r: &'r Recipe, sel: &Selection) -> Vec<Line<'r>> {
    let mut lines = shown(r, sel).lines;
    lines.retain(|l| l.used);
    lines
}

/// The steps at the reader's choices: references filled in, groups of unused ingredients dropped.
pub fn steps<'r>(r: &'r Recipe, sel: &Selection) -> Vec<StepView<'r>> {
    shown(r, sel).steps
}

/// Appends `t`'s runs to `out`, each reference as its line stands; whether every ingredient it
/// refers to, its groups' included, is in the wok (used, and not the one served on the side). A
/// group is filled in first and taken out again when it names one that is not: one walk, no
/// separate test of each group.
fn fill<'r>(
    t: &'r [Seg],
    all: &[Line<'r>],
    side: Option<usize>,
    out: &mut Vec<Inline<'r>>,
) -> bool {
    let mut in_wok = true;
    for seg in t {
        match seg {
            Seg::Text(s) => out.push(Inline::Text(s)),
            Seg::Name(i) | Seg::Amount(i) => {
                let Some(l) = all.get(*i) else {
                    in_wok = false;
                    continue;
                };
                in_wok &= l.used && Some(*i) != side;
                out.push(Inline::Ref {
                    amount: if matches!(seg, Seg::Amount(_)) {
                        l.amount.as_str().into()
                    } else {
                        String::new()
                    },
                    name: l.name.as_str().into(),
                });
            }
            Seg::Group(g) => {
                let start = out.len();
                if !fill(g, all, side, out) {
                    out.truncate(start);
                    in_wok = false;
                }
            }
        }
    }
    in_wok
}

/// Notes for the whole card: what the chosen level and swaps changed, and the side serving.
pub fn notes<'r>(r: &'r Recipe, sel: &Selection) -> Vec<&'r str> {
    shown(r, sel).notes
}

/// Whether "on the side" applies: the recipe offers it and the chosen level still uses that
/// ingredient as written (no chilies to serve on the side once bell pepper replaces them).
pub fn side_available(r: &Recipe, sel: &Selection) -> bool {
    shown(r, sel).side_available
}

/// `10 min`, `3–4 min`, `1 h 30 min`, `45 s`.
pub fn duration(d: Duration) -> String {
    let mut out = String::new();
    let (div, label) = unit_of(d.hi);
    // The divisor alone names the unit: no `str` comparison.
    if d.lo != d.hi && unit_of(d.lo).0 == div {
        // "3–4 min": one unit for both ends.
        push_int(&mut out, (d.lo / div) as i64);
        out.push('–');
        push_int(&mut out, (d.hi / div) as i64);
        out.push(' ');
        out.push_str(label);
        return out;
    }
    push_span(&mut out, d.lo);
    if d.lo != d.hi {
        out.push_str(" – ");
        push_span(&mut out, d.hi);
    }
    out
}

/// The largest unit `secs` is a whole number of: its size (at least 1) and label.
fn unit_of(secs: u32) -> (u32, &'static str) {
    if secs % 3600 == 0 {
        (3600, "h")
    } else if secs % 60 == 0 {
        (60, "min")
    } else {
        (1, "s")
    }
}

fn push_span(out: &mut String, secs: u32) {
    let (h, m, s) = (secs / 3600, secs % 3600 / 60, secs % 60);
    let mut part = |v: u32, label: &str| {
        if v > 0 {
            // By byte: a `char` pattern's `ends_with` is its own code.
            if !matches!(out.as_bytes().last(), None | Some(b' ')) {
                out.push(' ');
            }
            push_int(out, v as i64);
            out.push(' ');
            out.push_str(label);
        }
    };
    part(h, "h");
    part(m, "min");
    part(s, "s");
}

/// The label of the servings fact in [`meta`].
pub const SERVES: &str = "Serves";

/// The facts under the title: prep, cook and servings, each handed to `fact` as its label and
/// value (no list of pairs built).
pub fn meta(r: &Recipe, sel: &Selection, mut fact: impl FnMut(&'static str, &str)) {
    if let Some(d) = r.prep {
        fact("Prep", &duration(d));
    }
    if let Some(d) = r.cook {
        fact("Cook", &duration(d));
    }
    let mut s = String::new();
    push_int(&mut s, sel.servings as i64);
    fact(SERVES, &s);
}

/// The step text as one plain string (for tests, the static renderer and accessible names).
pub fn plain(text: &[Inline]) -> String {
    let mut s = String::new();
    for t in text {
        match t {
            Inline::Text(t) => s.push_str(t),
            Inline::Ref { amount, name } => {
                if !amount.is_empty() {
                    s.push_str(amount);
                    s.push(' ');
                }
                s.push_str(name);
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_needs_every_ingredient_inside_it_nested_groups_too() {
        let t = [
            Seg::Text("a".into()),
            Seg::Name(0),
            Seg::Group(vec![Seg::Amount(1), Seg::Group(vec![Seg::Name(2)])]),
        ];
        let line = |index: usize, used: bool| Line {
            index,
            amount: "1".into(),
            amount_is_text: false,
            name: {
                let mut n = String::from("n");
                push_int(&mut n, index as i64);
                n
            },
            prep: "",
            tip: "",
            used,
        };
        // `used` per line and the one on the side: whether `t` is all in the wok, and its text.
        let fills = |t: &[Seg], used: [bool; 3], side: Option<usize>| {
            let all = [line(0, used[0]), line(1, used[1]), line(2, used[2])];
            let mut out = Vec::new();
            let ok = fill(t, &all, side, &mut out);
            (ok, plain(&out))
        };
        let all = [true; 3];
        assert_eq!(fills(&t, [true, true, false], None), (false, "an0".into()));
        assert_eq!(
            fills(&t[..2], [true, true, false], None),
            (true, "an0".into())
        );
        assert_eq!(fills(&t, all, None), (true, "an01 n1n2".into()));
        assert_eq!(fills(&t, [true, false, true], None), (false, "an0".into()));
        assert_eq!(fills(&t, all, Some(2)), (false, "an0".into()));
        assert_eq!(fills(&t, all, Some(1)), (false, "an0".into()));
        assert_eq!(fills(&[], [true, true, false], None), (true, "".into()));
        // An ingredient the text names that has no line is not in the wok either.
        let far = [Seg::Group(vec![Seg::Text("b".into()), Seg::Name(7)])];
        assert_eq!(fills(&far, all, None), (false, "".into()));
        let far = [Seg::Name(7)];
        assert_eq!(fills(&far, all, None), (false, "".into()));
    }
}
