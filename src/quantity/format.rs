//! Amounts as a cook writes them: kitchen fractions for US units and counts, short decimals for
//! metric. No floats: digits come from exact rationals, so the wasm carries no float formatting.

use super::ratio::{glyph_for, Ratio};
use crate::prelude::*;

/// The denominators of kitchen fractions: what measuring cups and spoons can hold.
pub const KITCHEN_DENS: [i64; 5] = [1, 2, 3, 4, 8];

/// Whether `r` is a whole number or a kitchen fraction (halves, thirds, quarters, eighths).
pub fn is_kitchen(r: Ratio) -> bool {
    KITCHEN_DENS.contains(&r.den())
}

/// The smallest kitchen fraction.
const EIGHTH: Ratio = match Ratio::new(1, 8) {
    Some(v) => v,
    None => Ratio::ONE,
};

/// Appends `1 ½`, `⅓`, `3`: the whole part and a Unicode fraction glyph. Every function here
/// appends to the caller's string: no intermediate `String` per number.
///
/// `r` should be a kitchen fraction; one that is not (say 2/7) is shown at the nearest eighth,
/// and a tiny positive amount as ⅛, never as "0".
pub fn kitchen(out: &mut String, r: Ratio) {
    let r = if is_kitchen(r) {
        r
    } else {
        r.round_to(8).max(EIGHTH)
    };
    let whole = r.trunc();
    // Every proper kitchen fraction has a glyph: none means a whole number.
    let glyph = glyph_for(r);
    if whole > 0 || glyph.is_none() {
        push_int(out, whole);
        if glyph.is_some() {
            out.push(' ');
        }
    }
    if let Some(g) = glyph {
        out.push_str(g);
    }
}

/// Rounds a metric amount to what the card shows: at most three significant digits and at most
/// one decimal (`66.7`, `467`, `1.5`, `1230`); never below 0.1.
pub fn metric_round(r: Ratio) -> Ratio {
    let int = r.round();
    if int >= 100 {
        // The place of the third significant digit. At least 1, spelt out: no division check.
        let (mut t, mut unit) = (int, 1i64);
        while t >= 1000 {
            t /= 10;
            unit *= 10;
        }
        let unit = unit.max(1);
        return Ratio::int((int + unit / 2) / unit * unit);
    }
    let tenths = (r * Ratio::int(10)).round().max(1);
    Ratio::new(tenths, 10).unwrap_or(r)
}

/// Appends a metric amount, rounded by [`metric_round`].
pub fn metric(out: &mut String, r: Ratio) {
    decimal(out, metric_round(r));
}

/// Appends `r` as an exact decimal (`0.3`, `1250`, `12.75`) if it has one of at most six places;
/// `false` (and nothing appended) if not.
pub fn decimal(out: &mut String, r: Ratio) -> bool {
    // `r` is reduced: it has `places` decimals when its denominator divides 10 to that power.
    // Plain integers, no `Ratio` products; the denominator's sign spelt out: no division check.
    let den = r.den().max(1);
    let (mut places, mut scale) = (0, 1i64);
    while scale % den != 0 {
        if places == 6 {
            return false;
        }
        places += 1;
        scale *= 10;
    }
    let scale = scale.max(1);
    let n = r.num() * (scale / den);
    push_int(out, n / scale);
    if places > 0 {
        out.push('.');
        push_digits(out, n % scale, places);
    }
    true
}

/// Appends an amount exactly as the author wrote it: glyphs for kitchen fractions, else the
/// decimal.
pub fn as_written(out: &mut String, r: Ratio, metric_unit: bool) {
    if (metric_unit || !is_kitchen(r)) && decimal(out, r) {
        return;
    }
    kitchen(out, r);
}

/// Reads a whole number written in ASCII digits alone (at most 18 of them, so it never
/// overflows); `None` otherwise. One reader for every integer the card reads: each `str::parse`
/// type is its own code in the wasm.
pub fn parse_uint(s: &str) -> Option<u64> {
    if s.is_empty() || s.len() > 18 {
        return None;
    }
    let mut n: u64 = 0;
    for b in s.bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n * 10 + (b - b'0') as u64;
    }
    Some(n)
}

/// `s` around the first occurrence of `pat`. By bytes: a `char` or `&str` pattern brings a
/// string searcher into the wasm.
pub fn split<'a>(s: &'a str, pat: &[u8]) -> Option<(&'a str, &'a str)> {
    let mut rest = s.as_bytes();
    let mut at = 0;
    while !rest.starts_with(pat) {
        rest = rest.get(1..)?;
        at += 1;
    }
    Some((s.get(..at)?, s.get(at + pat.len()..)?))
}

/// The parts of `s` between `sep` bytes, as `str::split` gives them (without its searcher).
pub fn fields(s: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    core::iter::from_fn(move || {
        let r = rest?;
        Some(match split(r, &[sep]) {
            Some((part, next)) => {
                rest = Some(next);
                part
            }
            None => {
                rest = None;
                r
            }
        })
    })
}

/// The `;`-separated entries of a stored value after its `v1` version; `None` for a value in
/// another format. One reader for the timers' and the cook-mode marks' storage text.
pub fn stored_entries(stored: &str) -> Option<impl Iterator<Item = &str>> {
    let mut entries = fields(stored, b';');
    (entries.next()? == "v1").then_some(entries)
}

/// Records the warning `what` followed by `value` (a stored value quoted as it was). One call
/// per warning: no slice of parts built at each site.
#[inline(never)]
pub fn warn(warnings: &mut Vec<String>, what: &str, value: &str) {
    warnings.push(cat(&[what, value]));
}

/// Appends a non-negative integer without `core::fmt`.
pub fn push_int(out: &mut String, n: i64) {
    push_digits(out, n, 1);
}

/// Appends a non-negative integer in at least `width` digits (leading zeros).
pub fn push_digits(out: &mut String, n: i64, width: u32) {
    if n >= 10 || width > 1 {
        push_digits(out, n / 10, width.saturating_sub(1));
    }
    out.push((b'0' + (n % 10) as u8) as char);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(n: i64, d: i64) -> Ratio {
        Ratio::new(n, d).unwrap()
    }

    /// What `f` appends to an empty string.
    fn text(f: impl Fn(&mut String)) -> String {
        let mut out = String::new();
        f(&mut out);
        out
    }

    fn kitchen(v: Ratio) -> String {
        text(|o| super::kitchen(o, v))
    }

    fn metric(v: Ratio) -> String {
        text(|o| super::metric(o, v))
    }

    fn as_written(v: Ratio, metric_unit: bool) -> String {
        text(|o| super::as_written(o, v, metric_unit))
    }

    #[test]
    fn kitchen_fractions() {
        assert_eq!(kitchen(r(1, 3)), "⅓");
        assert_eq!(kitchen(r(3, 2)), "1 ½");
        assert_eq!(kitchen(r(4, 1)), "4");
        assert_eq!(kitchen(r(7, 8)), "⅞");
        assert_eq!(kitchen(r(1, 100)), "⅛");
        assert_eq!(kitchen(r(2, 7)), "¼");
    }

    #[test]
    fn metric_digits() {
        assert_eq!(metric(r(500, 1)), "500");
        assert_eq!(metric(r(200, 3)), "66.7");
        assert_eq!(metric(r(1400, 3)), "467");
        assert_eq!(metric(r(3, 2)), "1.5");
        assert_eq!(metric(r(12345, 1)), "12300");
        assert_eq!(metric(r(1, 100)), "0.1");
        assert_eq!(metric(r(9995, 100)), "100");
    }

    #[test]
    fn written_amounts_keep_their_digits() {
        assert_eq!(as_written(r(1234, 1), true), "1234");
        assert_eq!(as_written(r(3, 10), false), "0.3");
        assert_eq!(as_written(r(3, 2), false), "1 ½");
        assert_eq!(as_written(r(51, 4), true), "12.75");
        assert_eq!(as_written(r(1, 20), true), "0.05");
        assert_eq!(as_written(r(2, 7), false), "¼");
        assert_eq!(as_written(r(1, 1_000_000), false), "0.000001");
        assert_eq!(as_written(r(1, 10_000_000), true), "⅛");
        assert_eq!(text(|o| assert!(!decimal(o, r(1, 3)))), "");
        // Appended after what is there: the space before a glyph follows only its own digits.
        let mut out = String::from("1–");
        super::kitchen(&mut out, r(1, 2));
        super::kitchen(&mut out, r(5, 2));
        assert_eq!(out, "1–½2 ½");
    }

    #[test]
    fn splits_like_str_split() {
        for s in ["", ";", "a", "v1;i:0,3;s:1", ";;a;", "é;ü;;"] {
            let want: Vec<&str> = s.split(';').collect();
            assert_eq!(fields(s, b';').collect::<Vec<_>>(), want, "{s:?}");
            assert_eq!(split(s, b";"), s.split_once(';'), "{s:?}");
        }
        assert_eq!(split("2 to 3", b" to "), Some(("2", "3")));
        assert_eq!(split("2–3", "–".as_bytes()), Some(("2", "3")));
        assert_eq!(split("2 t", b" to "), None);
    }

    #[test]
    fn whole_numbers_read_from_digits_alone() {
        assert_eq!(parse_uint("0"), Some(0));
        assert_eq!(parse_uint("42"), Some(42));
        assert_eq!(
            parse_uint("999999999999999999"),
            Some(999_999_999_999_999_999)
        );
        for bad in [
            "",
            "+3",
            "-3",
            "3.0",
            " 3",
            "1e3",
            "9999999999999999999",
            "٣",
        ] {
            assert_eq!(parse_uint(bad), None, "{bad:?}");
        }
    }
}
