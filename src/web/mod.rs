//! The browser shell: the only module that touches `web_sys` and `JsValue`.
//!
//! `www/recipe-card.js` fetches and parses the recipe, then calls [`Card::mount`]; everything the
//! card shows is computed by the pure core (`crate::view`) and drawn by [`render`].

mod dom;
mod render;

use crate::model::Recipe;
use crate::schema::RecipeFile;
use crate::validate::validate;
use crate::view::Selection;
use dom::Dom;
use wasm_bindgen::prelude::*;
use web_sys::{Node, ShadowRoot};

fn dom_of(root: &ShadowRoot) -> Result<Dom, JsError> {
    root.owner_document()
        .map(|doc| Dom { doc })
        .ok_or_else(|| JsError::new("the card's root has no document"))
}

fn js_err(e: JsValue) -> JsError {
    JsError::new(
        &e.as_string()
            .unwrap_or_else(|| "the page refused a DOM change".into()),
    )
}

/// One mounted card: its recipe and the reader's choices, rendered into a shadow root.
#[wasm_bindgen]
pub struct Card {
    root: ShadowRoot,
    recipe: Recipe,
    selection: Selection,
}

#[wasm_bindgen]
impl Card {
    /// Reads `recipe` (a parsed JSON object) and renders it into `root`.
    ///
    /// Throws an `Error` whose message names the field at fault; the caller shows it with
    /// [`show_error`] so that one broken card never blanks the page or its neighbours.
    pub fn mount(root: ShadowRoot, recipe: JsValue) -> Result<Card, JsValue> {
        // serde names a missing field but not the path of a mistyped one; its message quotes the
        // offending value instead. serde_path_to_error would add the path at +6.7 kB brotli.
        let file: RecipeFile = serde_wasm_bindgen::from_value(recipe).map_err(JsValue::from)?;
        let recipe = validate(&file).map_err(|e| JsError::new(&e.text()))?;
        let card = Card {
            selection: Selection::default_for(&recipe),
            root,
            recipe,
        };
        card.render()?;
        Ok(card)
    }

    fn render(&self) -> Result<(), JsError> {
        let d = dom_of(&self.root)?;
        render::card(&d, self.root.as_ref(), &self.recipe, &self.selection).map_err(js_err)
    }
}

/// Shows `detail` in place of a card. Never throws: an error about an error helps nobody.
#[wasm_bindgen(js_name = showError)]
pub fn show_error(root: &ShadowRoot, detail: &str) {
    if let Ok(d) = dom_of(root) {
        let node: &Node = root.as_ref();
        let _ = render::error(&d, node, detail);
    }
}
