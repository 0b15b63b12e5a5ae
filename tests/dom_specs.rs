//! `src/web/dom.rs` numbers the card's elements (`specs`) by their place in `SPECS` in
//! `src/web/dom.js`: both lists must stay the same length, numbered 0, 1, 2… in order.

#[test]
fn element_specs_are_numbered_like_the_js_table() {
    let rs = include_str!("../src/web/dom.rs");
    let js = include_str!("../src/web/dom.js");
    let mut n = 0;
    for line in rs.lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("pub const ") {
            if let Some((_, value)) = rest.split_once(": u8 = ") {
                assert_eq!(value, format!("{n};"), "{line}: out of order");
                n += 1;
            }
        }
    }
    let start = js.find("const SPECS = (").expect("SPECS in dom.js");
    let end = start + js[start..].find(").split(").expect("SPECS ends");
    let mut table = String::new();
    for piece in js[start..end].split('\'').skip(1).step_by(2) {
        table.push_str(piece);
    }
    assert_eq!(
        table.split(',').count(),
        n,
        "dom.js SPECS and dom.rs specs differ in length"
    );
}

/// `dom.js` reaches some parts by their number written out, as `C[<n> /* <NAME> */]`: each must be
/// the number `dom.rs` gives that name.
#[test]
fn parts_that_dom_js_names_by_number_match_dom_rs() {
    let rs = include_str!("../src/web/dom.rs");
    let js = include_str!("../src/web/dom.js");
    let mut checked = 0;
    for piece in js.split("C[").skip(1) {
        let Some((number, rest)) = piece.split_once(" /* ") else {
            continue;
        };
        // `C[spec]` and the like: a part reached by a variable, not by its number.
        if !number.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let name = rest.split_once(" */]").expect("C[n /* NAME */]").0;
        let want = format!("pub const {name}: u8 = {number};");
        assert!(
            rs.contains(&want),
            "dom.js C[{number} /* {name} */]: dom.rs has no `{want}`"
        );
        checked += 1;
    }
    assert!(
        checked >= 8,
        "only {checked} parts named by number in dom.js"
    );
}
