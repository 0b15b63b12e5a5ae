//! Ships `src/web/card.css` without its comments and line breaks (about 250 bytes brotli).

use std::{env, fs, path::Path};

fn main() {
    let src = "src/web/card.css";
    println!("cargo:rerun-if-changed={src}");
    let css = fs::read_to_string(src).expect("src/web/card.css");
    let mut out = String::with_capacity(css.len());
    let mut rest = css.as_str();
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        let end = rest[start..].find("*/").expect("an unclosed CSS comment");
        rest = &rest[start + end + 2..];
    }
    out.push_str(rest);
    let mut min = String::with_capacity(out.len());
    for line in out.lines().map(str::trim).filter(|l| !l.is_empty()) {
        // A line break inside a selector or value is a space; after punctuation it is nothing.
        if !min.is_empty() && !min.ends_with(['{', '}', ';', ',']) {
            min.push(' ');
        }
        min.push_str(line);
    }
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("card.css");
    fs::write(dest, min).expect("writing the minified stylesheet");
}
