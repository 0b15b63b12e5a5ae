//! Exact non-negative rationals: amounts are never floats, so ⅓ cup × 3 is exactly 1 cup.

use core::cmp::Ordering;
use core::num::NonZeroU64;
use core::ops::{Add, Div, Mul, Sub};

/// A reduced fraction `num / den` with `den > 0`.
///
/// Recipe amounts are small (numerators and denominators well under a million), so `i64` with
/// reduction after every operation never overflows in practice. If a pathological input ever gets
/// there, operations saturate or shed precision rather than wrap (`Ratio::fit`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Ratio {
    num: i64,
    den: i64,
}

/// The greatest common divisor, at least 1 so that dividing by it needs no zero or overflow check
/// (each such check keeps a panic call and its location in the wasm); in `u64`, so that `%`
/// needs none either.
const fn gcd(a: i64, b: i64) -> i64 {
    let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
    while b != 0 {
        let t = a % b;
        a = b;
        b = t;
    }
    if a == 0 || a > i64::MAX as u64 {
        1
    } else {
        a as i64
    }
}

/// `a * b` when it fits in `i64` (and is not `i64::MIN`). Checked by a division: `checked_mul`
/// widens to 128 bits in the wasm (`__multi3`).
#[inline(never)]
fn mul(a: i64, b: i64) -> Option<i64> {
    match NonZeroU64::new(b.unsigned_abs()) {
        Some(d) if a.unsigned_abs() > i64::MAX as u64 / d => None,
        _ => Some(a.wrapping_mul(b)),
    }
}

impl Ratio {
    pub const ZERO: Ratio = Ratio { num: 0, den: 1 };
    pub const ONE: Ratio = Ratio { num: 1, den: 1 };

    /// `num / den`, reduced; `None` for a zero denominator.
    pub const fn new(num: i64, den: i64) -> Option<Ratio> {
        if den == 0 {
            return None;
        }
        let (num, den) = if den < 0 { (-num, -den) } else { (num, den) };
        let g = gcd(num, den);
        Some(Ratio {
            num: num / g,
            den: den / g,
        })
    }

    /// A glyph's value, already reduced.
    const fn glyph(num: u8, den: u8) -> Ratio {
        Ratio {
            num: num as i64,
            den: den as i64,
        }
    }

    pub const fn int(n: i64) -> Ratio {
        Ratio { num: n, den: 1 }
    }

    pub const fn num(self) -> i64 {
        self.num
    }

    pub const fn den(self) -> i64 {
        self.den
    }

    pub const fn is_zero(self) -> bool {
        self.num == 0
    }

    /// The whole part, rounded toward zero.
    pub const fn trunc(self) -> i64 {
        self.num / self.pos_den()
    }

    /// The denominator, with the invariant `den > 0` spelt out for the compiler: no division check.
    const fn pos_den(self) -> i64 {
        if self.den > 0 {
            self.den
        } else {
            1
        }
    }

    /// The absolute value: the numerator's, over the same denominator (no subtraction through
    /// [`Ratio::fit`]). Numerators stay above `i64::MIN` (`fit` saturates at `-i64::MAX`).
    pub fn abs(self) -> Ratio {
        Ratio {
            num: self.num.abs(),
            den: self.den,
        }
    }

    /// The nearest integer, halves rounded up; from the remainder, so that it never overflows.
    pub fn round(self) -> i64 {
        let den = self.pos_den();
        let r = self.num.rem_euclid(den);
        self.num.div_euclid(den) + (r >= den - r) as i64
    }

    /// The nearest multiple of `1/den`, halves rounded up.
    pub fn round_to(self, den: i64) -> Ratio {
        Ratio::new((self * Ratio::int(den)).round(), den).unwrap_or(self)
    }

    /// `self + o` or `self * o` when it fits in `i64`. Past that, the operand with the larger
    /// denominator sheds a bit of precision and the operation is retried; two whole numbers
    /// saturate. No `i128`: its division alone is a kilobyte of the wasm. One function for both
    /// operations, without closures: one copy of the retry loop.
    fn fit(self, o: Ratio, add: bool) -> Ratio {
        let (mut a, mut b) = (self, o);
        loop {
            let v = if add {
                // Over the least common denominator: what is computed stays near the result's size.
                let g = gcd(a.den, b.den);
                let (x, y) = (a.den / g, b.den / g);
                match (mul(a.num, y), mul(b.num, x), mul(a.den, y)) {
                    (Some(p), Some(q), Some(d)) => p.checked_add(q).and_then(|n| Ratio::new(n, d)),
                    _ => None,
                }
            } else {
                // Cross-reduced first: the product is then reduced, and no larger than it must be.
                let g1 = gcd(a.num, b.den);
                let g2 = gcd(b.num, a.den);
                match (mul(a.num / g1, b.num / g2), mul(a.den / g2, b.den / g1)) {
                    (Some(num), Some(den)) => Some(Ratio { num, den }),
                    _ => None,
                }
            };
            if let Some(v) = v {
                return v;
            }
            if a.den < b.den {
                core::mem::swap(&mut a, &mut b);
            }
            if a.den == 1 {
                let v = if add {
                    a.num.saturating_add(b.num)
                } else if (a.num ^ b.num) < 0 {
                    i64::MIN
                } else {
                    i64::MAX
                };
                return Ratio::int(v.max(-i64::MAX));
            }
            a = Ratio::new(a.num / 2, a.den / 2).unwrap_or(a);
        }
    }

    /// Parses an author's number: `2`, `0.25`, `1/3`, `1 1/2`, `1½` or `½` (ASCII whitespace
    /// around it).
    pub fn parse(s: &str) -> Option<Ratio> {
        let mut i = 0;
        let v = read(s.as_bytes(), &mut i);
        (v.num >= 0 && i == s.len()).then_some(v)
    }
}

/// Moves `i` past ASCII whitespace (what `trim_ascii` trims).
fn skip_space(s: &[u8], i: &mut usize) {
    while s.get(*i).is_some_and(u8::is_ascii_whitespace) {
        *i += 1;
    }
}

/// Reads an author's number at `s[*i..]` and the ASCII whitespace around it, moving `i` past
/// them: `2`, `0.25`, `1/3`, `1 1/2`, `1½`, `1 ½` or `½`. Minus one when there is none (a number
/// read is never negative): no `Option` moved. One pass over the bytes, no splitting: the one
/// reader of amounts and of the ends of ranges ([`crate::quantity::Qty::parse`]).
pub(crate) fn read(s: &[u8], i: &mut usize) -> Ratio {
    const NONE: Ratio = Ratio::int(-1);
    skip_space(s, i);
    let mut v = glyph(s, i);
    if v.is_zero() {
        let (p, sep) = plain(s, i);
        if p.num < 0 {
            return NONE;
        }
        // A glyph after the number, as in "1½" or "1 ½"; or a whole number, one space and a
        // fraction, as in "1 1/2". A number after any other whitespace, or of another form, is
        // none: nothing that may follow a number starts with a digit, `.` or `/`.
        let space = matches!(s.get(*i), Some(b' '));
        skip_space(s, i);
        let g = glyph(s, i);
        v = p + g;
        if g.is_zero() && matches!(s.get(*i), Some(b'0'..=b'9' | b'.' | b'/')) {
            let (f, fsep) = plain(s, i);
            if !(space && sep == 0 && fsep == b'/' && f.num >= 0) {
                return NONE;
            }
            v = p + f;
        }
    }
    skip_space(s, i);
    v
}

/// The vulgar fraction glyph at `s[*i..]` (one of [`GLYPHS`]), moving `i` past it; zero when
/// there is none.
fn glyph(s: &[u8], i: &mut usize) -> Ratio {
    for &(glyph, num, den) in &GLYPHS {
        if s.get(*i..)
            .is_some_and(|rest| rest.starts_with(glyph.as_bytes()))
        {
            *i += glyph.len();
            return Ratio::glyph(num, den);
        }
    }
    Ratio::ZERO
}

/// `3`, `1/3` or `0.25` at `s[*i..]` (no sign, no exponent, at most nine digits a part and six
/// decimals), moving `i` past it, and its separator (`/`, `.` or 0); minus one when there is
/// none.
fn plain(s: &[u8], i: &mut usize) -> (Ratio, u8) {
    let (mut before, mut before_digits) = (0, 0);
    // `scale` is 10 to the power `digits`, kept alongside: no `pow`.
    let (mut n, mut digits, mut scale, mut sep) = (0i64, 0u32, 1i64, 0u8);
    while let Some(&c) = s.get(*i) {
        if c.is_ascii_digit() && digits < 9 {
            n = n * 10 + (c - b'0') as i64;
            digits += 1;
            scale *= 10;
        } else if sep == 0 && (c == b'/' || c == b'.') {
            (before, before_digits, sep) = (n, digits, c);
            (n, digits, scale) = (0, 0, 1);
        } else {
            break;
        }
        *i += 1;
    }
    let (num, den) = match sep {
        _ if digits == 0 => (-1, 1),
        b'/' if before_digits > 0 => (before, n),
        b'.' if digits <= 6 => (before * scale + n, scale),
        0 => (n, 1),
        _ => (-1, 1),
    };
    (Ratio::new(num, den).unwrap_or(Ratio::int(-1)), sep)
}

/// The Unicode vulgar fractions cooks use, with their values (reduced). As `&str`s: matched
/// and appended as bytes, never decoded.
pub(crate) const GLYPHS: [(&str, u8, u8); 9] = [
    ("½", 1, 2),
    ("⅓", 1, 3),
    ("⅔", 2, 3),
    ("¼", 1, 4),
    ("¾", 3, 4),
    ("⅛", 1, 8),
    ("⅜", 3, 8),
    ("⅝", 5, 8),
    ("⅞", 7, 8),
];

/// The glyph for the fractional part of `r`, if cooks have one (none for a whole number). The
/// fraction without a subtraction: the remainder over the same, reduced, denominator.
pub(crate) fn glyph_for(r: Ratio) -> Option<&'static str> {
    let num = r.num % r.pos_den();
    for &(glyph, n, d) in &GLYPHS {
        if num == n as i64 && r.den == d as i64 {
            return Some(glyph);
        }
    }
    None
}

impl Add for Ratio {
    type Output = Ratio;
    fn add(self, o: Ratio) -> Ratio {
        self.fit(o, true)
    }
}

impl Sub for Ratio {
    type Output = Ratio;
    fn sub(self, o: Ratio) -> Ratio {
        self + Ratio {
            num: -o.num,
            den: o.den,
        }
    }
}

impl Mul for Ratio {
    type Output = Ratio;
    fn mul(self, o: Ratio) -> Ratio {
        self.fit(o, false)
    }
}

impl Div for Ratio {
    type Output = Ratio;
    /// Division by zero yields zero: callers never divide by an amount they have not checked.
    fn div(self, o: Ratio) -> Ratio {
        if o.num == 0 {
            return Ratio::ZERO;
        }
        let (num, den) = if o.num < 0 {
            (-o.den, -o.num)
        } else {
            (o.den, o.num)
        };
        self * Ratio { num, den }
    }
}

impl Ord for Ratio {
    /// Exact for every pair, without multiplying: the signs first, then the whole parts, then
    /// the fractions compared through their reciprocals (a continued fraction, as Euclid's
    /// algorithm). Unsigned, by non-zero divisors: no panic paths.
    fn cmp(&self, o: &Ratio) -> Ordering {
        let (neg, o_neg) = (self.num < 0, o.num < 0);
        if neg != o_neg {
            return o_neg.cmp(&neg);
        }
        let (mut a, mut b) = (self.num.unsigned_abs(), self.den as u64);
        let (mut c, mut d) = (o.num.unsigned_abs(), o.den as u64);
        if neg {
            (a, b, c, d) = (c, d, a, b);
        }
        // a/b against c/d.
        loop {
            let (Some(x), Some(y)) = (NonZeroU64::new(b), NonZeroU64::new(d)) else {
                return Ordering::Equal;
            };
            let (q1, q2, r1, r2) = (a / x, c / y, a % x, c % y);
            if q1 != q2 || r1 == 0 || r2 == 0 {
                return q1.cmp(&q2).then(r1.cmp(&r2));
            }
            // r1/b < r2/d exactly when d/r2 < b/r1.
            (a, b, c, d) = (d, r2, b, r1);
        }
    }
}

impl PartialOrd for Ratio {
    fn partial_cmp(&self, o: &Ratio) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prelude::*;

    fn r(n: i64, d: i64) -> Ratio {
        Ratio::new(n, d).unwrap()
    }

    #[test]
    fn parses_every_written_form() {
        assert_eq!(Ratio::parse("2"), Some(r(2, 1)));
        assert_eq!(Ratio::parse("1/3"), Some(r(1, 3)));
        assert_eq!(Ratio::parse("1 1/2"), Some(r(3, 2)));
        assert_eq!(Ratio::parse("0.25"), Some(r(1, 4)));
        assert_eq!(Ratio::parse(".5"), Some(r(1, 2)));
        assert_eq!(Ratio::parse("1½"), Some(r(3, 2)));
        assert_eq!(Ratio::parse("1 ¾"), Some(r(7, 4)));
        assert_eq!(Ratio::parse("⅓"), Some(r(1, 3)));
        // Read in one pass: whitespace around and before a glyph, a glyph after any plain number.
        assert_eq!(Ratio::parse("\t2 \n"), Some(r(2, 1)));
        assert_eq!(Ratio::parse(" ½ "), Some(r(1, 2)));
        assert_eq!(Ratio::parse("1/2½"), Some(r(1, 1)));
        assert_eq!(Ratio::parse("0 1/2"), Some(r(1, 2)));
    }

    #[test]
    fn rejects_what_is_not_a_kitchen_number() {
        for bad in [
            "",
            "abc",
            "-1",
            "1e9",
            "1/0",
            "1 2",
            "NaN",
            "1.",
            "2/x",
            "1..5",
            "99999999999",
            // A whole number and a fraction take exactly one space first; one glyph, last.
            "1\t1/2",
            "1.5 1/2",
            "1 .5",
            "1 1/0",
            "1 1/2½",
            "½½",
        ] {
            assert_eq!(Ratio::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn arithmetic_is_exact() {
        assert_eq!(r(1, 3) * Ratio::int(3), Ratio::ONE);
        assert_eq!(r(1, 3) + r(1, 6), r(1, 2));
        assert_eq!(r(1, 2) - r(1, 3), r(1, 6));
        assert_eq!(r(2, 3) / r(1, 3), Ratio::int(2));
        assert!(r(1, 3) < r(1, 2));
        assert_eq!(r(7, 2).round(), 4);
        assert_eq!(r(5, 3).round_to(2), r(3, 2));
    }

    /// The exact reduced result, from `i128`, when it fits in `i64`.
    fn exact(num: i128, den: i128) -> Option<Ratio> {
        let (mut a, mut b) = (num.abs(), den.abs());
        while b != 0 {
            (a, b) = (b, a % b);
        }
        let (n, d) = (num / a.max(1), den / a.max(1));
        Some(Ratio::new(i64::try_from(n).ok()?, i64::try_from(d).ok()?).unwrap())
    }

    #[test]
    fn arithmetic_is_exact_wherever_the_result_fits() {
        let big = [
            1,
            2,
            3,
            7,
            10,
            48,
            1000,
            999_999,
            1_600_000,
            45_359_237,
            492_892_159,
            100_000_000,
        ];
        let mut values = Vec::new();
        for n in big.iter().chain(&[0, 5, 11, 16]) {
            for d in big {
                values.push(r(*n, d));
            }
        }
        for &a in &values {
            for &b in &values {
                let (an, ad, bn, bd) = (a.num as i128, a.den as i128, b.num as i128, b.den as i128);
                if let Some(want) = exact(an * bd + bn * ad, ad * bd) {
                    assert_eq!(a + b, want, "{a:?} + {b:?}");
                }
                if let Some(want) = exact(an * bd - bn * ad, ad * bd) {
                    assert_eq!(a - b, want, "{a:?} - {b:?}");
                }
                if let Some(want) = exact(an * bn, ad * bd) {
                    assert_eq!(a * b, want, "{a:?} * {b:?}");
                }
                assert_eq!(a.cmp(&b), (an * bd).cmp(&(bn * ad)), "{a:?} vs {b:?}");
            }
        }
    }

    #[test]
    fn past_i64_operations_saturate_or_shed_precision_never_wrap() {
        let max = Ratio::int(i64::MAX);
        assert_eq!(Ratio::int(i64::MAX - 1) + Ratio::int(10), max);
        assert_eq!(Ratio::int(i64::MAX / 2) * Ratio::int(3), max);
        assert_eq!(Ratio::ZERO - max - Ratio::int(10), Ratio::int(-i64::MAX));
        assert_eq!(max / r(1, 1_000_000_007), max);
        // Denominators past i64 shed their lowest bits: the sum of 1/4e9 and 1/4e9 is off by
        // at most 1/2e9, far below anything a cook measures (and is not garbage).
        let (a, b) = (r(1, 4_000_000_001), r(1, 4_000_000_003));
        let off = |v: Ratio, want: Ratio| (v - want).max(want - v) <= r(1, 2_000_000_000);
        assert!(off(a + b, r(1, 2_000_000_001)));
        assert!(off(a * b, Ratio::ZERO) && a * b >= Ratio::ZERO);
        // Rounding works from the remainder, so the largest values round too.
        assert_eq!(r(i64::MAX, 2).round(), i64::MAX / 2 + 1);
        assert_eq!(r(i64::MAX - 1, 3).round(), (i64::MAX - 1) / 3);
    }
}
