// The recipe file's JSON, read by the browser's own parser and handed to the wasm as a tape
// (`src/json.rs` reads it): a value is `{` members `}`, `[` items `]`, `"` text NUL (a string,
// and each member's name before its value), `#` text NUL (a number, as JavaScript writes it),
// or `t`, `f`, `n`. The reviver runs on the innermost values first, so each container joins
// its values' tapes. A NUL inside a string becomes U+FFFD: it ends a text on the tape.
const text = (s) => s.replaceAll('\0', '\uFFFD') + '\0';

/** The tape of `json`; throws the browser's `SyntaxError` (which names the position) when the
 * text is not JSON. */
export const tape = (json) =>
  JSON.parse(json, (_, v) =>
    Array.isArray(v) ? '[' + v.join('') + ']'
      : v && typeof v == 'object' ? '{' + Object.keys(v).map((k) => '"' + text(k) + v[k]).join('') + '}'
        : typeof v == 'string' ? '"' + text(v)
          : typeof v == 'number' ? '#' + v + '\0'
            : ('' + v)[0]); // true, false, null: 't', 'f', 'n'
