//! The recipe file exactly as written (docs/recipe-format.md), before validation, and [`read`],
//! which builds it from JSON text naming the path of any field of the wrong type or missing.
//!
//! Amounts, units and durations stay strings here so that [`crate::validate`] can reject a bad one
//! with the path of the field that holds it. The same reader runs natively and in the browser.

use crate::json::{self, Json};
use crate::prelude::*;
use crate::quantity::format::parse_uint;
use crate::validate::{Errors, FormatError};

/// The format version this build reads.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Debug, Clone)]
pub struct RecipeFile {
    pub format: u32,
    pub name: String,
    pub author: String,
    pub intro: String,
    pub times: Times,
    pub servings: Servings,
    /// The system the author measured in (`us` or `metric`): the units toggle starts there.
    pub units: Option<String>,
    pub ingredients: Vec<Ingredient>,
    pub steps: Vec<Step>,
    pub spice: Option<Spice>,
    pub swaps: Vec<Swap>,
    pub tips: Vec<String>,
    pub pairings: Vec<String>,
    pub storage: Storage,
    pub faq: Vec<Faq>,
}

#[derive(Debug, Clone, Default)]
pub struct Times {
    pub prep: Option<String>,
    pub cook: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Servings {
    pub base: u32,
    pub min: Option<u32>,
    pub max: Option<u32>,
    /// How many servings one batch (one wok) holds; above it the card says to cook in batches.
    pub batch: Option<Batch>,
}

#[derive(Debug, Clone)]
pub struct Batch {
    pub max: u32,
    pub step: String,
    pub note: String,
}

/// An ingredient is written with the same fields a patch changes; `item` is required here.
pub type Ingredient = Patch;

#[derive(Debug, Clone)]
pub struct Step {
    pub id: Option<String>,
    pub title: String,
    pub text: String,
    pub duration: Option<String>,
}

/// An ingredient's fields: as written in `ingredients`, or the changes a spice level or swap
/// option makes to one (absent fields stay as they are).
#[derive(Debug, Clone, Default)]
pub struct Patch {
    pub id: String,
    pub qty: Option<String>,
    pub unit: Option<String>,
    pub item: Option<String>,
    pub plural: Option<String>,
    pub amount_text: Option<String>,
    pub prep: Option<String>,
    pub tip: Option<String>,
    pub scale: Option<String>,
    pub used: Option<bool>,
}

#[derive(Debug, Clone)]
pub struct StepPatch {
    pub step: String,
    /// A new title: "Brown the Chicken Perfectly".
    pub title: Option<String>,
    /// A note shown under the step.
    pub note: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Choice {
    pub id: String,
    pub label: String,
    pub note: Option<String>,
    pub set: Vec<Patch>,
    pub steps: Vec<StepPatch>,
}

#[derive(Debug, Clone)]
pub struct Spice {
    pub default: String,
    pub levels: Vec<Choice>,
    pub side: Option<Side>,
}

/// "Serve the chilies on the side": the ingredient leaves the cooking steps for a serving note.
#[derive(Debug, Clone)]
pub struct Side {
    pub ingredient: String,
    pub label: String,
    pub note: String,
}

#[derive(Debug, Clone)]
pub struct Swap {
    pub id: String,
    pub label: String,
    pub default: String,
    pub options: Vec<Choice>,
}

#[derive(Debug, Clone, Default)]
pub struct Storage {
    pub fridge: Option<String>,
    pub freezer: Option<String>,
    pub make_ahead: Option<String>,
    pub reheat: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Faq {
    pub q: String,
    pub a: String,
}

type Result<T> = core::result::Result<T, FormatError>;

/// Records `invalid type: string "four", expected a whole number` at `path`.
fn wrong(errors: &Errors, path: String, v: &Json, expected: &str) {
    let found = match v {
        Json::Null => "null".into(),
        Json::Bool(b) => (if *b { "boolean true" } else { "boolean false" }).into(),
        Json::Num(n) => ["number ", n].concat(),
        Json::Str(s) => ["string \"", s, "\""].concat(),
        Json::Arr(_) => "an array".into(),
        Json::Obj(_) => "an object".into(),
    };
    errors.fail(
        path,
        ["invalid type: ", &found, ", expected ", expected].concat(),
    );
}

/// `path.key`, or `key` at the top.
fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.into()
    } else {
        [path, ".", key].concat()
    }
}

/// A JSON object being read, with its path for errors. A value of another type reads as an
/// empty object, after recording the error: reading goes on after an error, with empty values,
/// so that `read` has no early returns (see [`Errors`]).
struct Obj<'a> {
    path: String,
    members: &'a [(String, Json)],
    errors: &'a Errors,
}

fn obj<'a>(errors: &'a Errors, path: String, v: &'a Json) -> Obj<'a> {
    let members: &[(String, Json)] = match v {
        Json::Obj(members) => members,
        other => {
            wrong(errors, path.clone(), other, "an object");
            &[]
        }
    };
    Obj {
        path,
        members,
        errors,
    }
}

impl<'a> Obj<'a> {
    /// A member; `null` counts as absent.
    fn get(&self, key: &str) -> Option<&'a Json> {
        self.members
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
            .filter(|v| **v != Json::Null)
    }

    fn need(&self, key: &str) -> Option<&'a Json> {
        let v = self.get(key);
        if v.is_none() {
            self.errors
                .fail(self.path.clone(), ["missing field `", key, "`"].concat());
        }
        v
    }

    fn text(&self, key: &str, v: &Json) -> Option<String> {
        match v {
            Json::Str(s) => Some(s.clone()),
            other => {
                wrong(self.errors, join(&self.path, key), other, "a string");
                None
            }
        }
    }

    fn str(&self, key: &str) -> String {
        self.need(key)
            .and_then(|v| self.text(key, v))
            .unwrap_or_default()
    }

    fn opt_str(&self, key: &str) -> Option<String> {
        self.text(key, self.get(key)?)
    }

    /// An amount may be written as a string ("1/3", "2-3") or a plain JSON number (2, 0.5).
    fn opt_amount(&self, key: &str) -> Option<String> {
        match self.get(key)? {
            Json::Num(n) => Some(n.clone()),
            v => self.text(key, v),
        }
    }

    fn opt_u32(&self, key: &str) -> Option<u32> {
        match self.get(key)? {
            Json::Num(n) if n.len() <= 9 && n.bytes().all(|b| b.is_ascii_digit()) => {
                parse_uint(n).map(|n| n as u32)
            }
            other => {
                wrong(self.errors, join(&self.path, key), other, "a whole number");
                None
            }
        }
    }

    fn u32(&self, key: &str) -> u32 {
        self.need(key);
        self.opt_u32(key).unwrap_or_default()
    }

    fn opt_bool(&self, key: &str) -> Option<bool> {
        match self.get(key)? {
            Json::Bool(b) => Some(*b),
            other => {
                wrong(self.errors, join(&self.path, key), other, "true or false");
                None
            }
        }
    }

    fn opt_obj(&self, key: &str) -> Option<Obj<'a>> {
        Some(obj(self.errors, join(&self.path, key), self.get(key)?))
    }

    fn obj(&self, key: &str) -> Obj<'a> {
        let path = join(&self.path, key);
        match self.need(key) {
            Some(v) => obj(self.errors, path, v),
            None => Obj {
                path,
                members: &[],
                errors: self.errors,
            },
        }
    }

    /// The items of an array member; absent is empty.
    fn items(&self, key: &str) -> &'a [Json] {
        match self.get(key) {
            None => &[],
            Some(Json::Arr(items)) => items,
            Some(other) => {
                wrong(self.errors, join(&self.path, key), other, "an array");
                &[]
            }
        }
    }

    /// `key[i]`, the path of an item.
    fn item_path(&self, key: &str, i: usize) -> String {
        let mut p = join(&self.path, key);
        p.push('[');
        crate::quantity::format::push_int(&mut p, i as i64);
        p.push(']');
        p
    }

    /// Each item of an array member read as an object by `f`; `need`: the member must be there.
    fn objects<T>(&self, key: &str, need: bool, f: impl Fn(Obj<'a>) -> T) -> Vec<T> {
        if need {
            self.need(key);
        }
        let mut out = Vec::new();
        for (i, v) in self.items(key).iter().enumerate() {
            out.push(f(obj(self.errors, self.item_path(key, i), v)));
        }
        out
    }

    fn strings(&self, key: &str) -> Vec<String> {
        let mut out = Vec::new();
        for (i, v) in self.items(key).iter().enumerate() {
            match v {
                Json::Str(s) => out.push(s.clone()),
                other => wrong(self.errors, self.item_path(key, i), other, "a string"),
            }
        }
        out
    }
}

/// Reads a recipe file from JSON text: an error names the field at fault (the first one, in the
/// order of the format's documentation).
pub fn read(text: &str) -> Result<RecipeFile> {
    let root = json::parse(text).map_err(|m| FormatError {
        path: String::new(),
        message: ["not valid JSON: ", &m].concat(),
    })?;
    let errors = Errors::default();
    let r = obj(&errors, String::new(), &root);
    let times = r.opt_obj("times");
    let servings = r.obj("servings");
    let storage = r.opt_obj("storage");
    let opt = |o: &Option<Obj>, key: &str| o.as_ref().and_then(|o| o.opt_str(key));
    let file = RecipeFile {
        format: r.u32("format"),
        name: r.str("name"),
        author: r.opt_str("author").unwrap_or_default(),
        intro: r.opt_str("intro").unwrap_or_default(),
        times: Times {
            prep: opt(&times, "prep"),
            cook: opt(&times, "cook"),
        },
        servings: Servings {
            base: servings.u32("base"),
            min: servings.opt_u32("min"),
            max: servings.opt_u32("max"),
            batch: servings.opt_obj("batch").map(|b| Batch {
                max: b.u32("max"),
                step: b.str("step"),
                note: b.str("note"),
            }),
        },
        units: r.opt_str("units"),
        ingredients: r.objects("ingredients", true, |o| {
            o.need("item");
            patch(o)
        }),
        steps: r.objects("steps", true, |o| Step {
            id: o.opt_str("id"),
            title: o.str("title"),
            text: o.str("text"),
            duration: o.opt_str("duration"),
        }),
        spice: r.opt_obj("spice").map(|sp| Spice {
            default: sp.str("default"),
            levels: sp.objects("levels", true, choice),
            side: sp.opt_obj("side").map(|side| Side {
                ingredient: side.str("ingredient"),
                label: side.str("label"),
                note: side.str("note"),
            }),
        }),
        swaps: r.objects("swaps", false, |o| Swap {
            id: o.str("id"),
            label: o.str("label"),
            default: o.str("default"),
            options: o.objects("options", true, choice),
        }),
        tips: r.strings("tips"),
        pairings: r.strings("pairings"),
        storage: Storage {
            fridge: opt(&storage, "fridge"),
            freezer: opt(&storage, "freezer"),
            make_ahead: opt(&storage, "make_ahead"),
            reheat: opt(&storage, "reheat"),
        },
        faq: r.objects("faq", false, |o| Faq {
            q: o.str("q"),
            a: o.str("a"),
        }),
    };
    errors.finish(file)
}

/// An ingredient's fields, as an ingredient or as a patch to one.
fn patch(p: Obj) -> Patch {
    Patch {
        id: p.str("id"),
        qty: p.opt_amount("qty"),
        unit: p.opt_str("unit"),
        item: p.opt_str("item"),
        plural: p.opt_str("plural"),
        amount_text: p.opt_str("amount_text"),
        prep: p.opt_str("prep"),
        tip: p.opt_str("tip"),
        scale: p.opt_str("scale"),
        used: p.opt_bool("use"),
    }
}

fn choice(o: Obj) -> Choice {
    Choice {
        id: o.str("id"),
        label: o.str("label"),
        note: o.opt_str("note"),
        set: o.objects("set", false, patch),
        steps: o.objects("steps", false, |p| StepPatch {
            step: p.str("step"),
            title: p.opt_str("title"),
            note: p.opt_str("note"),
        }),
    }
}
