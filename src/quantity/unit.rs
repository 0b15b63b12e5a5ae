//! Units a recipe may name, and how a cook writes them.

use super::format::fields;

/// A unit of measure. Whole items (shallots, cloves) have no unit: see [`crate::model::Ingredient`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    Tsp,
    Tbsp,
    Cup,
    Ml,
    L,
    G,
    Kg,
    Oz,
    Lb,
    Pinch,
}

/// Every unit, in the order of [`NAMES`].
const UNITS: [Unit; 10] = [
    Unit::Tsp,
    Unit::Tbsp,
    Unit::Cup,
    Unit::Ml,
    Unit::L,
    Unit::G,
    Unit::Kg,
    Unit::Oz,
    Unit::Lb,
    Unit::Pinch,
];

/// The spellings authors use, a unit's after each `;`, separated by commas.
const NAMES: &str = "tsp,teaspoon,teaspoons;tbsp,tablespoon,tablespoons;cup,cups;ml,mL;\
    l,L,litre,liter;g,gram,grams;kg;oz,ounce,ounces;lb,lbs,pound,pounds;pinch,pinches";

/// Which measuring system a unit belongs to, which decides fractions (US) or decimals (metric).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum System {
    Us,
    Metric,
}

impl Unit {
    /// Parses the spellings authors use ([`NAMES`]); `None` names an unknown unit, which the
    /// format rejects.
    pub fn parse(s: &str) -> Option<Unit> {
        let s = s.trim_ascii();
        let mut units = UNITS.iter();
        for names in fields(NAMES, b';') {
            let unit = units.next()?;
            for name in fields(names, b',') {
                if name == s {
                    return Some(*unit);
                }
            }
        }
        None
    }

    /// The label shown after an amount: `plural` for amounts other than one (and for ranges).
    pub fn label(self, plural: bool) -> &'static str {
        // Singular and plural, in the order of the variants.
        const LABELS: [[&str; 2]; 10] = [
            ["tsp", "tsp"],
            ["tbsp", "tbsp"],
            ["cup", "cups"],
            ["ml", "ml"],
            ["l", "l"],
            ["g", "g"],
            ["kg", "kg"],
            ["oz", "oz"],
            ["lb", "lb"],
            ["pinch", "pinches"],
        ];
        LABELS[self as usize][plural as usize]
    }

    pub fn system(self) -> System {
        match self {
            Unit::Ml | Unit::L | Unit::G | Unit::Kg => System::Metric,
            _ => System::Us,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_common_spellings_and_rejects_others() {
        assert_eq!(Unit::parse("tablespoons"), Some(Unit::Tbsp));
        assert_eq!(Unit::parse("L"), Some(Unit::L));
        assert_eq!(Unit::parse("cupz"), None);
        assert_eq!(Unit::parse(""), None);
        let every = [
            ("tsp teaspoon teaspoons", Unit::Tsp),
            ("tbsp tablespoon tablespoons", Unit::Tbsp),
            ("cup cups", Unit::Cup),
            ("ml mL", Unit::Ml),
            ("l L litre liter", Unit::L),
            ("g gram grams", Unit::G),
            ("kg", Unit::Kg),
            ("oz ounce ounces", Unit::Oz),
            ("lb lbs pound pounds", Unit::Lb),
            ("pinch pinches", Unit::Pinch),
        ];
        for (names, unit) in every {
            for name in names.split(' ') {
                assert_eq!(Unit::parse(name), Some(unit), "{name}");
                assert_eq!(
                    Unit::parse(&[" ", name, "\n"].concat()),
                    Some(unit),
                    "{name}"
                );
            }
        }
        for bad in [
            "Cup", "tsp tbsp", "|", " ", "teaspoo", "s", "ML", "KG", "gr",
        ] {
            assert_eq!(Unit::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn labels_agree_in_number() {
        assert_eq!(Unit::Cup.label(false), "cup");
        assert_eq!(Unit::Cup.label(true), "cups");
        assert_eq!(Unit::Tbsp.label(true), "tbsp");
        assert_eq!(Unit::G.system(), System::Metric);
        assert_eq!(Unit::Tsp.system(), System::Us);
    }
}
