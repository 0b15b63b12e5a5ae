//! Where a card's starting servings and units come from, and what happens to bad values.
#![cfg(not(target_arch = "wasm32"))]

use recipe_card::model::Recipe;
use recipe_card::quantity::System;
use recipe_card::settings::{self, Source};
use recipe_card::validate::validate;

fn seed() -> Recipe {
    let json = include_str!("../www/recipes/caramelised-pork-mince.json");
    validate(json).unwrap()
}

fn servings(url: Option<&str>, stored: Option<&str>, attr: Option<&str>) -> (u32, Vec<String>) {
    let mut w = Vec::new();
    let n = settings::servings(
        &seed(),
        &[
            (Source::Url, url),
            (Source::Stored, stored),
            (Source::Attribute, attr),
        ],
        &mut w,
    );
    (n, w)
}

#[test]
fn url_beats_stored_beats_attribute_beats_the_recipe() {
    assert_eq!(servings(Some("8"), Some("6"), Some("2")).0, 8);
    assert_eq!(servings(None, Some("6"), Some("2")).0, 6);
    assert_eq!(servings(None, None, Some("2")).0, 2);
    assert_eq!(servings(None, None, None), (4, vec![]));
}

#[test]
fn bad_servings_are_ignored_or_clamped_with_a_warning() {
    let (n, w) = servings(Some("abc"), None, Some("6"));
    assert_eq!(n, 6, "an ignored URL value falls through to the attribute");
    assert_eq!(
        w,
        ["URL parameter servings=\"abc\" is not a whole number: ignored"]
    );
    let (n, w) = servings(Some("-3"), None, None);
    assert_eq!(n, 1);
    assert_eq!(
        w,
        ["URL parameter servings=\"-3\" is outside 1–16: using 1"]
    );
    let (n, w) = servings(Some("1e9"), None, None);
    assert_eq!((n, w.len()), (4, 1));
    let (n, w) = servings(None, None, Some("999999999999"));
    assert_eq!(n, 16);
    assert_eq!(
        w,
        ["attribute servings=\"999999999999\" is outside 1–16: using 16"]
    );
    for bad in [
        "",
        " ",
        "6.5",
        "NaN",
        "Infinity",
        "0x10",
        "+",
        "-",
        "--3",
        "9999999999999",
        "٣",
    ] {
        let (n, w) = servings(None, Some(bad), None);
        assert_eq!((n, w.len()), (4, 1), "{bad:?}");
    }
    assert_eq!(servings(Some("0"), None, None).0, 1);
    assert_eq!(
        servings(Some("-0"), None, None).1.len(),
        1,
        "negative, however small"
    );
    assert_eq!(servings(Some("-999999999999"), None, None).0, 1);
    assert_eq!(servings(Some(" 12 "), None, None), (12, vec![]));
}

#[test]
fn units_come_from_the_first_valid_source() {
    let mut w = Vec::new();
    let u = settings::units(
        &[
            (Source::Url, Some("imperial")),
            (Source::Stored, Some("US")),
        ],
        &mut w,
    );
    assert_eq!(u, Some(System::Us));
    assert_eq!(
        w,
        ["URL parameter units=\"imperial\" is not \"us\" or \"metric\": ignored"]
    );
    assert_eq!(
        settings::units(&[(Source::Attribute, Some("metric"))], &mut w),
        Some(System::Metric)
    );
    assert_eq!(settings::units(&[(Source::Attribute, None)], &mut w), None);
    assert_eq!(
        settings::units(&[(Source::Url, Some(" MeTric "))], &mut w),
        Some(System::Metric)
    );
    for bad in ["usa", "u", "metrics", "me tric"] {
        assert_eq!(settings::units(&[(Source::Url, Some(bad))], &mut w), None);
    }
}
