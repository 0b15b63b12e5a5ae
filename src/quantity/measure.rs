//! From an exact scaled amount to one a cook can measure: the unit ladder (tsp → tbsp → cup,
//! oz → lb, g → kg, ml → l), kitchen fractions for US units, short decimals for metric, US ↔
//! metric conversion with exact constants, and never a vanishing amount.

use super::format::{as_written, is_kitchen, kitchen, metric, metric_round, KITCHEN_DENS};
use super::{Qty, Ratio, System, Unit};
use crate::prelude::*;

/// What an amount measures, and in which system's base unit (tsp, oz, ml, g).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Dim {
    UsVolume,
    UsMass,
    MetricVolume,
    MetricMass,
    Pinch,
    Count,
}

const fn r(n: i64, d: i64) -> Ratio {
    match Ratio::new(n, d) {
        Some(v) => v,
        None => Ratio::ONE,
    }
}

/// Exact conversion constants (NIST): millilitres per US teaspoon, grams per ounce.
const ML_PER_TSP: Ratio = r(492_892_159, 100_000_000);
const G_PER_OZ: Ratio = r(28_349_523_125, 1_000_000_000);
/// Their reciprocals, also computed at compile time.
const TSP_PER_ML: Ratio = r(100_000_000, 492_892_159);
const OZ_PER_G: Ratio = r(1_000_000_000, 28_349_523_125);
/// How far a kitchen fraction may be from the exact amount.
const TOLERANCE: Ratio = r(1, 20);
/// Below this many teaspoons, a pinch.
const PINCH: Ratio = r(1, 16);
/// The smallest kitchen fraction, and the smallest count.
const EIGHTH: Ratio = r(1, 8);
const HALF: Ratio = r(1, 2);

/// A unit's dimension and its size in that dimension's base unit.
fn dim(unit: Option<Unit>) -> (Dim, Ratio) {
    match unit {
        None => (Dim::Count, Ratio::ONE),
        Some(u) => match u {
            Unit::Tsp => (Dim::UsVolume, Ratio::ONE),
            Unit::Tbsp => (Dim::UsVolume, Ratio::int(3)),
            Unit::Cup => (Dim::UsVolume, Ratio::int(48)),
            Unit::Oz => (Dim::UsMass, Ratio::ONE),
            Unit::Lb => (Dim::UsMass, Ratio::int(16)),
            Unit::Ml => (Dim::MetricVolume, Ratio::ONE),
            Unit::L => (Dim::MetricVolume, Ratio::int(1000)),
            Unit::G => (Dim::MetricMass, Ratio::ONE),
            Unit::Kg => (Dim::MetricMass, Ratio::int(1000)),
            Unit::Pinch => (Dim::Pinch, Ratio::ONE),
        },
    }
}

/// Rungs of a US ladder, largest first: unit, size in base units, smallest amount shown in it.
const US_VOLUME: [(Unit, i64, Ratio); 3] = [
    (Unit::Cup, 48, r(1, 4)),
    (Unit::Tbsp, 3, Ratio::ONE),
    (Unit::Tsp, 1, Ratio::ZERO),
];
const US_MASS: [(Unit, i64, Ratio); 2] = [(Unit::Lb, 16, Ratio::ONE), (Unit::Oz, 1, Ratio::ZERO)];

/// The dimension a base amount `v` is shown in for `target`, and the base units of that
/// dimension per base unit of `d` (the exact constants; one match for both). Spoons stay spoons
/// in metric below ¼ cup: metric kitchens measure with the same 5 ml and 15 ml spoons, and
/// "14.8 ml" helps nobody.
fn target_dim(d: Dim, v: Ratio, target: Option<System>) -> (Dim, Ratio) {
    match (d, target) {
        (Dim::UsMass, Some(System::Metric)) => (Dim::MetricMass, G_PER_OZ),
        (Dim::MetricMass, Some(System::Us)) => (Dim::UsMass, OZ_PER_G),
        (Dim::UsVolume, Some(System::Metric)) if v >= Ratio::int(12) => {
            (Dim::MetricVolume, ML_PER_TSP)
        }
        (Dim::MetricVolume, Some(System::Us)) => (Dim::UsVolume, TSP_PER_ML),
        _ => (d, Ratio::ONE),
    }
}

/// The simplest kitchen fraction within [`TOLERANCE`] of `x`: halves before thirds before
/// quarters before eighths; above 4 only wholes and halves (nobody measures 5 ⅜ cups).
/// Zero when there is none (a kitchen fraction is never zero): no `Option` moved.
fn approx(x: Ratio) -> Ratio {
    let dens: &[i64] = if x >= Ratio::int(4) {
        &KITCHEN_DENS[..2]
    } else {
        &KITCHEN_DENS
    };
    for &d in dens {
        let c = x.round_to(d);
        if !c.is_zero() && abs(c - x) <= x * TOLERANCE {
            return c;
        }
    }
    Ratio::ZERO
}

/// The kitchen fraction closest to `x` (the larger on a tie), for amounts no fraction is within
/// tolerance of. Halves and quarters are eighths too, and the nearest eighth rounds halves up, so
/// thirds and eighths are the only candidates.
fn nearest(x: Ratio) -> Ratio {
    let mut best = Ratio::ZERO;
    for d in [3, 8] {
        let c = x.round_to(d);
        let (e, eb) = (abs(c - x), abs(best - x));
        if e < eb || (e == eb && c > best) {
            best = c;
        }
    }
    best
}

fn abs(v: Ratio) -> Ratio {
    v.abs()
}

/// A measured amount: the value(s) in `unit`, or pinches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Measured {
    pub lo: Ratio,
    /// The upper end of a range; `None` for one amount.
    pub hi: Option<Ratio>,
    pub unit: Option<Unit>,
}

/// Picks the rung and rounds on a US ladder: an exact kitchen fraction in the largest rung that
/// has one comes first, then the simplest fraction within tolerance in the largest rung, then
/// the nearest kitchen fraction of the smallest rung (⅛ at least); below ¹⁄₁₆ tsp, a pinch (and
/// no upper end: zero).
///
/// Both ends are worked out whether or not `range` holds: the caller drops the upper end of a
/// single amount, so no `Option` is mapped through a closure at each step.
fn us(ladder: &[(Unit, i64, Ratio)], lo: Ratio, hi: Ratio, range: bool, pinch: bool) -> Rounded {
    for exact in [true, false] {
        for &(unit, size, min) in ladder {
            // Without an upper end, `b` is a stand-in that is never shown.
            let b = if range {
                fit(hi, size, exact)
            } else {
                Ratio::ONE
            };
            let a = fit(lo, size, exact);
            if !a.is_zero() && !b.is_zero() && a >= min {
                return (a, b, Some(unit));
            }
        }
    }
    // The last rung of every ladder is its base unit (size 1): no indexing, no division. Only
    // the volume ladder has pinches; a count's unit is dropped by the caller.
    if pinch && lo < PINCH {
        return (Ratio::ONE, Ratio::ZERO, Some(Unit::Pinch));
    }
    let near = |v: Ratio| nearest(v).max(EIGHTH);
    let base = if pinch { Unit::Tsp } else { Unit::Oz };
    (near(lo), near(hi), Some(base))
}

/// `v` base units in a rung of `size`: exactly a kitchen fraction, or (not `exact`) the simplest
/// one within tolerance; zero for no fit (every amount here is above zero).
fn fit(v: Ratio, size: i64, exact: bool) -> Ratio {
    let x = v / Ratio::int(size);
    if !exact {
        approx(x)
    } else if is_kitchen(x) {
        x
    } else {
        Ratio::ZERO
    }
}

/// The two ends of an amount, rounded, and their unit.
type Rounded = (Ratio, Ratio, Option<Unit>);

/// Metric: the larger unit from 1 of it, three significant digits, one decimal at most.
fn metric_measure(small: Unit, large: Unit, lo: Ratio, hi: Ratio) -> Rounded {
    let thousand = Ratio::int(1000);
    let (per, unit) = if metric_round(lo) >= thousand {
        (thousand, large)
    } else {
        (Ratio::ONE, small)
    };
    (metric_round(lo / per), metric_round(hi / per), Some(unit))
}

/// Counted items and pinches: halves at finest, never below one half.
pub fn whole(v: Ratio) -> Ratio {
    v.round_to(2).max(HALF)
}

/// The amount `qty unit` times `factor`, in `target`'s system (`None`: as written).
///
/// `whole_items` rounds counted items to halves. At factor 1 with no conversion the author's
/// own numbers are kept exactly.
pub fn measure(
    qty: Qty,
    unit: Option<Unit>,
    factor: Ratio,
    target: Option<System>,
    whole_items: bool,
) -> Measured {
    // A single amount is worked out as a range up to zero, whose upper end is then dropped.
    let (lo, hi, range) = match qty {
        Qty::Exact(v) => (v, Ratio::ZERO, false),
        Qty::Range(a, b) => (a, b, true),
    };
    let (d, size) = dim(unit);
    // The low end decides the unit, so that both ends of a range share it.
    let (d2, k) = target_dim(d, lo * factor * size, target);
    if factor == Ratio::ONE && d2 == d {
        return Measured {
            lo,
            hi: range.then_some(hi),
            unit,
        };
    }
    // One multiplier for both ends: no closure.
    let m = factor * size * k;
    let (lo, hi) = (lo * m, hi * m);
    // One call site each for `us` and `metric_measure`, their arguments picked first.
    let (lo, hi, unit) = match d2 {
        Dim::MetricVolume | Dim::MetricMass => {
            let (small, large) = if d2 == Dim::MetricMass {
                (Unit::G, Unit::Kg)
            } else {
                (Unit::Ml, Unit::L)
            };
            metric_measure(small, large, lo, hi)
        }
        Dim::Pinch | Dim::Count if d2 == Dim::Pinch || whole_items => (whole(lo), whole(hi), unit),
        _ => {
            let (ladder, pinch): (&[(Unit, i64, Ratio)], bool) = match d2 {
                Dim::UsVolume => (&US_VOLUME, true),
                Dim::UsMass => (&US_MASS, false),
                // Counted items that do not round to halves: kitchen fractions, one rung (the
                // volume ladder's base; its unit is dropped below).
                _ => (&US_VOLUME[2..], false),
            };
            let (a, b, u) = us(ladder, lo, hi, range, pinch);
            (a, b, if d2 == Dim::Count { None } else { u })
        }
    };
    // A range whose ends rounded to the same amount shows one amount.
    Measured {
        lo,
        hi: (range && hi > lo).then_some(hi),
        unit,
    }
}

impl Measured {
    /// More than one of the unit or item: "2 cups", "1 ½ shallots", ranges.
    pub fn plural(&self) -> bool {
        self.hi.is_some() || Ratio::ONE < self.lo
    }

    /// `1 ½ tbsp`, `66.7 g`, `4–6`, `1 pinch`.
    pub fn text(&self, written: bool) -> String {
        let metric_unit = self.unit.is_some_and(|u| u.system() == System::Metric);
        let mut out = String::new();
        number(&mut out, self.lo, written, metric_unit);
        if let Some(h) = self.hi {
            out.push('–');
            number(&mut out, h, written, metric_unit);
        }
        if let Some(u) = self.unit {
            out.push(' ');
            out.push_str(u.label(self.plural()));
        }
        out
    }
}

/// Appends one end of a measured amount: as the author wrote it, or in metric decimals or kitchen
/// fractions.
fn number(out: &mut String, v: Ratio, written: bool, metric_unit: bool) {
    if written {
        as_written(out, v, metric_unit)
    } else if metric_unit {
        metric(out, v)
    } else {
        kitchen(out, v)
    }
}

/// The display of `qty unit` at `factor` in `target`, and whether it reads as plural.
pub fn show(
    qty: Qty,
    unit: Option<Unit>,
    factor: Ratio,
    target: Option<System>,
    whole_items: bool,
) -> (String, bool) {
    let m = measure(qty, unit, factor, target, whole_items);
    // Unchanged amount and unit: the author's own digits.
    let written = factor == Ratio::ONE && m.unit == unit;
    (m.text(written), m.plural())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_kitchen_fraction_is_a_third_or_an_eighth() {
        // Every kitchen denominator, as the rule says it; ties to the larger.
        let reference = |x: Ratio| {
            let mut best = Ratio::ZERO;
            for d in KITCHEN_DENS {
                let c = x.round_to(d);
                let (e, eb) = (abs(c - x), abs(best - x));
                if e < eb || (e == eb && c > best) {
                    best = c;
                }
            }
            best
        };
        for den in 1..=200 {
            for num in 1..=4 * den {
                let x = r(num, den);
                assert_eq!(nearest(x), reference(x), "{x:?}");
            }
        }
    }
}
