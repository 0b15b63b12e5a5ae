//! The DOM layer in headless Chromium: what `mount` and `showError` put in a shadow root.
#![cfg(target_arch = "wasm32")]

use recipe_card::web::{event, mount, show_error, FREE};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{
    Element, Event, EventInit, HtmlElement, HtmlInputElement, ShadowRoot, ShadowRootInit,
    ShadowRootMode,
};

wasm_bindgen_test_configure!(run_in_browser);

// The very module the card's wasm imports (one snippet per crate name and version, so one
// instance), as `entry.js` imports it.
#[wasm_bindgen(module = "/src/web/dom.js")]
extern "C" {
    /// What `entry.js` does once the wasm is instantiated: hands `dom.js` the wasm's `event`
    /// export and its memory.
    fn wire(event: &JsValue, memory: &JsValue);
    /// What `entry.js` does when `mount` returns 0: throws why the recipe was refused.
    #[wasm_bindgen(catch)]
    fn fail() -> Result<(), JsValue>;
    /// What `entry.js` does before `mount` and `showError`: hands `dom.js` the card's root and
    /// the recipe's (or the error's) text, whose length in bytes it returns for the export.
    fn hold(root: &ShadowRoot, text: &str) -> i32;
}

// The browser reads the recipe's JSON, as `entry.js` has it read before `mount`.
#[wasm_bindgen(module = "/src/web/tape.js")]
extern "C" {
    #[wasm_bindgen(catch)]
    fn tape(json: &str) -> Result<String, JsValue>;
}

/// A mounted card, freed when dropped (as the loader frees it when its element goes).
struct Card(i32);

impl Card {
    /// `mount` of the JSON text's tape, after `dom.js` is given the wasm's own `event` export
    /// and memory, and the root, as `entry.js` gives them; text that is not JSON is the
    /// browser's `SyntaxError`, and a refused recipe (0) the `Error` that `fail` throws, both as
    /// `entry.js` throws them to the loader.
    fn mount(root: ShadowRoot, recipe: &str) -> Result<Card, JsValue> {
        wired();
        match mount(hold(&root, &tape(recipe)?)) {
            0 => match fail() {
                Ok(_) => panic!("fail did not throw"),
                Err(e) => Err(e),
            },
            id => Ok(Card(id)),
        }
    }
}

/// `dom.js` wired to the wasm's `event` export and memory (`wire`, as `entry.js` wires it).
fn wired() {
    let exports = wasm_bindgen::exports();
    let event = js_sys::Reflect::get(&exports, &"event".into()).unwrap();
    wire(&event, &wasm_bindgen::memory());
}

impl Drop for Card {
    fn drop(&mut self) {
        event(self.0, FREE)
    }
}

const SEED: &str = include_str!("../www/recipes/caramelised-pork-mince.json");

fn recipe(json: &str) -> &str {
    json
}

/// The seed with the string `from` replaced by `to` (a cheap way to make a bad recipe).
fn seed_replacing(from: &str, to: &str) -> String {
    assert!(SEED.contains(from), "{from} not in seed");
    SEED.replacen(from, to, 1)
}

fn host() -> ShadowRoot {
    host_with(&[])
}

/// A fresh host element with `attrs`, in the page, with an open shadow root; stored choices
/// from earlier tests are cleared.
fn host_with(attrs: &[(&str, &str)]) -> ShadowRoot {
    let window = web_sys::window().unwrap();
    window.local_storage().unwrap().unwrap().clear().unwrap();
    let doc = window.document().unwrap();
    let el = doc.create_element("div").unwrap();
    for (k, v) in attrs {
        el.set_attribute(k, v).unwrap();
    }
    doc.body().unwrap().append_child(&el).unwrap();
    el.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .unwrap()
}

fn all(root: &ShadowRoot, sel: &str) -> Vec<Element> {
    let list = root.query_selector_all(sel).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(JsCast::unchecked_into::<Element>)
        .collect()
}

fn text(root: &ShadowRoot, sel: &str) -> String {
    root.query_selector(sel)
        .unwrap()
        .unwrap_or_else(|| panic!("no {sel}"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn renders_the_whole_seed_with_its_parts() {
    let root = host();
    let _card = Card::mount(root.clone(), recipe(SEED)).unwrap();
    assert_eq!(
        text(&root, "[part~=title]"),
        "Vietnamese Caramelised Pork Mince Stir Fry"
    );
    assert_eq!(all(&root, "[part~=card]").len(), 1);
    // Eleven ingredients are used at the default choices (molasses waits for white sugar).
    let ingredients = all(&root, "li[part~=ingredient]");
    assert_eq!(ingredients.len(), 11);
    assert_eq!(
        ingredients[0]
            .query_selector("[part~=amount]")
            .unwrap()
            .unwrap()
            .text_content(),
        Some("500 g".into())
    );
    assert_eq!(all(&root, "li[part~=step]").len(), 4);
    assert_eq!(
        all(&root, "[part~=step-title]")[2].text_content(),
        Some("Build Aromatic Layers".into())
    );
    assert_eq!(all(&root, "[part~=faq-item]").len(), 6);
    assert_eq!(text(&root, "[part~=step-time]"), "3–4 min");
    // Step text carries live amounts as marked references.
    let first = text(&root, "[part~=step-text]");
    assert!(
        first.starts_with("Begin by melting 3 tbsp palm sugar with a touch of water"),
        "{first}"
    );
    assert_eq!(
        all(&root, "li[part~=step]")[0]
            .query_selector_all("[part~=ref]")
            .unwrap()
            .length(),
        2
    );
    // The card is an article named by its title (an id inside this shadow root).
    let label = root
        .query_selector("article")
        .unwrap()
        .unwrap()
        .get_attribute("aria-labelledby")
        .unwrap();
    assert_eq!(
        root.get_element_by_id(&label).unwrap().text_content(),
        Some("Vietnamese Caramelised Pork Mince Stir Fry".into())
    );
    let headings: Vec<String> = all(&root, "h3")
        .iter()
        .filter_map(|h| h.text_content())
        .collect();
    assert_eq!(
        headings,
        [
            "Ingredients",
            "Steps",
            "Tips & variations",
            "Perfect pairings",
            "Storage & make-ahead",
            "Frequently asked questions"
        ]
    );
    // The loader styles the card (one parsed stylesheet for every card): no copy inside it.
    assert!(all(&root, "style").is_empty());
}

#[wasm_bindgen_test]
fn recipe_text_is_inserted_as_text_never_as_html() {
    let root = host();
    let evil = "<img src=x onerror=alert(1)>";
    let _card = Card::mount(
        root.clone(),
        &seed_replacing("Vietnamese Caramelised Pork Mince Stir Fry", evil),
    )
    .unwrap();
    assert_eq!(text(&root, "[part~=title]"), evil);
    assert!(all(&root, "img").is_empty());
}

#[wasm_bindgen_test]
fn bad_recipes_throw_an_error_naming_the_field() {
    let cases = [
        (
            seed_replacing("\"unit\": \"g\"", "\"unit\": \"cupz\""),
            "ingredients[0].unit: unknown unit \"cupz\"",
        ),
        (
            seed_replacing("\"base\": 4", "\"base\": \"four\""),
            "servings.base: invalid type: string \"four\", expected a whole number",
        ),
        (
            seed_replacing("\"steps\"", "\"stepz\""),
            "missing field `steps`",
        ),
        (
            seed_replacing("{pork:amount}", "{pepper}"),
            "steps[1].text: unknown ingredient id \"pepper\"",
        ),
        (
            "\"not an object\"".to_string(),
            "invalid type: string \"not an object\", expected an object",
        ),
        (
            "{\"format\": 1,}".to_string(),
            // The browser's own message (Chromium's words; each browser names the place).
            "in JSON at position 13 (line 1 column 14)",
        ),
    ];
    for (value, want) in cases {
        let root = host();
        let err = match Card::mount(root.clone(), &value) {
            Ok(_) => panic!("{want}: mounted"),
            Err(e) => e,
        };
        let message = js_sys::Reflect::get(&err, &"message".into())
            .unwrap()
            .as_string()
            .unwrap();
        assert!(message.contains(want), "{want:?} not in {message:?}");
        // Nothing half-rendered is left behind.
        assert!(all(&root, "article").is_empty());
    }
}

#[wasm_bindgen_test]
fn show_error_renders_an_alert_with_the_detail_as_text() {
    let root = host();
    wired();
    show_error(hold(&root, "steps: <b>missing</b>"));
    let alert = root.query_selector("[role=alert]").unwrap().unwrap();
    assert_eq!(alert.get_attribute("part"), Some("card error".into()));
    assert_eq!(
        text(&root, ".error-title"),
        "This recipe couldn't be shown."
    );
    assert_eq!(text(&root, ".error-detail"), "steps: <b>missing</b>");
    assert!(all(&root, "b").is_empty());
}

#[wasm_bindgen_test]
fn remounting_replaces_the_card_instead_of_stacking_it() {
    let root = host();
    drop(Card::mount(root.clone(), recipe(SEED)).unwrap());
    let _again = Card::mount(root.clone(), recipe(SEED)).unwrap();
    assert_eq!(all(&root, "article").len(), 1);
    assert_eq!(all(&root, "section").len(), 6);
}

/// What the card stored under `key`.
fn stored(key: &str) -> Option<String> {
    let window = web_sys::window().unwrap();
    window
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item(key)
        .unwrap()
}

fn amounts(root: &ShadowRoot) -> Vec<String> {
    all(root, "li[part~=ingredient] [part~=amount]")
        .iter()
        .filter_map(|e| e.text_content())
        .collect()
}

fn slider(root: &ShadowRoot) -> HtmlInputElement {
    root.query_selector("input[type=range]")
        .unwrap()
        .unwrap()
        .unchecked_into()
}

fn bubbling(kind: &str) -> Event {
    let init = EventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    Event::new_with_event_init_dict(kind, &init).unwrap()
}

#[wasm_bindgen_test]
fn slider_input_rescales_every_amount_and_the_step_text_at_once() {
    let root = host();
    let _card = Card::mount(root.clone(), recipe(SEED)).unwrap();
    let s = slider(&root);
    assert_eq!(
        (s.min(), s.max(), s.value()),
        ("1".into(), "16".into(), "4".into())
    );
    assert_eq!(s.get_attribute("aria-valuetext"), Some("4 servings".into()));
    s.set_value("8");
    s.dispatch_event(&bubbling("input")).unwrap();
    assert_eq!(
        amounts(&root),
        [
            "1 kg",
            "88.7 ml",
            "a touch of",
            "88.7 ml",
            "2 tbsp",
            "1 tbsp",
            "4",
            "8",
            "4–6",
            "8"
        ]
    );
    assert_eq!(s.get_attribute("aria-valuetext"), Some("8 servings".into()));
    assert_eq!(text(&root, "[part~=servings-value]"), "8");
    assert_eq!(all(&root, "dl.meta dd")[2].text_content(), Some("8".into()));
    let caramel = text(&root, "[part~=step-text]");
    assert!(
        caramel.starts_with("Begin by melting 88.7 ml palm sugar"),
        "{caramel}"
    );
    // Above what one wok holds, the browning step says to work in batches.
    let brown = &all(&root, "li[part~=step]")[1];
    assert!(brown.text_content().unwrap().contains("in batches"));
    let key = "recipe-card:servings:Vietnamese Caramelised Pork Mince Stir Fry";
    assert_eq!(stored(key), Some("8".into()));
}

#[wasm_bindgen_test]
fn buttons_step_the_servings_and_stop_at_the_ends_without_disabling_focus() {
    let root = host_with(&[("servings", "2")]);
    let _card = Card::mount(root.clone(), recipe(SEED)).unwrap();
    let buttons = all(&root, "button[part~=servings-button]");
    let (fewer, more) = (
        buttons[0].unchecked_ref::<HtmlElement>(),
        buttons[1].unchecked_ref::<HtmlElement>(),
    );
    assert_eq!(slider(&root).value(), "2");
    fewer.click();
    assert_eq!(slider(&root).value(), "1");
    assert_eq!(fewer.get_attribute("aria-disabled"), Some("true".into()));
    assert!(
        !fewer.has_attribute("disabled"),
        "a disabled button would drop focus"
    );
    fewer.click();
    assert_eq!(slider(&root).value(), "1");
    more.click();
    assert_eq!(slider(&root).value(), "2");
    assert_eq!(fewer.get_attribute("aria-disabled"), Some("false".into()));
    assert_eq!(amounts(&root)[0], "250 g");
}

#[wasm_bindgen_test]
fn units_radios_convert_and_an_invalid_attribute_is_ignored() {
    let root = host_with(&[("units", "imperial"), ("servings", "abc")]);
    let _card = Card::mount(root.clone(), recipe(SEED)).unwrap();
    assert_eq!(slider(&root).value(), "4");
    let radios = all(&root, "input[type=radio]");
    let (us, metric) = (
        radios[0].unchecked_ref::<HtmlInputElement>(),
        radios[1].unchecked_ref::<HtmlInputElement>(),
    );
    assert!(
        metric.checked() && !us.checked(),
        "the seed is written in metric"
    );
    us.click();
    assert_eq!(amounts(&root)[0], "1 ⅛ lb");
    assert_eq!(amounts(&root)[1], "3 tbsp");
    metric.click();
    assert_eq!(amounts(&root)[0], "500 g");
}

#[wasm_bindgen_test]
fn spice_radios_side_switch_and_swaps_update_lines_steps_and_notes() {
    let root = host_with(&[("spice", "mild")]);
    let _card = Card::mount(root.clone(), recipe(SEED)).unwrap();
    let radio = |sel: &str| -> HtmlInputElement {
        root.query_selector(sel).unwrap().unwrap().unchecked_into()
    };
    assert!(radio("input[name=rc-spice][value=mild]").checked());
    assert_eq!(amounts(&root)[8], "1");
    assert_eq!(all(&root, "[part~=note]").len(), 1);
    radio("input[name=rc-spice][value=none]").click();
    let items: Vec<String> = all(&root, "[part~=item]")
        .iter()
        .filter_map(|e| e.text_content())
        .collect();
    assert!(items.contains(&"red bell pepper".to_string()), "{items:?}");
    let side = root.query_selector("[part~=side]").unwrap().unwrap();
    assert!(
        side.has_attribute("hidden"),
        "no chilies left to serve on the side"
    );
    radio("input[name=rc-spice][value=hot]").click();
    assert!(!side.has_attribute("hidden"));
    radio("input[name=rc-side]").click();
    let aromatics = all(&root, "[part~=step-text]")[2].text_content().unwrap();
    assert!(
        aromatics.contains("4 garlic cloves, and the white parts"),
        "{aromatics}"
    );
    radio("input[name=rc-swap-0][value=chicken]").click();
    assert_eq!(
        all(&root, "[part~=step-title]")[1].text_content(),
        Some("Brown the Chicken Perfectly".into())
    );
    assert_eq!(
        text(&root, "[part~=swaps-summary]"),
        "Swaps: Chicken, Palm sugar"
    );
    let notes: Vec<String> = all(&root, "[part~=note]")
        .iter()
        .filter_map(|e| e.text_content())
        .collect();
    assert_eq!(notes.len(), 2, "{notes:?}");
}

#[wasm_bindgen_test]
fn timed_steps_get_a_named_timer_and_cook_mode_marks() {
    let root = host();
    let _card = Card::mount(root.clone(), SEED).unwrap();
    let timers = all(&root, "[part~=timer]");
    assert_eq!(timers.len(), 4, "every step of the seed has a duration");
    assert_eq!(
        timers[0].get_attribute("aria-label"),
        Some("Timer: Create the Caramel Base".into())
    );
    assert_eq!(timers[0].get_attribute("data-state"), Some("idle".into()));
    let start = timers[0]
        .query_selector("[part~=timer-button]")
        .unwrap()
        .unwrap();
    assert_eq!(
        start.get_attribute("aria-label"),
        Some("Start timer: Create the Caramel Base".into())
    );
    start.unchecked_ref::<HtmlElement>().click();
    assert_eq!(
        timers[0].get_attribute("data-state"),
        Some("running".into())
    );
    assert_eq!(text(&root, "[part~=timer-time]"), "3:00");
    assert_eq!(text(&root, "[part~=timer-status]"), "until check");
    assert_eq!(start.text_content(), Some("Pause".into()));
    // Real checkboxes for cook mode, labelled by the line itself.
    let checks = all(&root, "input[type=checkbox][part~=ingredient-check]");
    assert_eq!(checks.len(), 11);
    let label = checks[0]
        .closest("label")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(label, "500 g ground pork, 15–20% fat");
    checks[0].unchecked_ref::<HtmlElement>().click();
    let key = "recipe-card:progress:Vietnamese Caramelised Pork Mince Stir Fry";
    assert_eq!(stored(key), Some("v1;i:0;s:".into()));
    let stored = stored("recipe-card:timers:Vietnamese Caramelised Pork Mince Stir Fry").unwrap();
    assert!(stored.starts_with("v1;0,r,"), "{stored}");
}
