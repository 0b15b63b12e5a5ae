//! Amounts as a cook writes them: kitchen fractions for US units and counts, short decimals for
//! metric. No floats: digits come from exact rationals, so the wasm carries no float formatting.

use super::ratio::{glyph_for, Ratio};

/// `1 ½`, `⅓`, `3`: the whole part and a Unicode fraction glyph.
///
/// The value should already be rounded to a kitchen fraction; one that is not (say 2/7) is shown at
/// the nearest eighth, and never as "0": a tiny positive amount shows as ⅛.
pub fn kitchen(r: Ratio) -> String {
    let r = if glyph_for(frac_part(r)).is_some() || frac_part(r).is_zero() {
        r
    } else {
        r.round_to(8).max(Ratio::new(1, 8).unwrap_or(Ratio::ONE))
    };
    let whole = r.trunc();
    let frac = frac_part(r);
    let mut out = String::new();
    if whole > 0 || frac.is_zero() {
        push_int(&mut out, whole);
    }
    if let Some(g) = glyph_for(frac) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push(g);
    }
    out
}

fn frac_part(r: Ratio) -> Ratio {
    r - Ratio::int(r.trunc())
}

/// Metric amounts: at most three significant digits, one decimal under 10 (`66.7`, `467`, `1.5`).
pub fn metric(r: Ratio) -> String {
    // Work in tenths: decimals appear only below 100, and only one of them.
    let tenths = (r * Ratio::int(10)).round();
    let mut out = String::new();
    if tenths >= 1000 {
        // Three significant digits: round the integer part.
        let int = r.round();
        let mut digits: u32 = 0;
        let mut t = int;
        while t > 0 {
            digits += 1;
            t /= 10;
        }
        let unit = 10i64.pow(digits.saturating_sub(3));
        push_int(&mut out, (int + unit / 2) / unit * unit);
        return out;
    }
    let tenths = tenths.max(1);
    push_int(&mut out, tenths / 10);
    if tenths % 10 != 0 {
        out.push('.');
        push_int(&mut out, tenths % 10);
    }
    out
}

/// Appends a non-negative integer without `core::fmt`.
pub fn push_int(out: &mut String, n: i64) {
    if n >= 10 {
        push_int(out, n / 10);
    }
    out.push((b'0' + (n % 10) as u8) as char);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(n: i64, d: i64) -> Ratio {
        Ratio::new(n, d).unwrap()
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
    }
}
