//! The recipe file exactly as written (docs/recipe-format.md), before validation, and [`read`],
//! which builds it from JSON text naming the path of any field of the wrong type or missing.
//!
//! Amounts, units and durations stay strings here so that [`crate::validate`] can reject a bad one
//! with the path of the field that holds it. The same reader runs natively and in the browser.

use crate::json::{self, Json};
use crate::prelude::*;
use crate::validate::FormatError;

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

fn fail<T>(path: &str, message: String) -> Result<T> {
    Err(FormatError {
        path: path.into(),
        message,
    })
}

/// `string "four"`, `number 1.5`, `an array`: what was found, for a type error.
fn describe(v: &Json) -> String {
    match v {
        Json::Null => "null".into(),
        Json::Bool(b) => (if *b { "boolean true" } else { "boolean false" }).into(),
        Json::Num(n) => ["number ", n].concat(),
        Json::Str(s) => ["string \"", s, "\""].concat(),
        Json::Arr(_) => "an array".into(),
        Json::Obj(_) => "an object".into(),
    }
}

fn wrong<T>(path: &str, v: &Json, expected: &str) -> Result<T> {
    fail(
        path,
        ["invalid type: ", &describe(v), ", expected ", expected].concat(),
    )
}

/// `path.key`, or `key` at the top.
fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.into()
    } else {
        [path, ".", key].concat()
    }
}

/// A JSON object being read, with its path for errors.
struct Obj<'a> {
    path: String,
    members: &'a [(String, Json)],
}

fn obj<'a>(path: String, v: &'a Json) -> Result<Obj<'a>> {
    match v {
        Json::Obj(members) => Ok(Obj { path, members }),
        other => wrong(&path, other, "an object"),
    }
}

fn text(path: &str, v: &Json) -> Result<String> {
    match v {
        Json::Str(s) => Ok(s.clone()),
        other => wrong(path, other, "a string"),
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

    fn need(&self, key: &str) -> Result<&'a Json> {
        self.get(key).ok_or_else(|| FormatError {
            path: self.path.clone(),
            message: ["missing field `", key, "`"].concat(),
        })
    }

    fn str(&self, key: &str) -> Result<String> {
        text(&join(&self.path, key), self.need(key)?)
    }

    fn opt_str(&self, key: &str) -> Result<Option<String>> {
        self.get(key)
            .map(|v| text(&join(&self.path, key), v))
            .transpose()
    }

    /// An amount may be written as a string ("1/3", "2-3") or a plain JSON number (2, 0.5).
    fn opt_amount(&self, key: &str) -> Result<Option<String>> {
        match self.get(key) {
            Some(Json::Num(n)) => Ok(Some(n.clone())),
            Some(v) => text(&join(&self.path, key), v).map(Some),
            None => Ok(None),
        }
    }

    fn opt_u32(&self, key: &str) -> Result<Option<u32>> {
        let Some(v) = self.get(key) else {
            return Ok(None);
        };
        match v {
            Json::Num(n) if n.len() <= 9 && n.bytes().all(|b| b.is_ascii_digit()) => {
                Ok(n.parse().ok())
            }
            other => wrong(&join(&self.path, key), other, "a whole number"),
        }
    }

    fn u32(&self, key: &str) -> Result<u32> {
        self.need(key)?;
        self.opt_u32(key).map(Option::unwrap_or_default)
    }

    fn opt_bool(&self, key: &str) -> Result<Option<bool>> {
        match self.get(key) {
            Some(Json::Bool(b)) => Ok(Some(*b)),
            Some(other) => wrong(&join(&self.path, key), other, "true or false"),
            None => Ok(None),
        }
    }

    fn opt_obj(&self, key: &str) -> Result<Option<Obj<'a>>> {
        self.get(key)
            .map(|v| obj(join(&self.path, key), v))
            .transpose()
    }

    fn obj(&self, key: &str) -> Result<Obj<'a>> {
        obj(join(&self.path, key), self.need(key)?)
    }

    /// The items of an array member, each with its path (`steps[2]`); absent is empty.
    fn list(&self, key: &str) -> Result<Vec<(String, &'a Json)>> {
        let path = join(&self.path, key);
        match self.get(key) {
            None => Ok(Vec::new()),
            Some(Json::Arr(items)) => Ok(items
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    let mut p = path.clone();
                    p.push('[');
                    crate::quantity::format::push_int(&mut p, i as i64);
                    p.push(']');
                    (p, v)
                })
                .collect()),
            Some(other) => wrong(&path, other, "an array"),
        }
    }

    fn need_list(&self, key: &str) -> Result<Vec<(String, &'a Json)>> {
        self.need(key)?;
        self.list(key)
    }

    /// Each item of an array member read as an object by `f`.
    fn objects<T>(
        &self,
        key: &str,
        need: bool,
        f: impl Fn(Obj<'a>) -> Result<T>,
    ) -> Result<Vec<T>> {
        let items = if need {
            self.need_list(key)?
        } else {
            self.list(key)?
        };
        // Plain loops, not `collect::<Result<_>>`: each such collect is its own generic
        // machinery in the wasm, once per item type.
        let mut out = Vec::with_capacity(items.len());
        for (p, v) in items {
            out.push(f(obj(p, v)?)?);
        }
        Ok(out)
    }

    fn strings(&self, key: &str) -> Result<Vec<String>> {
        let mut out = Vec::new();
        for (p, v) in self.list(key)? {
            out.push(text(&p, v)?);
        }
        Ok(out)
    }
}

/// Reads a recipe file from JSON text: every error names the field at fault.
pub fn read(text: &str) -> Result<RecipeFile> {
    let root = json::parse(text).map_err(|m| FormatError {
        path: String::new(),
        message: ["not valid JSON: ", &m].concat(),
    })?;
    let r = obj(String::new(), &root)?;
    let times = r.opt_obj("times")?;
    let servings = r.obj("servings")?;
    let storage = r.opt_obj("storage")?;
    let opt = |o: &Option<Obj>, key: &str| {
        o.as_ref()
            .map(|o| o.opt_str(key))
            .transpose()
            .map(Option::flatten)
    };
    Ok(RecipeFile {
        format: r.u32("format")?,
        name: r.str("name")?,
        author: r.opt_str("author")?.unwrap_or_default(),
        intro: r.opt_str("intro")?.unwrap_or_default(),
        times: Times {
            prep: opt(&times, "prep")?,
            cook: opt(&times, "cook")?,
        },
        servings: Servings {
            base: servings.u32("base")?,
            min: servings.opt_u32("min")?,
            max: servings.opt_u32("max")?,
            batch: match servings.opt_obj("batch")? {
                Some(b) => Some(Batch {
                    max: b.u32("max")?,
                    step: b.str("step")?,
                    note: b.str("note")?,
                }),
                None => None,
            },
        },
        units: r.opt_str("units")?,
        ingredients: r.objects("ingredients", true, |o| {
            o.need("item")?;
            patch(o)
        })?,
        steps: r.objects("steps", true, |o| {
            Ok(Step {
                id: o.opt_str("id")?,
                title: o.str("title")?,
                text: o.str("text")?,
                duration: o.opt_str("duration")?,
            })
        })?,
        spice: match r.opt_obj("spice")? {
            Some(sp) => Some(Spice {
                default: sp.str("default")?,
                levels: sp.objects("levels", true, choice)?,
                side: match sp.opt_obj("side")? {
                    Some(side) => Some(Side {
                        ingredient: side.str("ingredient")?,
                        label: side.str("label")?,
                        note: side.str("note")?,
                    }),
                    None => None,
                },
            }),
            None => None,
        },
        swaps: r.objects("swaps", false, |o| {
            Ok(Swap {
                id: o.str("id")?,
                label: o.str("label")?,
                default: o.str("default")?,
                options: o.objects("options", true, choice)?,
            })
        })?,
        tips: r.strings("tips")?,
        pairings: r.strings("pairings")?,
        storage: Storage {
            fridge: opt(&storage, "fridge")?,
            freezer: opt(&storage, "freezer")?,
            make_ahead: opt(&storage, "make_ahead")?,
            reheat: opt(&storage, "reheat")?,
        },
        faq: r.objects("faq", false, |o| {
            Ok(Faq {
                q: o.str("q")?,
                a: o.str("a")?,
            })
        })?,
    })
}

/// An ingredient's fields, as an ingredient or as a patch to one.
fn patch(p: Obj) -> Result<Patch> {
    Ok(Patch {
        id: p.str("id")?,
        qty: p.opt_amount("qty")?,
        unit: p.opt_str("unit")?,
        item: p.opt_str("item")?,
        plural: p.opt_str("plural")?,
        amount_text: p.opt_str("amount_text")?,
        prep: p.opt_str("prep")?,
        tip: p.opt_str("tip")?,
        scale: p.opt_str("scale")?,
        used: p.opt_bool("use")?,
    })
}

fn choice(o: Obj) -> Result<Choice> {
    Ok(Choice {
        id: o.str("id")?,
        label: o.str("label")?,
        note: o.opt_str("note")?,
        set: o.objects("set", false, patch)?,
        steps: o.objects("steps", false, |p| {
            Ok(StepPatch {
                step: p.str("step")?,
                title: p.opt_str("title")?,
                note: p.opt_str("note")?,
            })
        })?,
    })
}
