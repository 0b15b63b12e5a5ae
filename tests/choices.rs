//! Spice levels and swaps applied to the seed: the exact chili line, the exact step text, and the
//! notes, alone and combined with servings and units.
#![cfg(not(target_arch = "wasm32"))]

use recipe_card::model::Recipe;
use recipe_card::quantity::System;
use recipe_card::validate::validate;
use recipe_card::view::{self, Selection};

fn seed() -> Recipe {
    let json = include_str!("../www/recipes/caramelised-pork-mince.json");
    validate(json).unwrap()
}

fn level(r: &Recipe, id: &str) -> Option<usize> {
    r.spice
        .as_ref()
        .unwrap()
        .levels
        .iter()
        .position(|l| l.id == id)
}

fn swap(r: &Recipe, sel: &mut Selection, swap: &str, option: &str) {
    let i = r.swaps.iter().position(|s| s.id == swap).unwrap();
    sel.swaps[i] = r.swaps[i]
        .options
        .iter()
        .position(|o| o.id == option)
        .unwrap();
}

/// The chili (or its stand-in) as one line: amount, name, preparation.
fn chili_line(r: &Recipe, sel: &Selection) -> String {
    let lines = view::ingredient_lines(r, sel);
    let l = lines
        .iter()
        .find(|l| l.name.contains("chil") || l.name.contains("pepper"))
        .unwrap();
    [l.amount.as_str(), " ", &l.name, ", ", l.prep].concat()
}

fn step(r: &Recipe, sel: &Selection, n: usize) -> String {
    view::plain(&view::steps(r, sel)[n].text)
}

const AROMATICS: &str = "Once the meat is beautifully caramelized, create space in the wok, add 1 tbsp neutral oil and your aromatics: ";

#[test]
fn each_spice_level_changes_the_line_the_step_and_the_note() {
    let r = seed();
    let cases = [
        ("extra-hot", "4–5 red chilies, thinly sliced", "2 shallots, 4 garlic cloves, 4–5 red chilies, and the white parts of 4 scallions.", "Extra chilies, for when you're feeling brave."),
        ("hot", "2–3 red chilies, thinly sliced", "2 shallots, 4 garlic cloves, 2–3 red chilies, and the white parts of 4 scallions.", ""),
        ("medium", "1 red chili, thinly sliced", "2 shallots, 4 garlic cloves, 1 red chili, and the white parts of 4 scallions.", "Use only 1 chili instead of 2-3."),
        ("mild", "1 red chili, seeds and white membranes removed, thinly sliced", "2 shallots, 4 garlic cloves, 1 red chili, and the white parts of 4 scallions.", "Use only 1 chili, and remove all the seeds and white membranes from the chilies before slicing."),
        ("none", "½ red bell pepper, seeded and thinly sliced", "2 shallots, 4 garlic cloves, ½ red bell pepper, and the white parts of 4 scallions.", "Milder red bell pepper gives the dish its color without the heat."),
    ];
    for (id, line, aromatics, note) in cases {
        let mut sel = Selection::default_for(&r);
        sel.spice = level(&r, id);
        assert_eq!(chili_line(&r, &sel), line, "{id}");
        assert!(
            step(&r, &sel, 2).starts_with(&[AROMATICS, aromatics].concat()),
            "{id}: {}",
            step(&r, &sel, 2)
        );
        let notes = view::notes(&r, &sel);
        assert_eq!(
            notes,
            if note.is_empty() {
                vec![]
            } else {
                vec![note.to_string()]
            },
            "{id}"
        );
        let step_notes = &view::steps(&r, &sel)[2].notes;
        assert_eq!(
            step_notes.len(),
            usize::from(id == "mild"),
            "{id}: {step_notes:?}"
        );
    }
}

#[test]
fn scaling_applies_on_top_of_the_level() {
    let r = seed();
    let mut sel = Selection::default_for(&r);
    sel.spice = level(&r, "mild");
    sel.servings = 8;
    assert_eq!(
        chili_line(&r, &sel),
        "2 red chilies, seeds and white membranes removed, thinly sliced"
    );
    sel.servings = 2;
    sel.spice = level(&r, "none");
    assert_eq!(
        chili_line(&r, &sel),
        "½ red bell pepper, seeded and thinly sliced"
    );
    sel.spice = level(&r, "extra-hot");
    sel.servings = 16;
    assert_eq!(chili_line(&r, &sel), "16–20 red chilies, thinly sliced");
}

#[test]
fn chilies_on_the_side_leave_the_wok_for_a_serving_note() {
    let r = seed();
    let mut sel = Selection::default_for(&r);
    sel.side = true;
    assert!(view::side_available(&r, &sel));
    assert!(step(&r, &sel, 2).starts_with(
        &[
            AROMATICS,
            "2 shallots, 4 garlic cloves, and the white parts of 4 scallions."
        ]
        .concat()
    ));
    assert_eq!(
        view::notes(&r, &sel),
        ["Serve the chilies on the side so everyone can adjust their own spice level."]
    );
    // The chilies stay on the shopping list.
    assert_eq!(chili_line(&r, &sel), "2–3 red chilies, thinly sliced");
    // No chilies left to serve on the side once bell pepper replaces them.
    sel.spice = level(&r, "none");
    assert!(!view::side_available(&r, &sel));
    assert!(step(&r, &sel, 2).contains("½ red bell pepper, and the white parts"));
    assert!(view::notes(&r, &sel)
        .iter()
        .all(|n| !n.contains("on the side")));
}

#[test]
fn protein_and_sugar_swaps_follow_the_faq() {
    let r = seed();
    for protein in ["chicken", "turkey"] {
        let mut sel = Selection::default_for(&r);
        swap(&r, &mut sel, "protein", protein);
        let lines = view::ingredient_lines(&r, &sel);
        assert_eq!(
            (
                lines[0].amount.as_str(),
                lines[0].name.as_str(),
                lines[0].prep
            ),
            ("500 g", ["ground ", protein].concat().as_str(), "")
        );
        let oil = lines.iter().find(|l| l.name == "neutral oil").unwrap();
        assert_eq!(oil.amount, "2 tbsp", "one extra tablespoon of oil");
        assert!(step(&r, &sel, 1)
            .starts_with(&["Add 500 g ground ", protein, " to the bubbling caramel"].concat()));
        assert!(step(&r, &sel, 2).contains("add 2 tbsp neutral oil"));
        let title = &view::steps(&r, &sel)[1].title;
        assert_eq!(
            title,
            &[
                "Brown the ",
                &protein[..1].to_uppercase(),
                &protein[1..],
                " Perfectly"
            ]
            .concat()
        );
        assert!(view::notes(&r, &sel)[0].contains("adjust the fish sauce to taste"));
    }
    let sugars = [
        ("palm", "3 tbsp palm sugar", false),
        ("brown", "3 tbsp brown sugar", false),
        ("coconut", "3 tbsp coconut sugar", false),
        ("white", "3 tbsp white sugar and ½ tsp molasses", true),
    ];
    for (id, text, molasses) in sugars {
        let mut sel = Selection::default_for(&r);
        swap(&r, &mut sel, "sugar", id);
        assert!(
            step(&r, &sel, 0)
                .starts_with(&["Begin by melting ", text, " with a touch of water"].concat()),
            "{id}: {}",
            step(&r, &sel, 0)
        );
        let lines = view::ingredient_lines(&r, &sel);
        assert_eq!(lines.iter().any(|l| l.name == "molasses"), molasses, "{id}");
    }
}

#[test]
fn every_control_combines_with_no_stale_text() {
    let r = seed();
    let mut sel = Selection::default_for(&r);
    sel.servings = 8;
    sel.units = Some(System::Us);
    sel.spice = level(&r, "mild");
    swap(&r, &mut sel, "protein", "chicken");
    swap(&r, &mut sel, "sugar", "white");
    let lines: Vec<String> = view::ingredient_lines(&r, &sel)
        .iter()
        .map(|l| [l.amount.as_str(), " ", &l.name].concat())
        .collect();
    assert_eq!(
        lines,
        [
            "2 ¼ lb ground chicken",
            "⅜ cup white sugar",
            "1 tsp molasses",
            "a touch of water",
            "⅜ cup fish sauce",
            "2 tbsp soy sauce",
            "2 tbsp neutral oil",
            "4 shallots",
            "8 garlic cloves",
            "2 red chilies",
            "8 scallions",
            " steamed jasmine rice or broken rice (com tam)",
        ]
    );
    let all_steps: String = view::steps(&r, &sel)
        .iter()
        .map(|s| view::plain(&s.text))
        .collect();
    assert!(all_steps.contains("melting ⅜ cup white sugar and 1 tsp molasses"));
    assert!(all_steps.contains("Add 2 ¼ lb ground chicken"));
    assert!(all_steps.contains(
        "2 tbsp neutral oil and your aromatics: 4 shallots, 8 garlic cloves, 2 red chilies,"
    ));
    assert!(all_steps.contains("add ⅜ cup fish sauce and 2 tbsp soy sauce"));
    for stale in ["pork", "palm sugar", "500 g", "2–3", "3 tbsp"] {
        assert!(!all_steps.contains(stale), "stale {stale:?} in {all_steps}");
    }
    assert!(view::steps(&r, &sel)[1].notes[0].contains("in batches"));
}

#[test]
fn a_patched_item_without_a_plural_takes_an_s() {
    let json = include_str!("../www/recipes/caramelised-pork-mince.json")
        .replace(r#""plural": "red bell peppers","#, "");
    let r = validate(&json).unwrap();
    let mut sel = Selection::default_for(&r);
    sel.spice = level(&r, "none");
    let none = &r.spice.as_ref().unwrap().levels[sel.spice.unwrap()];
    assert_eq!(none.patches[0].plural, None);
    sel.servings = 16;
    assert_eq!(
        chili_line(&r, &sel),
        "2 red bell peppers, seeded and thinly sliced"
    );
    sel.servings = 4;
    assert_eq!(
        chili_line(&r, &sel),
        "½ red bell pepper, seeded and thinly sliced"
    );
}
