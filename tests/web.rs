//! The DOM layer in headless Chromium: what `Card::mount` and `showError` put in a shadow root.
#![cfg(target_arch = "wasm32")]

use recipe_card::web::{show_error, Card};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;
use web_sys::{Element, ShadowRoot, ShadowRootInit, ShadowRootMode};

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("../www/recipes/caramelised-pork-mince.json");

fn recipe(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("test JSON parses")
}

/// The seed with the string `from` replaced by `to` (a cheap way to make a bad recipe).
fn seed_replacing(from: &str, to: &str) -> JsValue {
    assert!(SEED.contains(from), "{from} not in seed");
    recipe(&SEED.replacen(from, to, 1))
}

fn host() -> ShadowRoot {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .unwrap()
}

fn all(root: &ShadowRoot, sel: &str) -> Vec<Element> {
    let list = root.query_selector_all(sel).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(wasm_bindgen::JsCast::unchecked_into::<Element>)
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
    // The stylesheet is inside the shadow root, not on the page.
    assert!(text(&root, "style").contains("--rc-accent"));
}

#[wasm_bindgen_test]
fn recipe_text_is_inserted_as_text_never_as_html() {
    let root = host();
    let evil = "<img src=x onerror=alert(1)>";
    let _card = Card::mount(
        root.clone(),
        seed_replacing("Vietnamese Caramelised Pork Mince Stir Fry", evil),
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
            "invalid type",
        ),
        (
            seed_replacing("\"steps\"", "\"stepz\""),
            "missing field `steps`",
        ),
        (
            seed_replacing("{pork:amount}", "{pepper}"),
            "steps[1].text: unknown ingredient id \"pepper\"",
        ),
        (JsValue::from_str("not an object"), "invalid type"),
    ];
    for (value, want) in cases {
        let root = host();
        let err = match Card::mount(root.clone(), value) {
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
    show_error(&root, "steps: <b>missing</b>");
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
    assert_eq!(all(&root, "style").len(), 1);
}
