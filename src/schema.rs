//! The recipe file exactly as written (docs/recipe-format.md), before validation.
//!
//! Amounts, units and durations stay strings here so that [`crate::validate`] can reject a bad one
//! with the path of the field that holds it; the same types deserialize from `serde_json` (native)
//! and from a parsed JS object through `serde-wasm-bindgen` (browser), so the wasm carries no JSON
//! parser.

use serde::Deserialize;

/// The format version this build reads.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Deserialize, Debug, Clone)]
pub struct RecipeFile {
    pub format: u32,
    pub name: String,
    #[serde(default)]
    pub author: String,
    #[serde(default)]
    pub intro: String,
    #[serde(default)]
    pub times: Times,
    pub servings: Servings,
    /// The system the author measured in (`us` or `metric`): the units toggle starts there.
    pub units: Option<String>,
    pub ingredients: Vec<Ingredient>,
    pub steps: Vec<Step>,
    #[serde(default)]
    pub spice: Option<Spice>,
    #[serde(default)]
    pub swaps: Vec<Swap>,
    #[serde(default)]
    pub tips: Vec<String>,
    #[serde(default)]
    pub pairings: Vec<String>,
    #[serde(default)]
    pub storage: Storage,
    #[serde(default)]
    pub faq: Vec<Faq>,
}

#[derive(Deserialize, Debug, Clone, Default)]
pub struct Times {
    pub prep: Option<String>,
    pub cook: Option<String>,
}

#[derive(Deserialize, Debug, Clone)]
pub struct Servings {
    pub base: u32,
    pub min: Option<u32>,
    pub max: Option<u32>,
    /// How many servings one batch (one wok) holds; above it the card says to cook in batches.
    pub batch: Option<Batch>,
}

#[derive(Deserialize, Debug, Clone)]
pub struct Batch {
    pub max: u32,
    pub step: String,
    pub note: String,
}

#[derive(Deserialize, Debug, Clone, Default)]
pub struct Ingredient {
    pub id: String,
    pub qty: Option<String>,
    pub unit: Option<String>,
    pub item: String,
    pub plural: Option<String>,
    /// Words in place of an amount, for unquantified ingredients: "to taste", "a splash of".
    pub amount_text: Option<String>,
    pub prep: Option<String>,
    pub tip: Option<String>,
    pub scale: Option<String>,
    /// `false` leaves the ingredient out until a spice level or swap turns it on.
    #[serde(rename = "use")]
    pub used: Option<bool>,
}

#[derive(Deserialize, Debug, Clone)]
pub struct Step {
    pub id: Option<String>,
    pub title: String,
    pub text: String,
    pub duration: Option<String>,
}

/// Changes a spice level or swap option makes to one ingredient; absent fields stay as they are.
#[derive(Deserialize, Debug, Clone, Default)]
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
    #[serde(rename = "use")]
    pub used: Option<bool>,
}

#[derive(Deserialize, Debug, Clone)]
pub struct StepPatch {
    pub step: String,
    /// A new title: "Brown the Chicken Perfectly".
    pub title: Option<String>,
    /// A note shown under the step.
    pub note: Option<String>,
}

#[derive(Deserialize, Debug, Clone)]
pub struct Choice {
    pub id: String,
    pub label: String,
    pub note: Option<String>,
    #[serde(default)]
    pub set: Vec<Patch>,
    #[serde(default)]
    pub steps: Vec<StepPatch>,
}

#[derive(Deserialize, Debug, Clone)]
pub struct Spice {
    pub default: String,
    pub levels: Vec<Choice>,
    pub side: Option<Side>,
}

/// "Serve the chilies on the side": the ingredient leaves the cooking steps for a serving note.
#[derive(Deserialize, Debug, Clone)]
pub struct Side {
    pub ingredient: String,
    pub label: String,
    pub note: String,
}

#[derive(Deserialize, Debug, Clone)]
pub struct Swap {
    pub id: String,
    pub label: String,
    pub default: String,
    pub options: Vec<Choice>,
}

#[derive(Deserialize, Debug, Clone, Default)]
pub struct Storage {
    pub fridge: Option<String>,
    pub freezer: Option<String>,
    pub make_ahead: Option<String>,
    pub reheat: Option<String>,
}

#[derive(Deserialize, Debug, Clone)]
pub struct Faq {
    pub q: String,
    pub a: String,
}
