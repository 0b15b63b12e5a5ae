//! The validated recipe: every amount parsed, every reference resolved to an index.
//!
//! Built only by [`crate::validate::read`], so the renderer never meets a dangling id, a zero
//! duration or an unknown unit.

use crate::prelude::*;
use crate::quantity::{Qty, System, Unit};
use crate::template::Template;

#[derive(Debug, Clone, PartialEq)]
pub struct Recipe {
    pub name: String,
    pub author: String,
    pub intro: String,
    pub prep: Option<Duration>,
    pub cook: Option<Duration>,
    pub servings: Servings,
    /// The system the author measured in; the units toggle starts there.
    pub units: System,
    pub ingredients: Vec<Ingredient>,
    pub steps: Vec<Step>,
    pub spice: Option<Spice>,
    pub swaps: Vec<Swap>,
    pub tips: Vec<String>,
    pub pairings: Vec<String>,
    /// Labelled storage notes ("Fridge", "Make ahead", …) in the order they are shown.
    pub storage: Vec<(&'static str, String)>,
    pub faq: Vec<Faq>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Servings {
    pub base: u32,
    pub min: u32,
    pub max: u32,
    pub batch: Option<Batch>,
}

/// Above `max` servings the food no longer fits one pan: the card adds `note` to step `step`.
#[derive(Debug, Clone, PartialEq)]
pub struct Batch {
    pub max: u32,
    pub step: usize,
    pub note: String,
}

/// How an ingredient's amount follows the servings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scaling {
    /// Proportional to the servings (the default).
    Linear,
    /// The same at any servings: oil to film the wok.
    Fixed,
    /// Counted items, rounded to halves at finest: shallots, cloves, chilies.
    Whole,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Amount {
    Measured {
        qty: Qty,
        unit: Option<Unit>,
        scaling: Scaling,
    },
    /// Unquantified: "to taste", "a splash of". Shown as written at any servings.
    Text(String),
    /// Named without an amount at all.
    None,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ingredient {
    pub id: String,
    pub amount: Amount,
    pub item: String,
    pub plural: String,
    pub prep: String,
    pub tip: String,
    pub used: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub id: String,
    pub title: String,
    pub text: Template,
    pub duration: Option<Duration>,
}

/// A time span in seconds; `lo == hi` for an exact duration. Never scales with servings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Duration {
    pub lo: u32,
    pub hi: u32,
}

/// A validated change to one ingredient: the fields a spice level or swap option sets.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Patch {
    pub ingredient: usize,
    pub qty: Option<Qty>,
    pub amount_text: Option<String>,
    pub unit: Option<Unit>,
    pub item: Option<String>,
    pub plural: Option<String>,
    pub prep: Option<String>,
    pub tip: Option<String>,
    pub scaling: Option<Scaling>,
    pub used: Option<bool>,
}

/// A change a choice makes to one step.
#[derive(Debug, Clone, PartialEq)]
pub struct StepPatch {
    pub step: usize,
    pub title: Option<String>,
    pub note: Option<String>,
}

/// A spice level or a swap option.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub id: String,
    pub label: String,
    pub note: String,
    pub patches: Vec<Patch>,
    /// Changes to steps: a new title and/or a note, by step index.
    pub steps: Vec<StepPatch>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Spice {
    pub default: usize,
    pub levels: Vec<Choice>,
    pub side: Option<Side>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    pub ingredient: usize,
    pub label: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Swap {
    pub id: String,
    pub label: String,
    pub default: usize,
    pub options: Vec<Choice>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Faq {
    pub q: String,
    pub a: String,
}

impl Recipe {
    /// The index of the ingredient with this id. A plain loop: `position` with its closure is
    /// its own code.
    pub fn ingredient(&self, id: &str) -> Option<usize> {
        for (n, i) in self.ingredients.iter().enumerate() {
            if i.id == id {
                return Some(n);
            }
        }
        None
    }
}
