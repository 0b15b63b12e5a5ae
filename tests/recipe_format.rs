//! The recipe format end to end on the native side: the seed file, and every kind of bad input the
//! card must name instead of rendering.
#![cfg(not(target_arch = "wasm32"))]

use recipe_card::model::{Amount, Recipe, Scaling};
use recipe_card::validate::{read_json, validate};
use recipe_card::view::{self, Selection};

const SEED: &str = include_str!("../www/recipes/caramelised-pork-mince.json");
const SEED_TEXT: &str = include_str!("../../shared/seed/000_a3317c8d10672758.txt");

fn load(json: &str) -> Result<Recipe, String> {
    validate(json).map_err(|e| e.text())
}

fn seed() -> Recipe {
    load(SEED).expect("the seed recipe is valid")
}

/// The seed with one JSON edit applied through `serde_json::Value`.
fn seed_with(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value = serde_json::from_str(SEED).unwrap();
    edit(&mut v);
    v.to_string()
}

#[test]
fn seed_has_every_ingredient_the_seed_names_and_the_steps_need() {
    let r = seed();
    let items: Vec<&str> = r.ingredients.iter().map(|i| i.item.as_str()).collect();
    for want in [
        "ground pork",
        "palm sugar",
        "fish sauce",
        "shallot",
        "garlic clove",
        "red chili",
        "scallion",
        "water",
        "soy sauce",
        "neutral oil",
    ] {
        assert!(items.contains(&want), "missing {want}: {items:?}");
    }
}

#[test]
fn seed_keeps_every_figure_the_seed_gives() {
    let r = seed();
    let pork = &r.ingredients[r.ingredient("pork").unwrap()];
    assert!(pork.prep.contains("15–20% fat"));
    let chili = &r.ingredients[r.ingredient("chili").unwrap()];
    let lines = view::ingredient_lines(&r, &Selection::default_for(&r));
    assert!(
        lines
            .iter()
            .any(|l| l.amount == "2–3" && l.name == "red chilies"),
        "{lines:?}"
    );
    assert!(matches!(
        chili.amount,
        Amount::Measured {
            scaling: Scaling::Whole,
            ..
        }
    ));
    assert_eq!(view::duration(r.steps[0].duration.unwrap()), "3–4 min");
    assert!(r.storage.iter().any(|(_, t)| t.contains("up to 3 days")));
    // One extra tablespoon of oil with chicken or turkey.
    let protein = r.swaps.iter().position(|s| s.id == "protein").unwrap();
    for option in ["chicken", "turkey"] {
        let mut sel = Selection::default_for(&r);
        sel.swaps[protein] = r.swaps[protein]
            .options
            .iter()
            .position(|o| o.id == option)
            .unwrap();
        let lines = view::ingredient_lines(&r, &sel);
        let oil = lines.iter().find(|l| l.name == "neutral oil").unwrap();
        assert_eq!(oil.amount, "2 tbsp", "{option}");
        assert!(lines.iter().any(|l| l.name == ["ground ", option].concat()));
    }
}

#[test]
fn seed_carries_the_whole_text_of_steps_and_faq() {
    let r = seed();
    let titles: Vec<&str> = r.steps.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Create the Caramel Base",
            "Brown the Pork Perfectly",
            "Build Aromatic Layers",
            "Finish with Bold Flavors"
        ]
    );
    for t in &titles {
        assert!(SEED_TEXT.contains(t));
    }
    // Every FAQ question and answer is the seed's own words.
    assert_eq!(r.faq.len(), 6);
    for f in &r.faq {
        assert!(SEED_TEXT.contains(&f.q), "question not in seed: {}", f.q);
        assert!(SEED_TEXT.contains(&f.a), "answer not in seed: {}", f.q);
    }
    for pairing in ["canh chua", "do chua", "bok choy", "iced coffee", "lager"] {
        assert!(r.pairings.iter().any(|p| p.contains(pairing)), "{pairing}");
    }
}

#[test]
fn step_text_shows_current_amounts() {
    let r = seed();
    let sel = Selection::default_for(&r);
    let steps = view::steps(&r, &sel);
    let caramel = view::plain(&steps[0].text);
    assert!(
        caramel.starts_with(
            "Begin by melting 3 tbsp palm sugar with a touch of water in your hot wok"
        ),
        "{caramel}"
    );
    // The molasses group is dropped while molasses is not used.
    assert!(!caramel.contains("molasses"));
    let aromatics = view::plain(&steps[2].text);
    assert!(
        aromatics.contains("1 tbsp neutral oil and your aromatics: 2 shallots, 4 garlic cloves, 2–3 red chilies, and the white parts of 4 scallions."),
        "{aromatics}"
    );
    assert_eq!(steps[0].time.as_deref(), Some("3–4 min"));
}

#[test]
fn every_spice_level_and_swap_option_applies_to_the_seed() {
    let r = seed();
    let spice = r.spice.as_ref().unwrap();
    let expect = [
        ("extra-hot", "4–5", "red chilies"),
        ("hot", "2–3", "red chilies"),
        ("medium", "1", "red chili"),
        ("mild", "1", "red chili"),
        ("none", "½", "red bell pepper"),
    ];
    for (id, amount, name) in expect {
        let mut sel = Selection::default_for(&r);
        sel.spice = spice.levels.iter().position(|l| l.id == id);
        let lines = view::ingredient_lines(&r, &sel);
        assert!(
            lines.iter().any(|l| l.amount == amount && l.name == name),
            "{id}: {lines:?}"
        );
    }
    let mut sel = Selection::default_for(&r);
    sel.side = true;
    let aromatics = view::plain(&view::steps(&r, &sel)[2].text);
    assert!(
        aromatics.contains("4 garlic cloves, and the white parts"),
        "{aromatics}"
    );
    assert!(view::notes(&r, &sel)
        .iter()
        .any(|n| n.contains("on the side")));

    let sugar = r.swaps.iter().position(|s| s.id == "sugar").unwrap();
    sel.swaps[sugar] = 3; // white sugar turns molasses on
    let caramel = view::plain(&view::steps(&r, &sel)[0].text);
    assert!(
        caramel.contains("melting 3 tbsp white sugar and ½ tsp molasses with"),
        "{caramel}"
    );
}

#[test]
fn batches_note_appears_above_what_the_wok_holds() {
    let r = seed();
    let mut sel = Selection::default_for(&r);
    sel.servings = 6;
    assert!(view::steps(&r, &sel)[1].notes.is_empty());
    sel.servings = 8;
    assert!(view::steps(&r, &sel)[1].notes[0].contains("in batches"));
}

/// Every malformed case names the field at fault.
#[test]
fn malformed_recipes_name_the_problem() {
    let cases: Vec<(String, &str)> = vec![
        (
            "{".into(),
            "not valid JSON: EOF while parsing an object at line 1 column 1",
        ),
        ("42".into(), "invalid type: number 42, expected an object"),
        (
            seed_with(|v| v["servings"]["base"] = "four".into()),
            "servings.base: invalid type: string \"four\", expected a whole number",
        ),
        (
            seed_with(|v| v["servings"]["base"] = serde_json::json!(4.5)),
            "servings.base: invalid type: number 4.5, expected a whole number",
        ),
        (
            seed_with(|v| v["ingredients"][2]["item"] = serde_json::json!(["x"])),
            "ingredients[2].item: invalid type: an array, expected a string",
        ),
        (
            seed_with(|v| v["ingredients"][3]["use"] = "no".into()),
            "ingredients[3].use: invalid type: string \"no\", expected true or false",
        ),
        (
            seed_with(|v| v["steps"][1] = serde_json::json!({"title": "x"})),
            "steps[1]: missing field `text`",
        ),
        (
            seed_with(|v| v["faq"] = serde_json::json!({"q": "x"})),
            "faq: invalid type: an object, expected an array",
        ),
        (
            seed_with(|v| {
                v.as_object_mut().unwrap().remove("steps");
            }),
            "missing field `steps`",
        ),
        (
            seed_with(|v| {
                v.as_object_mut().unwrap().remove("name");
            }),
            "missing field `name`",
        ),
        (
            seed_with(|v| v["name"] = " ".into()),
            "name: must not be empty",
        ),
        (
            seed_with(|v| v["format"] = 2.into()),
            "format: this card reads format 1, the file is format 2",
        ),
        (
            seed_with(|v| v["ingredients"][1]["unit"] = "cupz".into()),
            "ingredients[1].unit: unknown unit \"cupz\"",
        ),
        (
            seed_with(|v| v["ingredients"][0]["qty"] = "lots".into()),
            "ingredients[0].qty: expected an amount",
        ),
        (
            seed_with(|v| v["ingredients"][0]["qty"] = "3-2".into()),
            "ingredients[0].qty",
        ),
        (
            seed_with(|v| v["ingredients"][0]["scale"] = "double".into()),
            "ingredients[0].scale: expected linear, fixed or whole",
        ),
        (
            seed_with(|v| v["ingredients"][1]["id"] = "pork".into()),
            "ingredients[1].id: duplicate id \"pork\"",
        ),
        (
            seed_with(|v| v["steps"][0]["text"] = "Add {pepper}.".into()),
            "steps[0].text: unknown ingredient id \"pepper\"",
        ),
        (
            seed_with(|v| v["steps"][0]["text"] = "Add {pork".into()),
            "steps[0].text: unclosed '{'",
        ),
        (
            seed_with(|v| v["steps"] = serde_json::json!([])),
            "steps: a recipe needs at least one step",
        ),
        (
            seed_with(|v| v["servings"]["min"] = 9.into()),
            "servings: expected 1 <= min <= base <= max",
        ),
        (
            seed_with(|v| v["servings"]["batch"]["step"] = "fry".into()),
            "servings.batch.step: unknown step id \"fry\"",
        ),
    ];
    for (json, want) in cases {
        let got = load(&json).expect_err(want);
        assert!(got.contains(want), "expected {want:?} in {got:?}");
    }
}

#[test]
fn recipe_text_is_kept_verbatim_even_when_it_looks_like_html() {
    let json = seed_with(|v| v["name"] = "<img src=x onerror=alert(1)>".into());
    assert_eq!(load(&json).unwrap().name, "<img src=x onerror=alert(1)>");
}

/// Spaces, tabs and line breaks around text are trimmed; a no-break space is text (docs/recipe-format.md).
#[test]
fn text_is_trimmed_of_ascii_whitespace_only() {
    let json = seed_with(|v| {
        v["name"] = " \t Caramel pork\r\n".into();
        v["author"] = "\u{a0}Nagi ".into();
    });
    let r = load(&json).unwrap();
    assert_eq!(r.name, "Caramel pork");
    assert_eq!(r.author, "\u{a0}Nagi");
}

#[test]
fn every_fixture_in_www_is_valid_or_fails_as_its_name_says() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/www/recipes");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path).unwrap();
            load(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
    }
    let broken = [
        ("invalid-json", "line"),
        ("wrong-type", "invalid type"),
        ("missing-field", "missing field `steps`"),
        ("unknown-unit", "unknown unit \"cupz\""),
        ("unknown-ingredient", "unknown ingredient id \"pepper\""),
    ];
    for (name, want) in broken {
        let text = std::fs::read_to_string([dir, "/broken/", name, ".json"].concat()).unwrap();
        let got = load(&text).expect_err(name);
        assert!(got.contains(want), "{name}: {got}");
    }
}

/// A spice level or swap option that cannot apply is left out with a warning naming it; the card
/// still renders, at the default level where that survives.
#[test]
fn bad_levels_and_swap_options_are_left_out_with_a_warning() {
    let warned = |json: String| {
        let (r, w) = read_json(&json).expect("the card still renders");
        let w: Vec<String> = w.iter().map(|e| e.text()).collect();
        (r, w)
    };
    let (r, w) = warned(seed_with(|v| v["spice"]["default"] = "volcanic".into()));
    assert_eq!(
        w,
        ["spice.default: names no usable option: \"volcanic\"; starting at \"extra-hot\""]
    );
    assert_eq!(r.spice.unwrap().default, 0);

    let (r, w) = warned(seed_with(|v| {
        v["spice"]["levels"][2]["set"][0]["id"] = "pepper".into()
    }));
    assert_eq!(
        w,
        ["spice.levels[2].set[0].id: unknown ingredient id \"pepper\": option left out"]
    );
    let spice = r.spice.unwrap();
    assert_eq!(spice.levels.len(), 4);
    assert_eq!(
        spice.levels[spice.default].id, "hot",
        "the default level survives"
    );

    let (r, w) = warned(seed_with(|v| {
        v["swaps"][0]["options"][1]["set"][1] = serde_json::json!({"id": "oil"})
    }));
    assert_eq!(
        w,
        ["swaps[0].options[1].set[1].id: changes nothing in \"oil\": option left out"]
    );
    assert_eq!(r.swaps[0].options.len(), 2);

    let (_, w) = warned(seed_with(|v| {
        v["swaps"][0]["options"][1]["set"][0] = serde_json::json!({"id": "rice", "unit": "g"})
    }));
    assert_eq!(w, ["swaps[0].options[1].set[0].qty: a unit or scale needs an amount: give qty: option left out"]);

    let (_, w) = warned(seed_with(|v| {
        v["swaps"][0]["options"][1]["set"][1]["qty"] = "".into()
    }));
    assert!(
        w[0].starts_with("swaps[0].options[1].set[1].qty: expected an amount"),
        "{w:?}"
    );

    let (r, w) = warned(seed_with(|v| {
        v["spice"]["side"]["ingredient"] = "pepper".into()
    }));
    assert_eq!(
        w,
        ["spice.side.ingredient: unknown ingredient id \"pepper\""]
    );
    assert!(r.spice.unwrap().side.is_none());

    let (r, w) = warned(seed_with(|v| {
        for l in v["spice"]["levels"].as_array_mut().unwrap() {
            l["set"] = serde_json::json!([{"id": "nope", "qty": "1"}]);
        }
    }));
    assert!(r.spice.is_none(), "no usable level: no toggle");
    assert_eq!(
        w.last().unwrap(),
        "spice.levels: no usable option: the control is left out"
    );
}

/// A duration that cannot be right leaves its step without a timer, with a warning; the card renders.
#[test]
fn impossible_durations_drop_the_timer_with_a_warning() {
    for bad in ["0 min", "-3 min", "25 h", "soon", "NaN min"] {
        let json = seed_with(|v| v["steps"][0]["duration"] = bad.into());
        let (r, w) = read_json(&json).expect("the card still renders");
        assert_eq!(r.steps[0].duration, None, "{bad}");
        assert_eq!(w.len(), 1, "{bad}");
        let text = w[0].text();
        assert!(
            text.starts_with("steps[0].duration: expected a duration")
                && text.ends_with(": no timer"),
            "{text}"
        );
    }
}

/// Every value in the seed replaced, one at a time, by each JSON type: reading and checking go on
/// after the first error with empty values (no early returns, for size), so none of these may
/// panic, and each one either reads or names a problem. A panic in the wasm stops every card.
#[test]
fn any_single_wrong_value_is_an_error_or_a_warning_never_a_panic() {
    fn paths(
        v: &serde_json::Value,
        at: Vec<serde_json::Value>,
        out: &mut Vec<Vec<serde_json::Value>>,
    ) {
        match v {
            serde_json::Value::Object(m) => {
                for (k, x) in m {
                    let mut p = at.clone();
                    p.push(k.as_str().into());
                    paths(x, p.clone(), out);
                    out.push(p);
                }
            }
            serde_json::Value::Array(xs) => {
                for (i, x) in xs.iter().enumerate() {
                    let mut p = at.clone();
                    p.push(i.into());
                    paths(x, p.clone(), out);
                    out.push(p);
                }
            }
            _ => {}
        }
    }
    let seed: serde_json::Value = serde_json::from_str(SEED).unwrap();
    let mut all = Vec::new();
    paths(&seed, Vec::new(), &mut all);
    assert!(all.len() > 250, "the seed has {} values", all.len());
    let replacements = [
        serde_json::json!(null),
        serde_json::json!(0),
        serde_json::json!("x"),
        serde_json::json!(""),
        serde_json::json!([]),
        serde_json::json!({}),
        serde_json::json!(true),
    ];
    let (mut errors, mut readable) = (0, 0);
    for path in &all {
        for new in &replacements {
            let mut v = seed.clone();
            let mut slot = &mut v;
            for key in path {
                slot = match key {
                    serde_json::Value::String(k) => &mut slot[k.as_str()],
                    serde_json::Value::Number(i) => &mut slot[i.as_u64().unwrap() as usize],
                    _ => unreachable!(),
                };
            }
            *slot = new.clone();
            match read_json(&v.to_string()) {
                Ok((r, _)) => {
                    // What reads must also show.
                    view::shown(&r, &Selection::default_for(&r));
                    readable += 1;
                }
                Err(e) => {
                    errors += 1;
                    assert!(!e.message.is_empty(), "{path:?} = {new}: an empty error");
                }
            }
        }
    }
    // Both outcomes occur: optional text may be emptied, a missing step may not.
    assert!(
        errors > 500 && readable > 100,
        "errors {errors}, readable {readable}"
    );
}

/// With two errors the first in reading order wins: a list's items are type-checked before any
/// is read, so a wrong item is named before an error inside an earlier one.
#[test]
fn the_first_error_in_reading_order_wins() {
    let cases = [
        (
            seed_with(|v| {
                v["ingredients"][0]["id"] = " ".into();
                v["ingredients"][3] = 0.into();
            }),
            "ingredients[3]: invalid type: number 0, expected an object",
        ),
        (
            seed_with(|v| {
                v["ingredients"][0]["unit"] = "cupz".into();
                v["ingredients"][0]["qty"] = true.into();
            }),
            "ingredients[0].unit: unknown unit \"cupz\"",
        ),
        (
            seed_with(|v| {
                v["servings"] = "four".into();
                v["steps"][0]["text"] = "Add {pepper}.".into();
            }),
            "servings: invalid type: string \"four\", expected an object",
        ),
    ];
    for (json, want) in cases {
        assert_eq!(load(&json).unwrap_err(), want);
    }
}
