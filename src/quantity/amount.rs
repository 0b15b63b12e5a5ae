//! An ingredient's amount: one exact number or a range, parsed from what the author wrote.

use super::ratio::{read, Ratio};

/// How much: `2`, `1/3` or the range `2-3`. Both ends are positive and a range is increasing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qty {
    Exact(Ratio),
    Range(Ratio, Ratio),
}

impl Qty {
    /// Parses `2`, `1 1/2`, `0.5`, `2-3`, `2–3` or `2 to 3`. One pass over the bytes: each end
    /// read where it starts, then what separates them.
    pub fn parse(s: &str) -> Option<Qty> {
        let (s, mut i) = (s.as_bytes(), 0);
        let lo = read(s, &mut i);
        if i == s.len() {
            return (lo.num() > 0).then_some(Qty::Exact(lo));
        }
        // `–`, `-`, or `to` with a space before it (the last whitespace read) and after it.
        i += match s.get(i..) {
            Some([0xE2, 0x80, 0x93, ..]) => 3,
            Some([b'-', ..]) => 1,
            Some([b't', b'o', b' ', ..]) if matches!(s.get(i.wrapping_sub(1)), Some(b' ')) => 3,
            _ => return None,
        };
        let hi = read(s, &mut i);
        (i == s.len() && lo.num() > 0 && lo < hi).then_some(Qty::Range(lo, hi))
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
        assert_eq!(Qty::parse("1\t to 2"), Some(Qty::Range(r(1, 1), r(2, 1))));
        assert_eq!(
            Qty::parse("1 1/2 - 2 1/2"),
            Some(Qty::Range(r(3, 2), r(5, 2)))
        );
        assert_eq!(Qty::parse("½-1"), Some(Qty::Range(r(1, 2), r(1, 1))));
    }

    #[test]
    fn rejects_zero_backwards_and_garbage() {
        // `to` takes a space on each side; one separator only.
        for bad in [
            "0",
            "3-2",
            "2-2",
            "0-1",
            "-3",
            "a-b",
            "1e9",
            "",
            "1 to2",
            "1\tto 2",
            "1 \tto 2",
            "1 to\t2",
            "1-2-3",
            "1–2-3",
            "1 to to 2",
        ] {
            assert_eq!(Qty::parse(bad), None, "{bad:?}");
        }
    }
}
