//! The reader's starting choices, from the URL, their stored choice, the blogger's attributes and
//! the recipe, in that order. Pure: the web shell reads the strings (`dom.js` finds the URL's
//! value and the storage key), this decides, and every rejected value comes back as a warning
//! for the console.

use crate::model::{Choice, Recipe};
use crate::prelude::*;
use crate::quantity::format::{parse_uint, push_int};
use crate::quantity::System;

/// Where a value came from, for the warning that names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Url,
    Stored,
    Attribute,
}

impl Source {
    fn describe(self, name: &str, value: &str) -> String {
        let mut s = String::from(match self {
            Source::Url => "URL parameter ",
            Source::Stored => "stored ",
            Source::Attribute => "attribute ",
        });
        s.push_str(name);
        s.push_str("=\"");
        s.push_str(value);
        s.push('"');
        s
    }
}

/// A value from one source, if given.
pub type Given<'a> = (Source, Option<&'a str>);

/// The first acceptable servings count among `given` (in precedence order), clamped to the
/// recipe's range; the recipe's own servings when none is. Values that are not whole numbers are
/// ignored, numbers out of range clamped; each with a warning.
pub fn servings(r: &Recipe, given: &[Given], warnings: &mut Vec<String>) -> u32 {
    let (min, max) = (r.servings.min, r.servings.max);
    for &(source, value) in given {
        let Some(raw) = value else { continue };
        let v = raw.trim_ascii();
        // By bytes: a `char` pattern is its own code.
        let digits = match v.as_bytes() {
            [b'-', ..] => v.get(1..).unwrap_or_default(),
            _ => v,
        };
        let n = if digits.len() <= 12 {
            parse_uint(digits)
        } else {
            None
        };
        let Some(n) = n else {
            let mut w = source.describe("servings", raw);
            w.push_str(" is not a whole number: ignored");
            warnings.push(w);
            continue;
        };
        // Any negative number is below the minimum.
        let n = if digits.len() < v.len() { -1 } else { n as i64 };
        // `max(…).min(…)`, not `clamp`: clamp asserts `min <= max` (validation guarantees it), a
        // panic path with its message and location in the wasm.
        let clamped = n.max(min as i64).min(max as i64) as u32;
        if clamped as i64 != n {
            let mut w = source.describe("servings", raw);
            w.push_str(" is outside ");
            push_int(&mut w, min as i64);
            w.push('–');
            push_int(&mut w, max as i64);
            w.push_str(": using ");
            push_int(&mut w, clamped as i64);
            warnings.push(w);
        }
        return clamped;
    }
    r.servings.base
}

/// The first of `us` / `metric` among `given`; `None` (the author's units) when none is.
pub fn units(given: &[Given], warnings: &mut Vec<String>) -> Option<System> {
    for &(source, value) in given {
        let Some(raw) = value else { continue };
        // Compared in place: no lowercased copy.
        let v = raw.trim_ascii();
        if v.eq_ignore_ascii_case("us") {
            return Some(System::Us);
        }
        if v.eq_ignore_ascii_case("metric") {
            return Some(System::Metric);
        }
        let mut w = source.describe("units", raw);
        w.push_str(" is not \"us\" or \"metric\": ignored");
        warnings.push(w);
    }
    None
}

/// The index of the first option among `given` whose id is named (`spice="mild"`); `None` when
/// none is, with a warning for each unknown name.
pub fn choice(
    name: &str,
    options: &[Choice],
    given: &[Given],
    warnings: &mut Vec<String>,
) -> Option<usize> {
    for &(source, value) in given {
        let Some(raw) = value else { continue };
        let v = raw.trim_ascii();
        for (i, c) in options.iter().enumerate() {
            if c.id == v {
                return Some(i);
            }
        }
        let mut w = source.describe(name, raw);
        w.push_str(" names no option (");
        // Joined in place: `join` with a separator is its own instantiation.
        let mut sep = "";
        for c in options {
            w.push_str(sep);
            w.push_str(&c.id);
            sep = ", ";
        }
        w.push_str("): ignored");
        warnings.push(w);
    }
    None
}
