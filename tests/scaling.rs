//! The quantity engine: a table of what a cook must see, and properties checked exhaustively over
//! a grid of amounts, units, servings and measuring systems.
#![cfg(not(target_arch = "wasm32"))]

use recipe_card::quantity::measure::{measure, show, Measured};
use recipe_card::quantity::{Qty, Ratio, System, Unit};

fn ratio(n: i64, d: i64) -> Ratio {
    Ratio::new(n, d).unwrap()
}

/// `qty unit × factor` in `target`, as shown.
fn scaled(qty: &str, unit: &str, factor: Ratio, target: Option<System>, whole: bool) -> String {
    let unit = (!unit.is_empty()).then(|| Unit::parse(unit).unwrap());
    show(Qty::parse(qty).unwrap(), unit, factor, target, whole).0
}

/// Amount, unit, factor, target system, whole items, and what the cook must see.
type Case = (
    &'static str,
    &'static str,
    Ratio,
    Option<System>,
    bool,
    &'static str,
);

#[test]
fn a_cook_can_measure_every_scaled_amount() {
    use System::{Metric, Us};
    let one = Ratio::ONE;
    #[rustfmt::skip]
    let cases: &[Case] = &[
        // The cases.
        ("1/3", "cup", ratio(3, 1), None, false, "1 cup"),
        ("2/3", "cup", ratio(3, 1), None, false, "2 cups"),
        ("1/3", "cup", ratio(2, 1), None, false, "⅔ cup"),
        ("1", "tsp", ratio(3, 1), None, false, "1 tbsp"),
        ("4", "tsp", ratio(4, 1), None, false, "⅓ cup"),
        ("1 3/4", "tsp", ratio(2, 1), None, false, "3 ½ tsp"),
        ("2", "tbsp", ratio(8, 1), None, false, "1 cup"),
        ("1/4", "cup", ratio(1, 4), None, false, "1 tbsp"),
        ("500", "g", ratio(2, 1), None, false, "1 kg"),
        ("200", "g", ratio(1, 3), None, false, "66.7 g"),
        ("400", "g", ratio(7, 6), None, false, "467 g"),
        ("2-3", "", ratio(2, 1), None, true, "4–6"),
        // As written at the recipe's own servings.
        ("1", "cup", one, None, false, "1 cup"),
        ("1/3", "cup", one, None, false, "⅓ cup"),
        ("0.3", "cup", one, None, false, "0.3 cup"),
        ("1234", "g", one, None, false, "1234 g"),
        ("12", "tsp", one, None, false, "12 tsp"),
        ("2-3", "", one, None, true, "2–3"),
        // Down the ladder, and tiny amounts that never vanish.
        ("1", "tsp", ratio(1, 2), None, false, "½ tsp"),
        ("1/8", "tsp", ratio(1, 4), None, false, "1 pinch"),
        ("1/8", "tsp", ratio(1, 2), None, false, "⅛ tsp"),
        ("1", "tbsp", ratio(1, 4), None, false, "¾ tsp"),
        ("3", "tbsp", ratio(1, 4), None, false, "2 ¼ tsp"),
        ("1", "cup", ratio(1, 4), None, false, "¼ cup"),
        ("1", "cup", ratio(1, 8), None, false, "2 tbsp"),
        ("1", "cup", ratio(1, 16), None, false, "1 tbsp"),
        ("1 1/2", "tsp", ratio(3, 1), None, false, "1 ½ tbsp"),
        ("1/3", "cup", ratio(5, 4), None, false, "6 ⅔ tbsp"),
        ("1", "tsp", ratio(7, 6), None, false, "1 ⅛ tsp"),
        ("2", "cup", ratio(4, 1), None, false, "8 cups"),
        ("0.1", "g", ratio(1, 4), None, false, "0.1 g"),
        // Mass and metric ladders.
        ("12", "oz", ratio(2, 1), None, false, "1 ½ lb"),
        ("8", "oz", ratio(2, 1), None, false, "1 lb"),
        ("10", "oz", ratio(2, 1), None, false, "1 ¼ lb"),
        ("8.5", "oz", ratio(2, 1), None, false, "17 oz"),
        ("1", "lb", ratio(1, 4), None, false, "4 oz"),
        ("750", "ml", ratio(2, 1), None, false, "1.5 l"),
        ("1", "l", ratio(1, 3), None, false, "333 ml"),
        ("2", "kg", ratio(1, 4), None, false, "500 g"),
        ("1", "kg", ratio(7, 6), None, false, "1.2 kg"),
        ("5", "g", ratio(1, 3), None, false, "1.7 g"),
        // Whole items: halves at finest, never below a half.
        ("2", "", ratio(1, 4), None, true, "½"),
        ("2", "", ratio(3, 4), None, true, "1 ½"),
        ("3", "", ratio(1, 4), None, true, "1"),
        ("1", "", ratio(1, 16), None, true, "½"),
        ("2-3", "", ratio(1, 4), None, true, "½–1"),
        ("3", "", ratio(1, 2), None, false, "1 ½"),
        // Pinches count.
        ("1", "pinch", ratio(4, 1), None, false, "4 pinches"),
        // US ↔ metric with exact constants; spoons stay spoons in metric.
        ("1", "lb", one, Some(Metric), false, "454 g"),
        ("500", "g", one, Some(Us), false, "1 ⅛ lb"),
        ("1", "cup", one, Some(Metric), false, "237 ml"),
        ("1", "tbsp", one, Some(Metric), false, "1 tbsp"),
        ("100", "ml", one, Some(Us), false, "7 tbsp"),
        ("15", "ml", one, Some(Us), false, "1 tbsp"),
        ("5", "ml", one, Some(Us), false, "1 tsp"),
        ("500", "g", ratio(2, 1), Some(Us), false, "2 ¼ lb"),
        ("2", "cup", ratio(2, 1), Some(Metric), false, "946 ml"),
        ("4", "cup", ratio(2, 1), Some(Metric), false, "1.9 l"),
        ("3", "tbsp", one, Some(Us), false, "3 tbsp"),
    ];
    let mut failures = Vec::new();
    for &(qty, unit, factor, target, whole, want) in cases {
        let got = scaled(qty, unit, factor, target, whole);
        if got != want {
            failures.push(format!(
                "{qty} {unit} × {factor:?} {target:?}: want {want:?}, got {got:?}"
            ));
        }
    }
    assert!(cases.len() >= 40);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A measured amount in the base unit of its dimension (ml or g), for comparing across units.
fn base(m: &Measured, v: Ratio) -> Ratio {
    let ml_per_tsp = ratio(492_892_159, 100_000_000);
    let g_per_oz = ratio(28_349_523_125, 1_000_000_000);
    let size = match m.unit {
        None => Ratio::ONE,
        Some(Unit::Tsp) => ml_per_tsp,
        Some(Unit::Tbsp) => ml_per_tsp * ratio(3, 1),
        Some(Unit::Cup) => ml_per_tsp * ratio(48, 1),
        Some(Unit::Pinch) => ml_per_tsp * ratio(1, 16),
        Some(Unit::Oz) => g_per_oz,
        Some(Unit::Lb) => g_per_oz * ratio(16, 1),
        Some(Unit::Ml | Unit::G) => Ratio::ONE,
        Some(Unit::L | Unit::Kg) => ratio(1000, 1),
    };
    v * size
}

/// Every amount the grid produces: (description, measured, shown text) over amounts n/d for
/// d in {1, 2, 3, 4, 8, 10} and n up to 40, every unit, every system, servings 1–16 of 4.
fn grid(mut each: impl FnMut(&str, Unit, Qty, Option<System>, &[(u32, Measured, String)])) {
    let units = [
        Unit::Tsp,
        Unit::Tbsp,
        Unit::Cup,
        Unit::Oz,
        Unit::Lb,
        Unit::G,
        Unit::Kg,
        Unit::Ml,
        Unit::L,
        Unit::Pinch,
    ];
    for unit in units {
        for d in [1, 2, 3, 4, 8, 10] {
            for n in 1..=40 {
                let q = Qty::Exact(ratio(n, d));
                for target in [None, Some(System::Us), Some(System::Metric)] {
                    let row: Vec<(u32, Measured, String)> = (1..=16)
                        .map(|s| {
                            let f = ratio(s as i64, 4);
                            let m = measure(q, Some(unit), f, target, false);
                            (s, m, show(q, Some(unit), f, target, false).0)
                        })
                        .collect();
                    each(
                        &format!("{n}/{d} {unit:?} {target:?}"),
                        unit,
                        q,
                        target,
                        &row,
                    );
                }
            }
        }
    }
}

#[test]
fn shown_amounts_hold_no_long_decimals_or_odd_fractions() {
    grid(|what, unit, _, _, row| {
        for (s, m, text) in row {
            if *s == 4 && m.unit == Some(unit) {
                continue; // as written by the author, digits and all
            }
            let number: String = text
                .split(' ')
                .filter(|w| w.chars().any(|c| !c.is_alphabetic()))
                .collect();
            assert!(
                !text.is_empty() && !text.contains("NaN") && !text.starts_with('0')
                    || text.starts_with("0."),
                "{what} at {s}: {text:?}"
            );
            if let Some((_, decimals)) = number.split_once('.') {
                assert!(
                    decimals.len() <= 1,
                    "{what} at {s}: {text:?} has more than one decimal"
                );
            }
            assert!(!number.contains('/'), "{what} at {s}: {text:?}");
            let glyphs = number.chars().filter(|c| "½⅓⅔¼¾⅛⅜⅝⅞".contains(*c)).count();
            assert!(
                glyphs <= 1 && !(glyphs == 1 && number.contains('.')),
                "{what} at {s}: {text:?}"
            );
            assert_ne!(text.trim(), "0", "{what} at {s}");
        }
    });
}

#[test]
fn amounts_never_decrease_as_servings_increase() {
    grid(|what, unit, _, _, row| {
        // An author's own odd decimal ("0.1 tsp") is shown as written at the recipe's servings.
        let odd = |(s, m, _): &(u32, Measured, String)| {
            let as_written = *s == 4 && m.unit == Some(unit);
            let us = unit.system() == System::Us;
            // Pinches count in halves, so an author's "⅓ pinch" is as odd as "0.1 tsp".
            let dens: &[i64] = if unit == Unit::Pinch {
                &[1, 2]
            } else {
                &[1, 2, 3, 4, 8]
            };
            as_written && us && !dens.contains(&m.lo.den())
        };
        for pair in row.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            if odd(a) || odd(b) {
                continue;
            }
            let (va, vb) = (base(&a.1, a.1.lo), base(&b.1, b.1.lo));
            assert!(
                va <= vb,
                "{what}: {} at {} servings but {} at {}",
                a.2,
                a.0,
                b.2,
                b.0
            );
        }
    });
}

#[test]
fn every_scaled_amount_is_within_tolerance_of_the_exact_one() {
    // 5% for kitchen fractions; a few more where the nearest measurable amount is coarser (⅛ tsp
    // steps near a teaspoon, one decimal for small metric amounts, a pinch).
    grid(|what, unit, q, _, row| {
        let Qty::Exact(v) = q else { return };
        for (s, m, text) in row {
            let floor = matches!(m.unit, Some(Unit::Tsp | Unit::Oz)) && m.lo == ratio(1, 8)
                || matches!(m.unit, Some(Unit::G | Unit::Ml)) && m.lo == ratio(1, 10)
                || m.unit == Some(Unit::Pinch) && m.lo == ratio(1, 2);
            if floor || m.unit == Some(Unit::Pinch) && unit != Unit::Pinch {
                continue; // the smallest measurable amount stands in for anything below it
            }
            let exact = base(
                &Measured {
                    lo: v,
                    hi: None,
                    unit: Some(unit),
                },
                v,
            ) * ratio(*s as i64, 4);
            let got = base(m, m.lo);
            let err = if got > exact {
                got - exact
            } else {
                exact - got
            };
            // Small kitchen fractions are up to ⅛ apart (pinches ½): allow half a step of the unit shown.
            let step = if m.unit == Some(Unit::Pinch) {
                ratio(1, 4)
            } else {
                ratio(1, 16)
            };
            let tol = exact * ratio(7, 100) + base(m, step);
            assert!(
                err <= tol,
                "{what} at {s}: {text:?} is too far from the exact amount"
            );
        }
    });
}

#[test]
fn scaling_up_then_back_returns_the_original() {
    grid(|what, unit, q, target, row| {
        let original = show(q, Some(unit), Ratio::ONE, target, false).0;
        for (s, _, _) in row {
            let f = ratio(*s as i64, 4);
            let there = q.scale(f);
            let back = there.scale(Ratio::ONE / f);
            assert_eq!(back, q, "{what}");
            assert_eq!(
                show(back, Some(unit), Ratio::ONE, target, false).0,
                original,
                "{what}"
            );
        }
    });
}

#[test]
fn ranges_stay_ordered_in_one_unit() {
    for (lo, hi) in [(1, 2), (2, 3), (1, 3), (3, 4), (4, 6), (10, 12)] {
        for d in [1, 2, 4] {
            let q = Qty::Range(ratio(lo, d), ratio(hi, d));
            for unit in [
                None,
                Some(Unit::Tsp),
                Some(Unit::Cup),
                Some(Unit::G),
                Some(Unit::Oz),
            ] {
                for s in 1..=16 {
                    for target in [None, Some(System::Us), Some(System::Metric)] {
                        let m = measure(q, unit, ratio(s, 4), target, unit.is_none());
                        let text = show(q, unit, ratio(s, 4), target, unit.is_none()).0;
                        if let Some(h) = m.hi {
                            assert!(m.lo < h, "{lo}-{hi}/{d} {unit:?} ×{s}/4: {text}");
                            assert_eq!(text.matches('–').count(), 1, "{text}");
                        }
                        // One unit for both ends: the unit word appears once, at the end.
                        let words: Vec<&str> = text
                            .split(' ')
                            .filter(|w| w.chars().all(char::is_alphabetic))
                            .collect();
                        assert!(words.len() <= 1, "{text}");
                    }
                }
            }
        }
    }
}
