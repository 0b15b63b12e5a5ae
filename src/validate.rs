//! From the file as written ([`crate::schema`]) to a [`Recipe`] the renderer can trust.
//!
//! Every error names the path of the field at fault (`ingredients[2].unit`), because the blogger
//! who sees it in the card has to find and fix that line in the file.

use crate::model::{
    Amount, Batch, Choice, Duration, Faq, Ingredient, Patch, Recipe, Scaling, Servings, Side,
    Spice, Step, StepPatch, Swap,
};
use crate::prelude::*;
use crate::quantity::format::push_int;
use crate::quantity::{Qty, System, Unit};
use crate::schema::{self, RecipeFile, FORMAT_VERSION};
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

/// `base[i].field`
fn at(base: &str, i: usize, field: &str) -> String {
    let mut s = String::from(base);
    s.push('[');
    push_int(&mut s, i as i64);
    s.push(']');
    if !field.is_empty() {
        s.push('.');
        s.push_str(field);
    }
    s
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

fn ingredient(i: usize, f: &schema::Ingredient, e: &Errors) -> Ingredient {
    let p = |field| at("ingredients", i, field);
    let id = e.check(required(&p("id"), &f.id)).unwrap_or_default();
    let item = e
        .check(required(&p("item"), f.item.as_deref().unwrap_or_default()))
        .unwrap_or_default();
    let unit = f.unit.as_deref().and_then(|u| e.check(unit(&p("unit"), u)));
    let scale = f
        .scale
        .as_deref()
        .and_then(|s| e.check(scaling(&p("scale"), s)));
    let amount = match (&f.qty, &f.amount_text) {
        (Some(_), Some(_)) => {
            e.fail(p("amount_text"), "give either qty or amount_text");
            Amount::None
        }
        (Some(q), None) => match e.check(qty(&p("qty"), q)) {
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
                e.fail(p("unit"), "a unit needs a qty");
            }
            match text {
                Some(t) => {
                    Amount::Text(e.check(required(&p("amount_text"), t)).unwrap_or_default())
                }
                None => Amount::None,
            }
        }
    };
    Ingredient {
        plural: f.plural.clone().unwrap_or_else(|| {
            let mut s = item.clone();
            s.push('s');
            s
        }),
        id,
        amount,
        item,
        prep: f.prep.clone().unwrap_or_default(),
        tip: f.tip.clone().unwrap_or_default(),
        used: f.used.unwrap_or(true),
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

fn choice(base: &str, f: &schema::Choice, r: &Recipe, e: &Errors) -> Choice {
    let p = |field: &str| {
        let mut s = String::from(base);
        s.push('.');
        s.push_str(field);
        s
    };
    let mut patches = Vec::new();
    for (j, s) in f.set.iter().enumerate() {
        let pp = |field| at(&p("set"), j, field);
        let Some(ingredient) = r.ingredient(&s.id) else {
            e.fail(pp("id"), quoted("unknown ingredient id", &s.id));
            continue;
        };
        let changes = [
            &s.qty,
            &s.unit,
            &s.item,
            &s.plural,
            &s.amount_text,
            &s.prep,
            &s.tip,
            &s.scale,
        ];
        if s.used.is_none() && changes.iter().all(|c| c.is_none()) {
            e.fail(pp("id"), quoted("changes nothing in", &s.id));
        }
        let measured = matches!(r.ingredients[ingredient].amount, Amount::Measured { .. });
        if s.qty.is_none() && (s.unit.is_some() || s.scale.is_some()) && !measured {
            e.fail(pp("qty"), "a unit or scale needs an amount: give qty");
        }
        patches.push(Patch {
            ingredient,
            qty: s.qty.as_deref().and_then(|q| e.check(qty(&pp("qty"), q))),
            amount_text: s.amount_text.clone(),
            unit: s
                .unit
                .as_deref()
                .and_then(|u| e.check(unit(&pp("unit"), u))),
            item: s.item.clone(),
            plural: s.plural.clone(),
            prep: s.prep.clone(),
            tip: s.tip.clone(),
            scaling: s
                .scale
                .as_deref()
                .and_then(|v| e.check(scaling(&pp("scale"), v))),
            used: s.used,
        });
    }
    let mut steps = Vec::new();
    for (j, n) in f.steps.iter().enumerate() {
        let path = at(&p("steps"), j, "step");
        let Some(step) = e.check(step_index(&r.steps, &path, &n.step)) else {
            continue;
        };
        if n.title.is_none() && n.note.is_none() {
            e.fail(path, "give a title or a note");
        }
        steps.push(StepPatch {
            step,
            title: n.title.clone(),
            note: n.note.clone(),
        });
    }
    Choice {
        id: e.check(required(&p("id"), &f.id)).unwrap_or_default(),
        label: e.check(required(&p("label"), &f.label)).unwrap_or_default(),
        note: f.note.clone().unwrap_or_default(),
        patches,
        steps,
    }
}

/// The usable options of a spice level list or swap, and the default's index. A bad option is
/// left out with a warning rather than failing the card: the recipe still cooks without it.
/// `None` (with a warning) when no option is left.
fn choices(
    base: &str,
    list: &[schema::Choice],
    default_path: &str,
    default: &str,
    r: &Recipe,
    warnings: &mut Vec<FormatError>,
) -> Option<(Vec<Choice>, usize)> {
    let mut out = Vec::new();
    for (i, c) in list.iter().enumerate() {
        let e = Errors::default();
        let c = choice(&at(base, i, ""), c, r, &e);
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
            path: base.into(),
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
            path: default_path.into(),
            message: m,
        });
        0
    });
    Some((out, index))
}

/// Checks a recipe file and builds the model, or names the first problem.
pub fn validate(f: &RecipeFile) -> Result<Recipe> {
    checked(f).map(|(r, _)| r)
}

/// Like [`validate`], and also returns the problems worked around: a spice level or swap option
/// that cannot apply is left out, and the card renders without it.
pub fn checked(f: &RecipeFile) -> Result<(Recipe, Vec<FormatError>)> {
    let mut warnings = Vec::new();
    if f.format != FORMAT_VERSION {
        let mut m = String::from("this card reads format ");
        push_int(&mut m, FORMAT_VERSION as i64);
        m.push_str(", the file is format ");
        push_int(&mut m, f.format as i64);
        return err("format", m);
    }
    let s = &f.servings;
    let min = s.min.unwrap_or(1);
    let max = s.max.unwrap_or(s.base.saturating_mul(4));
    if s.base == 0 || s.base > 1000 {
        return err("servings.base", "must be between 1 and 1000");
    }
    if min == 0 || min > s.base || max < s.base || max > 1000 {
        return err("servings", "expected 1 <= min <= base <= max <= 1000");
    }
    if f.ingredients.is_empty() {
        return err("ingredients", "a recipe needs at least one ingredient");
    }
    if f.steps.is_empty() {
        return err("steps", "a recipe needs at least one step");
    }

    let e = Errors::default();
    let mut ingredients: Vec<Ingredient> = Vec::new();
    for (i, x) in f.ingredients.iter().enumerate() {
        let ing = ingredient(i, x, &e);
        if ingredients.iter().any(|o| o.id == ing.id) {
            e.fail(at("ingredients", i, "id"), quoted("duplicate id", &ing.id));
        }
        ingredients.push(ing);
    }
    let lookup = |id: &str| ingredients.iter().position(|i| i.id == id);

    let mut steps: Vec<Step> = Vec::new();
    for (i, x) in f.steps.iter().enumerate() {
        let p = |field| at("steps", i, field);
        let text = template::parse(&x.text, &lookup)
            .map_err(|m| e.fail(p("text"), m))
            .unwrap_or_default();
        let id = match &x.id {
            Some(id) => e.check(required(&p("id"), id)).unwrap_or_default(),
            None => {
                let mut s = String::new();
                push_int(&mut s, i as i64 + 1);
                s
            }
        };
        if steps.iter().any(|o| o.id == id) {
            e.fail(p("id"), quoted("duplicate id", &id));
        }
        steps.push(Step {
            id,
            title: e.check(required(&p("title"), &x.title)).unwrap_or_default(),
            duration: optional_duration(&p("duration"), x.duration.as_deref(), &mut warnings),
            text,
        });
    }

    let mut r = Recipe {
        name: e.check(required("name", &f.name)).unwrap_or_default(),
        author: f.author.trim().to_string(),
        intro: f.intro.trim().to_string(),
        prep: optional_duration("times.prep", f.times.prep.as_deref(), &mut warnings),
        cook: optional_duration("times.cook", f.times.cook.as_deref(), &mut warnings),
        servings: Servings {
            base: s.base,
            min,
            max,
            batch: None,
        },
        units: match f.units.as_deref() {
            None | Some("us") => System::Us,
            Some("metric") => System::Metric,
            Some(other) => {
                e.fail("units", quoted("expected \"us\" or \"metric\", not", other));
                System::Us
            }
        },
        ingredients,
        steps,
        spice: None,
        swaps: Vec::new(),
        tips: f.tips.clone(),
        pairings: f.pairings.clone(),
        storage: Vec::new(),
        faq: f
            .faq
            .iter()
            .map(|x| Faq {
                q: x.q.clone(),
                a: x.a.clone(),
            })
            .collect(),
    };

    for (label, text) in [
        ("Fridge", &f.storage.fridge),
        ("Freezer", &f.storage.freezer),
        ("Make ahead", &f.storage.make_ahead),
        ("Reheat", &f.storage.reheat),
    ] {
        if let Some(text) = text {
            r.storage.push((label, text.clone()));
        }
    }

    if let Some(b) = &s.batch {
        if b.max == 0 {
            e.fail("servings.batch.max", "must be at least 1");
        }
        r.servings.batch = Some(Batch {
            max: b.max,
            step: e
                .check(step_index(&r.steps, "servings.batch.step", &b.step))
                .unwrap_or_default(),
            note: e
                .check(required("servings.batch.note", &b.note))
                .unwrap_or_default(),
        });
    }

    if let Some(sp) = &f.spice {
        let side = sp.side.as_ref().and_then(|side| {
            let ingredient = r.ingredient(&side.ingredient);
            if ingredient.is_none() {
                warnings.push(FormatError {
                    path: "spice.side.ingredient".into(),
                    message: quoted("unknown ingredient id", &side.ingredient),
                });
            }
            Some(Side {
                ingredient: ingredient?,
                label: side.label.clone(),
                note: side.note.clone(),
            })
        });
        r.spice = choices(
            "spice.levels",
            &sp.levels,
            "spice.default",
            &sp.default,
            &r,
            &mut warnings,
        )
        .map(|(levels, default)| Spice {
            default,
            levels,
            side,
        });
    }

    for (i, sw) in f.swaps.iter().enumerate() {
        let base = at("swaps", i, "options");
        let default_path = at("swaps", i, "default");
        let Some((options, default)) = choices(
            &base,
            &sw.options,
            &default_path,
            &sw.default,
            &r,
            &mut warnings,
        ) else {
            continue;
        };
        r.swaps.push(Swap {
            id: e
                .check(required(&at("swaps", i, "id"), &sw.id))
                .unwrap_or_default(),
            label: e
                .check(required(&at("swaps", i, "label"), &sw.label))
                .unwrap_or_default(),
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
