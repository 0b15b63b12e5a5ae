//! An ingredient's amount: one exact number or a range, parsed from what the author wrote.

use super::format::split;
use super::ratio::Ratio;

/// How much: `2`, `1/3` or the range `2-3`. Both ends are positive and a range is increasing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qty {
    Exact(Ratio),
    Range(Ratio, Ratio),
}

impl Qty {
    /// Parses `2`, `1 1/2`, `0.5`, `2-3`, `2–3` or `2 to 3`.
    pub fn parse(s: &str) -> Option<Qty> {
        let s = s.trim_ascii();
        let split = split(s, "–".as_bytes())
            .or_else(|| split(s, b"-"))
            .or_else(|| split(s, b" to "));
        match split {
            Some((lo, hi)) => {
                let (lo, hi) = (Ratio::parse(lo)?, Ratio::parse(hi)?);
                (!lo.is_zero() && lo < hi).then_some(Qty::Range(lo, hi))
            }
            None => Ratio::parse(s).filter(|r| !r.is_zero()).map(Qty::Exact),
        }
    }

    /// The same amount multiplied by `factor` at both ends.
    pub fn scale(self, factor: Ratio) -> Qty {
        match self {
            Qty::Exact(v) => Qty::Exact(v * factor),
            Qty::Range(lo, hi) => Qty::Range(lo * factor, hi * factor),
        }
    }

    /// The upper end (the value itself for an exact amount).
    pub fn high(self) -> Ratio {
        match self {
            Qty::Exact(v) | Qty::Range(_, v) => v,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_exact_amounts_and_ranges() {
        let r = |n, d| Ratio::new(n, d).unwrap();
        assert_eq!(Qty::parse("1/3"), Some(Qty::Exact(r(1, 3))));
        assert_eq!(Qty::parse("2-3"), Some(Qty::Range(r(2, 1), r(3, 1))));
        assert_eq!(Qty::parse("2–3"), Some(Qty::Range(r(2, 1), r(3, 1))));
        assert_eq!(Qty::parse("1 1/2 to 2"), Some(Qty::Range(r(3, 2), r(2, 1))));
    }

    #[test]
    fn rejects_zero_backwards_and_garbage() {
        for bad in ["0", "3-2", "2-2", "0-1", "-3", "a-b", "1e9", ""] {
            assert_eq!(Qty::parse(bad), None, "{bad:?}");
        }
    }
}
