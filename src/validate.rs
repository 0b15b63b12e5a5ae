//! From the recipe file's values (the browser's `JSON.parse` of it, [`crate::json`]) to a
//! [`Recipe`] the renderer can trust, in one pass ([`read`]; [`crate::schema`] reads the values
//! with their paths).
//!
//! Every error names the path of the field at fault (`ingredients[2].unit`), because the blogger
//! who sees it in the card has to find and fix that line in the file.

use crate::json;
use crate::model::{
    Amount, Batch, Choice, Duration, Faq, Ingredient, Patch, Recipe, Scaling, Servings, Side,
    Spice, Step, StepPatch, Swap,
};
use crate::prelude::*;
use crate::quantity::format::push_int;
use crate::quantity::{Qty, System, Unit};
use crate::schema::{self, quoted, Obj, FORMAT_VERSION};
use crate::template;
use alloc::boxed::Box;
use core::cell::OnceCell;

/// What is wrong with a recipe file, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    pub path: String,
    pub message: String,
}

impl FormatError {
    /// `path: message`, or the message alone when there is no path.
    pub fn text(&self) -> String {
        let colon = if self.path.is_empty() { "" } else { ": " };
        cat(&[&self.path, colon, &self.message])
    }
}

type Result<T> = core::result::Result<T, FormatError>;

/// The first error met. Reading and checking go on with empty values after it, so the big
/// functions have no early returns: each `?` out of a half-built recipe needs its own code to drop
/// what was built so far, and in the wasm that code was most of the reader (docs/performance.md).
/// A `OnceCell`: the first error set stays, and whether there is one is looked up in place (no
/// take and put back). Boxed: finishing moves a pointer, not the error.
#[derive(Default)]
pub(crate) struct Errors(OnceCell<Box<FormatError>>);

impl Errors {
    /// Records the error `message` at `path` unless an earlier one was recorded. The path is
    /// taken as built (each caller makes it for the error: no copy of it made and dropped).
    pub(crate) fn fail(&self, path: String, message: &str) {
        if self.0.get().is_none() {
            let _ = self.0.set(Box::new(FormatError {
                path,
                message: message.into(),
            }));
        }
    }

    /// `value` when nothing went wrong, else the first error.
    pub(crate) fn finish<T>(self, value: T) -> Result<T> {
        match self.0.into_inner() {
            Some(e) => Err(*e),
            None => Ok(value),
        }
    }
}

/// The longest duration a step or timer may have: anything longer is a typo, not a recipe.
pub const MAX_DURATION_SECS: u32 = 24 * 60 * 60;

/// Parses `10 min`, `3-4 min`, `90 s` or `1 h` into seconds.
pub fn parse_duration(s: &str) -> Option<Duration> {
    // By bytes: a `char` predicate brings a `char` searcher into the wasm. Both parts are
    // trimmed, so the whole need not be.
    let mut split = 0;
    while !s.as_bytes().get(split)?.is_ascii_alphabetic() {
        split += 1;
    }
    let (num, unit) = (s.get(..split)?.trim_ascii(), s.get(split..)?.trim_ascii());
    // The unit without a plural `s` (`mins`, `hrs`: not `s` or `hs`).
    let one = match unit.as_bytes() {
        [_, _, .., b's'] => unit.get(..unit.len() - 1)?,
        _ => unit,
    };
    let secs = match one {
        "s" | "sec" | "second" => 1,
        "min" | "minute" => 60,
        "h" | "hr" | "hour" => 3600,
        _ => return None,
    };
    let (lo, hi) = match Qty::parse(num)? {
        Qty::Exact(v) => (v, v),
        Qty::Range(lo, hi) => (lo, hi),
    };
    Some(Duration {
        lo: whole_secs(lo, secs)?,
        hi: whole_secs(hi, secs)?,
    })
}

/// `r` units of `secs` seconds each, when that is a whole number of seconds from 1 to
/// [`MAX_DURATION_SECS`].
fn whole_secs(r: crate::quantity::Ratio, secs: i64) -> Option<u32> {
    let v = r * crate::quantity::Ratio::int(secs);
    (v.den() == 1 && v.num() > 0 && v.num() <= MAX_DURATION_SECS as i64).then_some(v.num() as u32)
}

/// Member `key`'s duration. One that cannot be right (zero, negative, over 24 hours,
/// unreadable) is dropped with a warning: the step still reads well without its timer.
fn duration(o: &Obj, key: &str, warnings: &mut Vec<FormatError>) -> Option<Duration> {
    let s = o.opt_ref(key)?;
    let d = parse_duration(s);
    if d.is_none() {
        let m =
            "expected a duration such as \"10 min\" or \"3-4 min\", between 1 s and 24 h, not \"";
        o.warn(warnings, key, &cat(&[m, s, "\": no timer"]));
    }
    d
}

/// `scale`, when there is one.
fn scaling(o: &Obj) -> Option<Scaling> {
    let s = o.opt_ref("scale")?;
    let v = match s {
        "linear" => Scaling::Linear,
        "fixed" => Scaling::Fixed,
        "whole" => Scaling::Whole,
        _ => {
            o.fail_quoted("scale", "expected linear, fixed or whole, not", s);
            return None;
        }
    };
    Some(v)
}

/// `unit`, when there is one.
fn unit(o: &Obj) -> Option<Unit> {
    let s = o.opt_ref("unit")?;
    let u = Unit::parse(s);
    if u.is_none() {
        o.fail_quoted("unit", "unknown unit", s);
    }
    u
}

/// `qty`, when there is one; a number or a string.
fn qty(o: &Obj) -> Option<Qty> {
    let s = o.opt_amount("qty")?;
    let q = Qty::parse(s);
    if q.is_none() {
        let m = "expected an amount such as \"2\", \"1/3\", \"1 1/2\" or \"2-3\", not";
        o.fail_quoted("qty", m, s);
    }
    q
}

/// Kept out of `read` (measured: inlined, its temporaries made `read`'s frame and moves bigger).
#[inline(never)]
fn ingredient(o: &Obj) -> Ingredient {
    let id = o.required("id");
    let item = o.required("item");
    let unit = unit(o);
    let scale = scaling(o);
    let amount = match (o.has_amount("qty"), o.has_str("amount_text")) {
        (true, true) => {
            o.fail("amount_text", "give either qty or amount_text");
            Amount::None
        }
        (true, false) => match qty(o) {
            Some(qty) => Amount::Measured {
                qty,
                unit,
                scaling: scale.unwrap_or(if unit.is_none() {
                    Scaling::Whole
                } else {
                    Scaling::Linear
                }),
            },
            None => Amount::None,
        },
        (false, text) => {
            if unit.is_some() {
                o.fail("unit", "a unit needs a qty");
            }
            if text {
                Amount::Text(o.required("amount_text"))
            } else {
                Amount::None
            }
        }
    };
    Ingredient {
        plural: o.opt_str("plural").unwrap_or_else(|| cat(&[&item, "s"])),
        id,
        amount,
        item,
        prep: o.or_empty("prep"),
        tip: o.or_empty("tip"),
        used: o.opt_bool("use").unwrap_or(true),
    }
}

/// The step after `r`'s steps read so far; kept out of `read` as [`ingredient`] is.
#[inline(never)]
fn step(o: &Obj, r: &Recipe, warnings: &mut Vec<FormatError>) -> Step {
    let lookup = |id: &str| r.ingredient(id);
    let text = template::parse(o.str_ref("text"), lookup, |m| o.fail("text", m));
    let id = if o.has_str("id") {
        o.required("id")
    } else {
        let mut s = String::new();
        push_int(&mut s, r.steps.len() as i64 + 1);
        s
    };
    if r.steps.iter().any(|x| x.id == id) {
        o.fail_quoted("id", "duplicate id", &id);
    }
    Step {
        id,
        title: o.required("title"),
        duration: duration(o, "duration", warnings),
        text,
    }
}

/// The index of the step member `key` names; 0 after recording an error.
fn step_index(steps: &[Step], o: &Obj, key: &str) -> Option<usize> {
    let id = o.str_ref(key);
    let i = steps.iter().position(|s| s.id == id);
    if i.is_none() {
        o.fail_quoted(key, "unknown step id", id);
    }
    i
}

/// The change that `o`, an item of a level's or option's `set`, makes to ingredient
/// `ingredient` (named `id`); kept out of `choices` as [`ingredient`] is out of `read`.
#[inline(never)]
fn patch(o: &Obj, r: &Recipe, ingredient: usize, id: &str) -> Patch {
    let qty_given = o.has_amount("qty");
    let unit_given = o.has_str("unit");
    let scale_given = o.has_str("scale");
    let patch = Patch {
        ingredient,
        qty: qty(o),
        amount_text: o.opt_str("amount_text"),
        unit: unit(o),
        item: o.opt_str("item"),
        plural: o.opt_str("plural"),
        prep: o.opt_str("prep"),
        tip: o.opt_str("tip"),
        scaling: scaling(o),
        used: o.opt_bool("use"),
    };
    let changes = qty_given
        | unit_given
        | scale_given
        | patch.item.is_some()
        | patch.plural.is_some()
        | patch.amount_text.is_some()
        | patch.prep.is_some()
        | patch.tip.is_some()
        | patch.used.is_some();
    if !changes {
        o.fail_quoted("id", "changes nothing in", id);
    }
    let measured = r
        .ingredients
        .get(ingredient)
        .is_some_and(|i| matches!(i.amount, Amount::Measured { .. }));
    if !qty_given && (unit_given || scale_given) && !measured {
        o.fail("qty", "a unit or scale needs an amount: give qty");
    }
    patch
}

/// One spice level or swap option; its errors (of type or of sense) go to `o`'s errors.
/// Kept out of `choices` (measured: −32 B brotli).
#[inline(never)]
fn choice(o: &Obj, r: &Recipe) -> Choice {
    let mut patches = Vec::new();
    for s in o.list("set", false) {
        let id = s.str_ref("id");
        let Some(ingredient) = r.ingredient(id) else {
            s.fail_quoted("id", "unknown ingredient id", id);
            continue;
        };
        patches.push(patch(&s, r, ingredient, id));
    }
    let mut steps = Vec::new();
    for n in o.list("steps", false) {
        let Some(step) = step_index(&r.steps, &n, "step") else {
            continue;
        };
        let (title, note) = (n.opt_str("title"), n.opt_str("note"));
        if title.is_none() && note.is_none() {
            n.fail("step", "give a title or a note");
        }
        steps.push(StepPatch { step, title, note });
    }
    Choice {
        id: o.required("id"),
        label: o.required("label"),
        note: o.or_empty("note"),
        patches,
        steps,
    }
}

/// The usable options of a spice level list or swap (`list` is their member name in `o`), pushed
/// to `out`, and the default's index. A bad option, of type or of sense, is left out with a
/// warning rather than failing the card: the recipe still cooks without it. `None` (with a
/// warning) when no option is left.
fn choices(
    o: &Obj,
    list: &str,
    r: &Recipe,
    warnings: &mut Vec<FormatError>,
    out: &mut Vec<Choice>,
) -> Option<usize> {
    let default = o.str_ref("default");
    for c in o.list(list, true) {
        let e = Errors::default();
        let c = choice(&c.reporting_to(&e), r);
        // Matched on the error alone: a `Result<Choice, _>` would move the choice once more.
        match e.0.into_inner() {
            None => out.push(c),
            Some(mut e) => {
                e.message.push_str(": option left out");
                warnings.push(*e);
            }
        }
    }
    let Some(first) = out.first() else {
        o.warn(warnings, list, "no usable option: the control is left out");
        return None;
    };
    let index = out.iter().position(|c| c.id == default).unwrap_or_else(|| {
        let m = quoted("names no usable option:", default);
        let m = cat(&[&m, "; starting at \"", &first.id, "\""]);
        o.warn(warnings, "default", &m);
        0
    });
    Some(index)
}

/// The storage notes' labels and member names, in the order they are shown (a static table:
/// not built on the stack at each read).
static STORAGE: &[(&str, &str)] = &[
    ("Fridge", "fridge"),
    ("Freezer", "freezer"),
    ("Make ahead", "make_ahead"),
    ("Reheat", "reheat"),
];

/// The spice levels and the side, `None` when no level is usable; kept out of `read` as
/// [`ingredient`] is.
#[inline(never)]
fn spice(sp: &Obj, r: &Recipe, warnings: &mut Vec<FormatError>) -> Option<Spice> {
    let side = sp.opt_obj("side").and_then(|side| {
        let id = side.str_ref("ingredient");
        let ingredient = r.ingredient(id);
        if ingredient.is_none() {
            side.warn(warnings, "ingredient", &quoted("unknown ingredient id", id));
        }
        Some(Side {
            ingredient: ingredient?,
            label: side.str("label"),
            note: side.str("note"),
        })
    });
    let mut levels = Vec::new();
    let default = choices(sp, "levels", r, warnings, &mut levels)?;
    Some(Spice {
        default,
        levels,
        side,
    })
}

/// A swap, `None` when no option is usable; kept out of `read` as [`ingredient`] is.
#[inline(never)]
fn swap(sw: &Obj, r: &Recipe, warnings: &mut Vec<FormatError>) -> Option<Swap> {
    let id = sw.required("id");
    let label = sw.required("label");
    let mut options = Vec::new();
    let default = choices(sw, "options", r, warnings, &mut options)?;
    Some(Swap {
        id,
        label,
        default,
        options,
    })
}

/// A recipe with its single fields read (`format` to `units`) and its lists empty, for `read` to
/// fill in place; kept out of `read`'s frame as [`ingredient`] is.
#[inline(never)]
fn head(f: &Obj, warnings: &mut Vec<FormatError>) -> Recipe {
    let format = f.u32("format");
    if format != FORMAT_VERSION {
        // The version written out: one number less to format (checked where it is defined).
        let mut m = String::from("this card reads format 1, the file is format ");
        push_int(&mut m, format as i64);
        f.fail("format", &m);
    }
    let name = f.required("name");
    let author = f.trimmed("author");
    let intro = f.trimmed("intro");
    let (mut prep, mut cook) = (None, None);
    if let Some(t) = f.opt_obj("times") {
        prep = duration(&t, "prep", warnings);
        cook = duration(&t, "cook", warnings);
    }
    let s = f.obj("servings");
    let base = s.u32("base");
    let min = s.opt_u32("min").unwrap_or(1);
    let max = s.opt_u32("max").unwrap_or(base.saturating_mul(4));
    if base == 0 || base > 1000 {
        s.fail("base", "must be between 1 and 1000");
    }
    if min == 0 || min > base || max < base || max > 1000 {
        f.fail("servings", "expected 1 <= min <= base <= max <= 1000");
    }
    let units = match f.opt_ref("units") {
        None | Some("us") => System::Us,
        Some("metric") => System::Metric,
        Some(other) => {
            f.fail_quoted("units", "expected \"us\" or \"metric\", not", other);
            System::Us
        }
    };

    Recipe {
        name,
        author,
        intro,
        prep,
        cook,
        servings: Servings {
            base,
            min,
            max,
            batch: None,
        },
        units,
        ingredients: Vec::new(),
        steps: Vec::new(),
        spice: None,
        swaps: Vec::new(),
        tips: Vec::new(),
        pairings: Vec::new(),
        storage: Vec::new(),
        faq: Vec::new(),
    }
}

/// The items of list member `key`, which must be there and not empty (else `empty` is recorded).
fn needed<'a>(f: &Obj<'a>, key: &str, empty: &str) -> schema::List<'a> {
    let list = f.list(key, true);
    if list.is_empty() {
        f.fail(key, empty);
    }
    list
}

/// Reads and checks a recipe file's JSON text, or names the first problem (native builds: the
/// tests and tools; the wasm reads the browser's tape with [`read`]).
#[cfg(not(target_arch = "wasm32"))]
pub fn validate(json: &str) -> Result<Recipe> {
    read_json(json).map(|(r, _)| r)
}

/// [`read`] of a recipe file's JSON text, for native builds: the text written as a tape by
/// [`json::tape`] first, as the browser does with `src/web/tape.js`.
#[cfg(not(target_arch = "wasm32"))]
pub fn read_json(json: &str) -> Result<(Recipe, Vec<FormatError>)> {
    match json::tape(json) {
        Ok(tape) => read(&tape),
        Err(message) => Err(FormatError {
            path: String::new(),
            message,
        }),
    }
}

/// Reads a recipe file from its tape (the browser's `JSON.parse` of the file, [`crate::json`])
/// and checks it, in one pass, into a [`Recipe`]; also returns the problems worked around (a
/// spice level or swap option that cannot apply is left out, an impossible duration loses its
/// timer). Fails with the first error, in the order the format's documentation lists the fields.
pub fn read(tape: &str) -> Result<(Recipe, Vec<FormatError>)> {
    let e = Errors::default();
    let doc = json::read(tape);
    let f = schema::top(&e, &doc);
    let mut warnings = Vec::new();
    let mut r = head(&f, &mut warnings);

    for o in needed(&f, "ingredients", "a recipe needs at least one ingredient") {
        let ing = ingredient(&o);
        if r.ingredient(&ing.id).is_some() {
            o.fail_quoted("id", "duplicate id", &ing.id);
        }
        r.ingredients.push(ing);
    }
    for o in needed(&f, "steps", "a recipe needs at least one step") {
        let s = step(&o, &r, &mut warnings);
        r.steps.push(s);
    }

    f.strings("tips", &mut r.tips);
    f.strings("pairings", &mut r.pairings);
    if let Some(st) = f.opt_obj("storage") {
        for &(label, key) in STORAGE {
            if let Some(text) = st.opt_str(key) {
                r.storage.push((label, text));
            }
        }
    }
    for o in f.list("faq", false) {
        r.faq.push(Faq {
            q: o.str("q"),
            a: o.str("a"),
        });
    }

    // `servings` read again: an error in it is recorded already.
    if let Some(b) = f.obj("servings").opt_obj("batch") {
        let max = b.u32("max");
        if max == 0 {
            b.fail("max", "must be at least 1");
        }
        r.servings.batch = Some(Batch {
            max,
            step: step_index(&r.steps, &b, "step").unwrap_or_default(),
            note: b.required("note"),
        });
    }

    if let Some(sp) = f.opt_obj("spice") {
        r.spice = spice(&sp, &r, &mut warnings);
    }

    for sw in f.list("swaps", false) {
        if let Some(swap) = swap(&sw, &r, &mut warnings) {
            r.swaps.push(swap);
        }
    }
    e.finish((r, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(
            parse_duration("10 min"),
            Some(Duration { lo: 600, hi: 600 })
        );
        assert_eq!(
            parse_duration("3-4 min"),
            Some(Duration { lo: 180, hi: 240 })
        );
        assert_eq!(parse_duration("90 s"), Some(Duration { lo: 90, hi: 90 }));
        assert_eq!(
            parse_duration("1 1/2 h"),
            Some(Duration { lo: 5400, hi: 5400 })
        );
        for bad in ["0 min", "-3 min", "25 h", "10", "10 parsecs", "1/7 s", ""] {
            assert_eq!(parse_duration(bad), None, "{bad:?}");
        }
    }
}
