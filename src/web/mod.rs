//! The browser shell: the only module that touches `web_sys` and `JsValue`.
//!
//! `www/recipe-card.js` fetches and parses the recipe, then calls [`Card::mount`]. A card is its
//! recipe and the reader's [`Selection`]; every event updates the selection and re-renders the
//! parts that depend on it from the pure core (`crate::view`), so nothing on screen goes stale.

mod dom;
mod render;
mod storage;

use crate::model::Recipe;
use crate::schema::RecipeFile;
use crate::settings::{self, Source};
use crate::validate::checked;
use crate::view::Selection;
use dom::Dom;
use gloo_timers::callback::Timeout;
use render::Parts;
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;
use web_sys::{Element, Event, HtmlInputElement, Node, ShadowRoot};

/// How long the value must rest before the announcer speaks it: once per gesture, not per tick.
const ANNOUNCE_AFTER_MS: u32 = 700;
/// The events the card listens for, once, on its shadow root.
const EVENTS: [&str; 3] = ["input", "click", "change"];

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

fn warn(message: &str) {
    web_sys::console::warn_1(&["<recipe-card> ", message].concat().into());
}

/// A card's state: the one place its choices live.
struct State {
    dom: Dom,
    recipe: Recipe,
    selection: Selection,
    parts: Parts,
    announce: Option<Timeout>,
}

/// One mounted card, rendered into a shadow root and listening to its own controls.
#[wasm_bindgen]
pub struct Card {
    root: ShadowRoot,
    /// The only strong reference: the listener holds a `Weak`, so freeing the card frees it.
    _state: Rc<RefCell<State>>,
    listener: Closure<dyn FnMut(Event)>,
}

#[wasm_bindgen]
impl Card {
    /// Reads `recipe` (a parsed JSON object) and renders it into `root`, starting from the URL's,
    /// the reader's stored, and the host element's choices.
    ///
    /// Throws an `Error` whose message names the field at fault; the caller shows it with
    /// [`show_error`] so that one broken card never blanks the page or its neighbours.
    pub fn mount(root: ShadowRoot, recipe: JsValue) -> Result<Card, JsValue> {
        // serde names a missing field but not the path of a mistyped one; its message quotes the
        // offending value instead. serde_path_to_error would add the path at +6.7 kB brotli.
        let file: RecipeFile = serde_wasm_bindgen::from_value(recipe).map_err(JsValue::from)?;
        let (recipe, problems) = checked(&file).map_err(|e| JsError::new(&e.text()))?;
        for p in &problems {
            warn(&p.text());
        }
        let selection = initial_selection(&root, &recipe);
        let dom = dom_of(&root)?;
        let parts = render::card(&dom, root.as_ref(), &recipe, &selection).map_err(js_err)?;
        let state = Rc::new(RefCell::new(State {
            dom,
            recipe,
            selection,
            parts,
            announce: None,
        }));
        let weak = Rc::downgrade(&state);
        let listener = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
            // Errors are logged, never thrown: an event handler has nobody to throw to.
            if let Err(err) = on_event(&weak, &e) {
                web_sys::console::error_2(&"<recipe-card> update failed:".into(), &err);
            }
        });
        for name in EVENTS {
            root.add_event_listener_with_callback(name, listener.as_ref().unchecked_ref())?;
        }
        Ok(Card {
            root,
            _state: state,
            listener,
        })
    }
}

impl Drop for Card {
    fn drop(&mut self) {
        for name in EVENTS {
            let _ = self
                .root
                .remove_event_listener_with_callback(name, self.listener.as_ref().unchecked_ref());
        }
    }
}

/// The reader's starting choices: URL, then stored, then the host element's attributes.
fn initial_selection(root: &ShadowRoot, recipe: &Recipe) -> Selection {
    let host = root.host();
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let attr = |name: &str| host.get_attribute(name);
    let mut warnings = Vec::new();
    let mut sel = Selection::default_for(recipe);

    let stored = storage::get(&settings::recipe_key("servings", recipe));
    let attribute = attr("servings");
    sel.servings = settings::servings(
        recipe,
        &[
            (Source::Url, settings::query_param(&search, "servings")),
            (Source::Stored, stored.as_deref()),
            (Source::Attribute, attribute.as_deref()),
        ],
        &mut warnings,
    );
    let stored = storage::get(settings::UNITS_KEY);
    let attribute = attr("units");
    sel.units = settings::units(
        &[
            (Source::Url, settings::query_param(&search, "units")),
            (Source::Stored, stored.as_deref()),
            (Source::Attribute, attribute.as_deref()),
        ],
        &mut warnings,
    );
    if let Some(sp) = &recipe.spice {
        let ids: Vec<&str> = sp.levels.iter().map(|l| l.id.as_str()).collect();
        let stored = storage::get(&settings::recipe_key("spice", recipe));
        let attribute = attr("spice");
        let given = [
            (Source::Url, settings::query_param(&search, "spice")),
            (Source::Stored, stored.as_deref()),
            (Source::Attribute, attribute.as_deref()),
        ];
        if let Some(i) = settings::choice("spice", &ids, &given, &mut warnings) {
            sel.spice = Some(i);
        }
        sel.side = storage::get(&settings::recipe_key("side", recipe)).as_deref() == Some("1");
    }
    for (i, sw) in recipe.swaps.iter().enumerate() {
        let ids: Vec<&str> = sw.options.iter().map(|o| o.id.as_str()).collect();
        let stored = storage::get(&swap_key(recipe, i));
        if let Some(chosen) = settings::choice(
            &sw.id,
            &ids,
            &[(Source::Stored, stored.as_deref())],
            &mut warnings,
        ) {
            sel.swaps[i] = chosen;
        }
    }
    for w in &warnings {
        warn(w);
    }
    sel
}

fn swap_key(recipe: &Recipe, i: usize) -> String {
    let id = recipe
        .swaps
        .get(i)
        .map(|s| s.id.as_str())
        .unwrap_or_default();
    settings::recipe_key(&["swap.", id].concat(), recipe)
}

/// Applies one event from the card's controls to its state and re-renders what depends on it.
fn on_event(state: &Weak<RefCell<State>>, e: &Event) -> Result<(), JsValue> {
    let Some(state) = state.upgrade() else {
        return Ok(());
    };
    let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return Ok(());
    };
    let mut s = state.borrow_mut();
    let (min, max) = (s.recipe.servings.min, s.recipe.servings.max);
    match e.type_().as_str() {
        "input" if target.id() == render::SLIDER_ID => {
            let value = target.unchecked_ref::<HtmlInputElement>().value();
            let n = value.parse::<u32>().unwrap_or(s.selection.servings);
            set_servings(&mut s, n.clamp(min, max))?;
        }
        "click" => {
            let Some(button) = target.closest("[data-step]")? else {
                return Ok(());
            };
            let step = button.get_attribute("data-step").unwrap_or_default();
            let n = match step.as_str() {
                "-1" => s.selection.servings.saturating_sub(1),
                _ => s.selection.servings.saturating_add(1),
            };
            set_servings(&mut s, n.clamp(min, max))?;
        }
        "change" => {
            let input = target.unchecked_ref::<HtmlInputElement>();
            let (name, value) = (input.name(), input.value());
            if name == render::UNITS_NAME {
                let mut ignored = Vec::new();
                s.selection.units =
                    settings::units(&[(Source::Attribute, Some(&value))], &mut ignored);
                storage::set(settings::UNITS_KEY, &value);
            } else if name == render::SPICE_NAME {
                let Some(sp) = &s.recipe.spice else {
                    return Ok(());
                };
                s.selection.spice = sp.levels.iter().position(|l| l.id == value);
                storage::set(&settings::recipe_key("spice", &s.recipe), &value);
            } else if name == render::SIDE_NAME {
                s.selection.side = input.checked();
                let on = if input.checked() { "1" } else { "0" };
                storage::set(&settings::recipe_key("side", &s.recipe), on);
            } else if let Some(i) = name
                .strip_prefix(render::SWAP_PREFIX)
                .and_then(|i| i.parse::<usize>().ok())
            {
                let Some(sw) = s.recipe.swaps.get(i) else {
                    return Ok(());
                };
                let Some(chosen) = sw.options.iter().position(|o| o.id == value) else {
                    return Ok(());
                };
                if let Some(slot) = s.selection.swaps.get_mut(i) {
                    *slot = chosen;
                }
                storage::set(&swap_key(&s.recipe, i), &value);
            } else {
                return Ok(());
            }
            redraw(&s)?;
        }
        _ => {}
    }
    Ok(())
}

fn redraw(s: &State) -> Result<(), JsValue> {
    render::refresh(&s.dom, &s.parts, &s.recipe, &s.selection)
}

/// Shows `n` servings at once, stores it, and announces it once the value rests.
fn set_servings(s: &mut State, n: u32) -> Result<(), JsValue> {
    if n == s.selection.servings {
        return Ok(());
    }
    s.selection.servings = n;
    redraw(s)?;
    let mut value = String::new();
    crate::quantity::format::push_int(&mut value, n as i64);
    storage::set(&settings::recipe_key("servings", &s.recipe), &value);
    let announcer = s.parts.announcer.clone();
    let text = settings::servings_text(n);
    // Replacing the timeout cancels the previous one: only the resting value is spoken.
    s.announce = Some(Timeout::new(ANNOUNCE_AFTER_MS, move || {
        announcer.set_text_content(Some(&text));
    }));
    Ok(())
}

/// Shows `detail` in place of a card. Never throws: an error about an error helps nobody.
#[wasm_bindgen(js_name = showError)]
pub fn show_error(root: &ShadowRoot, detail: &str) {
    if let Ok(d) = dom_of(root) {
        let node: &Node = root.as_ref();
        let _ = render::error(&d, node, detail);
    }
}
