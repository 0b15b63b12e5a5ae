//! From the recipe file's JSON text to a [`Recipe`] the renderer can trust, in one pass
//! ([`read`]; [`crate::schema`] reads the JSON values with their paths).
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
use crate::schema::{self, Obj, FORMAT_VERSION};
use crate::template;
use core::cell::Cell;

/// What is wrong with a recipe file, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    pub path: String,
    pub message: String,
}

impl FormatError {
    /// `path: message`, or the message alone when there is no path.
    pub fn text(&self) -> String {
        if self.path.is_empty() {
            return self.message.clone();
        }
        let mut s = self.path.clone();
        s.push_str(": ");
        s.push_str(&self.message);
        s
    }
}

type Result<T> = core::result::Result<T, FormatError>;

/// The first error met. Reading and checking go on with empty values after it, so the big
/// functions have no early returns: each `?` out of a half-built recipe needs its own code to drop
/// what was built so far, and in the wasm that code was most of the reader (docs/performance.md).
#[derive(Default)]
pub(crate) struct Errors(Cell<Option<FormatError>>);

impl Errors {
    /// Records `e` unless an earlier error was recorded.
    pub(crate) fn put(&self, e: FormatError) {
        let first = self.0.take();
        self.0.set(first.or(Some(e)));
    }

    pub(crate) fn fail(&self, path: impl Into<String>, message: impl Into<String>) {
        self.put(FormatError {
            path: path.into(),
            message: message.into(),
        });
    }

    /// The value, or `None` after recording the error.
    pub(crate) fn check<T>(&self, r: Result<T>) -> Option<T> {
        r.map_err(|e| self.put(e)).ok()
    }

    /// `value` when nothing went wrong, else the first error.
    pub(crate) fn finish<T>(self, value: T) -> Result<T> {
        match self.0.take() {
            Some(e) => Err(e),
            None => Ok(value),
        }
    }
}

fn err<T>(path: impl Into<String>, message: impl Into<String>) -> Result<T> {
    Err(FormatError {
        path: path.into(),
        message: message.into(),
    })
}

fn quoted(before: &str, value: &str) -> String {
    let mut s = String::from(before);
    s.push_str(" \"");
    s.push_str(value);
    s.push('"');
    s
}

fn required(path: &str, value: &str) -> Result<String> {
    let v = value.trim();
    if v.is_empty() {
        return err(path, "must not be empty");
    }
    Ok(v.to_string())
}

/// The longest duration a step or timer may have: anything longer is a typo, not a recipe.
pub const MAX_DURATION_SECS: u32 = 24 * 60 * 60;

/// Parses `10 min`, `3-4 min`, `90 s` or `1 h` into seconds.
pub fn parse_duration(s: &str) -> Option<Duration> {
    let s = s.trim();
    let split = s.find(|c: char| c.is_ascii_alphabetic())?;
    let (num, unit) = (s.get(..split)?.trim(), s.get(split..)?.trim());
    let secs: u32 = match unit {
        "s" | "sec" | "secs" | "second" | "seconds" => 1,
        "min" | "mins" | "minute" | "minutes" => 60,
        "h" | "hr" | "hrs" | "hour" | "hours" => 3600,
        _ => return None,
    };
    let to_secs = |r: crate::quantity::Ratio| {
        let v = r * crate::quantity::Ratio::int(secs as i64);
        (v.den() == 1 && v.num() > 0 && v.num() <= MAX_DURATION_SECS as i64)
            .then_some(v.num() as u32)
    };
    match Qty::parse(num)? {
        Qty::Exact(v) => to_secs(v).map(|v| Duration { lo: v, hi: v }),
        Qty::Range(lo, hi) => Some(Duration {
            lo: to_secs(lo)?,
            hi: to_secs(hi)?,
        }),
    }
}

fn duration(path: &str, s: &str) -> Result<Duration> {
    parse_duration(s).ok_or_else(|| FormatError {
        path: path.into(),
        message: quoted(
            "expected a duration such as \"10 min\" or \"3-4 min\", between 1 s and 24 h, not",
            s,
        ),
    })
}

/// A duration that cannot be right (zero, negative, over 24 hours, unreadable) is dropped with a
/// warning: the step still reads well without its timer.
fn optional_duration(
    path: &str,
    s: Option<&str>,
    warnings: &mut Vec<FormatError>,
) -> Option<Duration> {
    duration(path, s?)
        .map_err(|mut e| {
            e.message.push_str(": no timer");
            warnings.push(e);
        })
        .ok()
}

fn scaling(path: &str, s: &str) -> Result<Scaling> {
    Ok(match s {
        "linear" => Scaling::Linear,
        "fixed" => Scaling::Fixed,
        "whole" => Scaling::Whole,
        _ => return err(path, quoted("expected linear, fixed or whole, not", s)),
    })
}

fn unit(path: &str, s: &str) -> Result<Unit> {
    Unit::parse(s).ok_or_else(|| FormatError {
        path: path.into(),
        message: quoted("unknown unit", s),
    })
}

fn qty(path: &str, s: &str) -> Result<Qty> {
    Qty::parse(s).ok_or_else(|| FormatError {
        path: path.into(),
        message: quoted(
            "expected an amount such as \"2\", \"1/3\", \"1 1/2\" or \"2-3\", not",
            s,
        ),
    })
}

fn ingredient(o: &Obj, e: &Errors) -> Ingredient {
    let id = e
        .check(required(&o.at("id"), &o.str("id")))
        .unwrap_or_default();
    let item = e
        .check(required(&o.at("item"), &o.str("item")))
        .unwrap_or_default();
    let unit = o
        .opt_str("unit")
        .and_then(|u| e.check(unit(&o.at("unit"), &u)));
    let scale = o
        .opt_str("scale")
        .and_then(|s| e.check(scaling(&o.at("scale"), &s)));
    let amount = match (o.opt_amount("qty"), o.opt_str("amount_text")) {
        (Some(_), Some(_)) => {
            e.fail(o.at("amount_text"), "give either qty or amount_text");
            Amount::None
        }
        (Some(q), None) => match e.check(qty(&o.at("qty"), &q)) {
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
        (None, text) => {
            if unit.is_some() {
                e.fail(o.at("unit"), "a unit needs a qty");
            }
            match text {
                Some(t) => Amount::Text(
                    e.check(required(&o.at("amount_text"), &t))
                        .unwrap_or_default(),
                ),
                None => Amount::None,
            }
        }
    };
    Ingredient {
        plural: o.opt_str("plural").unwrap_or_else(|| {
            let mut s = item.clone();
            s.push('s');
            s
        }),
        id,
        amount,
        item,
        prep: o.opt_str("prep").unwrap_or_default(),
        tip: o.opt_str("tip").unwrap_or_default(),
        used: o.opt_bool("use").unwrap_or(true),
    }
}

fn step_index(steps: &[Step], path: &str, id: &str) -> Result<usize> {
    steps
        .iter()
        .position(|s| s.id == id)
        .ok_or_else(|| FormatError {
            path: path.into(),
            message: quoted("unknown step id", id),
        })
}

/// One spice level or swap option; its errors (of type or of sense) go to `e`.
fn choice(o: &Obj, r: &Recipe, e: &Errors) -> Choice {
    let mut patches = Vec::new();
    for s in o.list("set", false) {
        let id = s.str("id");
        let Some(ingredient) = r.ingredient(&id) else {
            e.fail(s.at("id"), quoted("unknown ingredient id", &id));
            continue;
        };
        let qty_text = s.opt_amount("qty");
        let unit_text = s.opt_str("unit");
        let scale_text = s.opt_str("scale");
        let patch = Patch {
            ingredient,
            qty: None,
            amount_text: s.opt_str("amount_text"),
            unit: None,
            item: s.opt_str("item"),
            plural: s.opt_str("plural"),
            prep: s.opt_str("prep"),
            tip: s.opt_str("tip"),
            scaling: None,
            used: s.opt_bool("use"),
        };
        let changes = [
            qty_text.is_some(),
            unit_text.is_some(),
            patch.item.is_some(),
            patch.plural.is_some(),
            patch.amount_text.is_some(),
            patch.prep.is_some(),
            patch.tip.is_some(),
            scale_text.is_some(),
        ];
        if patch.used.is_none() && !changes.contains(&true) {
            e.fail(s.at("id"), quoted("changes nothing in", &id));
        }
        let measured = matches!(r.ingredients[ingredient].amount, Amount::Measured { .. });
        if qty_text.is_none() && (unit_text.is_some() || scale_text.is_some()) && !measured {
            e.fail(s.at("qty"), "a unit or scale needs an amount: give qty");
        }
        patches.push(Patch {
            qty: qty_text.and_then(|q| e.check(qty(&s.at("qty"), &q))),
            unit: unit_text.and_then(|u| e.check(unit(&s.at("unit"), &u))),
            scaling: scale_text.and_then(|v| e.check(scaling(&s.at("scale"), &v))),
            ..patch
        });
    }
    let mut steps = Vec::new();
    for n in o.list("steps", false) {
        let path = n.at("step");
        let Some(step) = e.check(step_index(&r.steps, &path, &n.str("step"))) else {
            continue;
        };
        let (title, note) = (n.opt_str("title"), n.opt_str("note"));
        if title.is_none() && note.is_none() {
            e.fail(path, "give a title or a note");
        }
        steps.push(StepPatch { step, title, note });
    }
    Choice {
        id: e
            .check(required(&o.at("id"), &o.str("id")))
            .unwrap_or_default(),
        label: e
            .check(required(&o.at("label"), &o.str("label")))
            .unwrap_or_default(),
        note: o.opt_str("note").unwrap_or_default(),
        patches,
        steps,
    }
}

/// The usable options of a spice level list or swap (`list` is their member name in `o`), and the
/// default's index. A bad option, of type or of sense, is left out with a warning rather than
/// failing the card: the recipe still cooks without it. `None` (with a warning) when no option is
/// left.
fn choices(
    o: &Obj,
    list: &str,
    default: &str,
    r: &Recipe,
    warnings: &mut Vec<FormatError>,
) -> Option<(Vec<Choice>, usize)> {
    let mut out = Vec::new();
    for c in o.list(list, true) {
        let e = Errors::default();
        let c = choice(&c.reporting_to(&e), r, &e);
        match e.finish(c) {
            Ok(c) => out.push(c),
            Err(mut e) => {
                e.message.push_str(": option left out");
                warnings.push(e);
            }
        }
    }
    if out.is_empty() {
        warnings.push(FormatError {
            path: o.at(list),
            message: "no usable option: the control is left out".into(),
        });
        return None;
    }
    let index = out.iter().position(|c| c.id == default).unwrap_or_else(|| {
        let mut m = quoted("names no usable option:", default);
        m.push_str("; starting at \"");
        m.push_str(&out[0].id);
        m.push('"');
        warnings.push(FormatError {
            path: o.at("default"),
            message: m,
        });
        0
    });
    Some((out, index))
}

/// Reads and checks a recipe file, or names the first problem.
pub fn validate(text: &str) -> Result<Recipe> {
    read(text).map(|(r, _)| r)
}

/// Reads a recipe file from its JSON text and checks it, in one pass, into a [`Recipe`]; also
/// returns the problems worked around (a spice level or swap option that cannot apply is left
/// out, an impossible duration loses its timer). Fails with the first error, in the order the
/// format's documentation lists the fields.
pub fn read(text: &str) -> Result<(Recipe, Vec<FormatError>)> {
    let root = json::parse(text).map_err(|m| FormatError {
        path: String::new(),
        message: ["not valid JSON: ", &m].concat(),
    })?;
    let e = Errors::default();
    let f = schema::top(&e, &root);
    let mut warnings = Vec::new();
    let format = f.u32("format");
    if format != FORMAT_VERSION {
        let mut m = String::from("this card reads format ");
        push_int(&mut m, FORMAT_VERSION as i64);
        m.push_str(", the file is format ");
        push_int(&mut m, format as i64);
        e.fail("format", m);
    }
    let name = e
        .check(required("name", &f.str("name")))
        .unwrap_or_default();
    let author = f.opt_str("author").unwrap_or_default();
    let intro = f.opt_str("intro").unwrap_or_default();
    let times = f.opt_obj("times");
    let time = |key: &str, warnings: &mut Vec<FormatError>| {
        let t = times.as_ref()?;
        optional_duration(&t.at(key), t.opt_str(key).as_deref(), warnings)
    };
    let prep = time("prep", &mut warnings);
    let cook = time("cook", &mut warnings);
    let s = f.obj("servings");
    let base = s.u32("base");
    let min = s.opt_u32("min").unwrap_or(1);
    let max = s.opt_u32("max").unwrap_or(base.saturating_mul(4));
    if base == 0 || base > 1000 {
        e.fail("servings.base", "must be between 1 and 1000");
    }
    if min == 0 || min > base || max < base || max > 1000 {
        e.fail("servings", "expected 1 <= min <= base <= max <= 1000");
    }
    let units = match f.opt_str("units").as_deref() {
        None | Some("us") => System::Us,
        Some("metric") => System::Metric,
        Some(other) => {
            e.fail("units", quoted("expected \"us\" or \"metric\", not", other));
            System::Us
        }
    };

    let list = f.list("ingredients", true);
    if list.is_empty() {
        e.fail("ingredients", "a recipe needs at least one ingredient");
    }
    let mut ingredients: Vec<Ingredient> = Vec::new();
    for o in &list {
        let ing = ingredient(o, &e);
        if ingredients.iter().any(|x| x.id == ing.id) {
            e.fail(o.at("id"), quoted("duplicate id", &ing.id));
        }
        ingredients.push(ing);
    }
    let lookup = |id: &str| ingredients.iter().position(|i| i.id == id);

    let list = f.list("steps", true);
    if list.is_empty() {
        e.fail("steps", "a recipe needs at least one step");
    }
    let mut steps: Vec<Step> = Vec::new();
    for (i, o) in list.iter().enumerate() {
        let text = template::parse(&o.str("text"), &lookup)
            .map_err(|m| e.fail(o.at("text"), m))
            .unwrap_or_default();
        let id = match o.opt_str("id") {
            Some(id) => e.check(required(&o.at("id"), &id)).unwrap_or_default(),
            None => {
                let mut s = String::new();
                push_int(&mut s, i as i64 + 1);
                s
            }
        };
        if steps.iter().any(|x| x.id == id) {
            e.fail(o.at("id"), quoted("duplicate id", &id));
        }
        steps.push(Step {
            id,
            title: e
                .check(required(&o.at("title"), &o.str("title")))
                .unwrap_or_default(),
            duration: optional_duration(
                &o.at("duration"),
                o.opt_str("duration").as_deref(),
                &mut warnings,
            ),
            text,
        });
    }

    let mut r = Recipe {
        name,
        author: author.trim().into(),
        intro: intro.trim().into(),
        prep,
        cook,
        servings: Servings {
            base,
            min,
            max,
            batch: None,
        },
        units,
        ingredients,
        steps,
        spice: None,
        swaps: Vec::new(),
        tips: f.strings("tips"),
        pairings: f.strings("pairings"),
        storage: Vec::new(),
        faq: Vec::new(),
    };
    if let Some(st) = f.opt_obj("storage") {
        for (label, key) in [
            ("Fridge", "fridge"),
            ("Freezer", "freezer"),
            ("Make ahead", "make_ahead"),
            ("Reheat", "reheat"),
        ] {
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

    if let Some(b) = s.opt_obj("batch") {
        let max = b.u32("max");
        if max == 0 {
            e.fail("servings.batch.max", "must be at least 1");
        }
        r.servings.batch = Some(Batch {
            max,
            step: e
                .check(step_index(&r.steps, "servings.batch.step", &b.str("step")))
                .unwrap_or_default(),
            note: e
                .check(required("servings.batch.note", &b.str("note")))
                .unwrap_or_default(),
        });
    }

    if let Some(sp) = f.opt_obj("spice") {
        let default = sp.str("default");
        let side = sp.opt_obj("side").and_then(|side| {
            let id = side.str("ingredient");
            let ingredient = r.ingredient(&id);
            if ingredient.is_none() {
                warnings.push(FormatError {
                    path: "spice.side.ingredient".into(),
                    message: quoted("unknown ingredient id", &id),
                });
            }
            Some(Side {
                ingredient: ingredient?,
                label: side.str("label"),
                note: side.str("note"),
            })
        });
        r.spice =
            choices(&sp, "levels", &default, &r, &mut warnings).map(|(levels, default)| Spice {
                default,
                levels,
                side,
            });
    }

    for sw in f.list("swaps", false) {
        let default = sw.str("default");
        let id = e.check(required(&sw.at("id"), &sw.str("id")));
        let label = e.check(required(&sw.at("label"), &sw.str("label")));
        let Some((options, default)) = choices(&sw, "options", &default, &r, &mut warnings) else {
            continue;
        };
        r.swaps.push(Swap {
            id: id.unwrap_or_default(),
            label: label.unwrap_or_default(),
            default,
            options,
        });
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
