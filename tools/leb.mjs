// LEB128, the variable-length integers of the wasm binary format, for the build's wasm tools
// (no-externref, shorten-imports, blank-panic-text).

/** Reads an unsigned LEB128 from `buf` at `at`: [value, the offset after it]. */
export function readLeb(buf, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = buf[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

/** `value` as an unsigned LEB128. */
export function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}
