// Parsing the amounts the card shows ("1 ½ tbsp", "66.7 g", "2–3", "⅓ cup") and the amounts a
// recipe file writes ("1 1/2", "2-3"), and what a recipe's amounts should become at another
// servings count. Pure functions, no browser: used by servings.test.mjs (and easy to unit test).
//
// Display grammar (docs: the servings issue's contract):
//   amount  := number ( "–" number )? ( " " unit )?
//   number  := digits ( "." digits )? | digits " " glyph | glyph
//   glyph   := ½ ⅓ ⅔ ¼ ¾ ⅛ ⅜ ⅝ ⅞
//   unit    := tsp tbsp cup cups ml l g kg oz lb pinch pinches
// Base units: ml for volume, g for mass; pinches and counted items in their own count.

export const GLYPHS = {
  '½': [1, 2],
  '⅓': [1, 3],
  '⅔': [2, 3],
  '¼': [1, 4],
  '¾': [3, 4],
  '⅛': [1, 8],
  '⅜': [3, 8],
  '⅝': [5, 8],
  '⅞': [7, 8],
};
const GLYPH_CLASS = Object.keys(GLYPHS).join('');

/** Exact conversion constants: millilitres per US unit, grams per US unit. */
export const ML_PER = { tsp: 4.92892159, tbsp: 14.7867648, cup: 236.588237, ml: 1, l: 1000 };
export const G_PER = { oz: 28.349523125, lb: 453.59237, g: 1, kg: 1000 };

/** Every unit the card may show, with its dimension, system and size in base units. */
export const UNITS = {
  tsp: { dim: 'volume', system: 'us', base: ML_PER.tsp, plural: false },
  tbsp: { dim: 'volume', system: 'us', base: ML_PER.tbsp, plural: false },
  cup: { dim: 'volume', system: 'us', base: ML_PER.cup, plural: false, one: true },
  cups: { dim: 'volume', system: 'us', base: ML_PER.cup, plural: true },
  ml: { dim: 'volume', system: 'metric', base: 1 },
  l: { dim: 'volume', system: 'metric', base: 1000 },
  g: { dim: 'mass', system: 'metric', base: 1 },
  kg: { dim: 'mass', system: 'metric', base: 1000 },
  oz: { dim: 'mass', system: 'us', base: G_PER.oz },
  lb: { dim: 'mass', system: 'us', base: G_PER.lb },
  pinch: { dim: 'pinch', system: null, base: 1, plural: false, one: true },
  pinches: { dim: 'pinch', system: null, base: 1, plural: true },
};

/** What a recipe file's `unit` may say (docs/recipe-format.md), mapped to the display unit. */
const FILE_UNITS = {
  tsp: 'tsp', teaspoon: 'tsp', teaspoons: 'tsp',
  tbsp: 'tbsp', tablespoon: 'tbsp', tablespoons: 'tbsp',
  cup: 'cup', cups: 'cup',
  ml: 'ml', mL: 'ml',
  l: 'l', L: 'l', litre: 'l', liter: 'l',
  g: 'g', gram: 'g', grams: 'g',
  kg: 'kg',
  oz: 'oz', ounce: 'oz', ounces: 'oz',
  lb: 'lb', lbs: 'lb', pound: 'lb', pounds: 'lb',
  pinch: 'pinch', pinches: 'pinch',
};

export function fileUnit(u) {
  if (u == null) return null;
  const k = FILE_UNITS[String(u).trim()];
  if (!k) throw new Error(`unknown recipe unit ${JSON.stringify(u)}`);
  return k;
}

/** Substrings that must never appear in a shown amount (float formatting, broken fractions). */
export const FORBIDDEN = ['NaN', 'Infinity', 'undefined', 'null', '0.67', '0.375', '1 0/1', '0/1', '/0'];

const NUM = `(?:\\d+(?:\\.\\d+)?|\\d+\\s[${GLYPH_CLASS}]|[${GLYPH_CLASS}])`;
const UNIT_ALT = Object.keys(UNITS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const AMOUNT_RE = new RegExp(`^(${NUM})(?:\\s?–\\s?(${NUM}))?(?:\\s(${UNIT_ALT}))?$`, 'u');
const BARE_UNIT_RE = new RegExp(`^(?:${UNIT_ALT})$`, 'u');

/** A displayed number ("1 ½", "⅓", "66.7", "12") as a float; NaN when it is none of these. */
export function parseNumber(s) {
  const t = s.trim();
  let m;
  if ((m = /^(\d+)(?:\.(\d+))?$/.exec(t))) return Number(t);
  if ((m = new RegExp(`^(\\d+)\\s([${GLYPH_CLASS}])$`, 'u').exec(t))) {
    const [n, d] = GLYPHS[m[2]];
    return Number(m[1]) + n / d;
  }
  if (GLYPHS[t]) return GLYPHS[t][0] / GLYPHS[t][1];
  return NaN;
}

/**
 * Parse a displayed amount. Returns
 *   { text, lo, hi (null unless a range), unit (null for counted items), dim, system,
 *     baseLo, baseHi (in ml / g / pinches / items), decimal (whether a '.' number was shown) }
 * or throws an Error whose message says why the text is not a valid amount.
 */
export function parseAmount(raw) {
  const text = String(raw ?? '');
  const t = text.trim().replace(/\s+/gu, ' ');
  if (!t) throw new Error('empty amount');
  for (const bad of FORBIDDEN) if (t.includes(bad)) throw new Error(`contains "${bad}"`);
  if (BARE_UNIT_RE.test(t)) throw new Error('a bare unit without a number');
  if (/^-|–\s*$|^–/.test(t)) throw new Error('a dangling or negative range');
  const m = AMOUNT_RE.exec(t);
  if (!m) throw new Error('not of the form "number[–number] [unit]"');
  const lo = parseNumber(m[1]);
  const hi = m[2] != null ? parseNumber(m[2]) : null;
  if (!Number.isFinite(lo) || (hi != null && !Number.isFinite(hi))) throw new Error('unparseable number');
  if (!(lo > 0)) throw new Error('a zero amount');
  if (hi != null && !(hi > lo)) throw new Error('a range that does not increase');
  const unit = m[3] ?? null;
  const info = unit ? UNITS[unit] : { dim: 'count', system: null, base: 1 };
  const decimal = /\./.test(m[1]) || (m[2] != null && /\./.test(m[2]));
  return {
    text: t,
    lo,
    hi,
    unit,
    dim: info.dim,
    system: info.system,
    baseLo: lo * info.base,
    baseHi: hi == null ? null : hi * info.base,
    decimal,
  };
}

/**
 * Stricter checks on a parsed amount: US units and counts use kitchen fractions (no decimals),
 * metric numbers have at most one decimal, cup/cups and pinch/pinches agree in number.
 * Returns a list of problems (empty when fine).
 */
export function styleProblems(a) {
  const problems = [];
  if (a.decimal && a.system !== 'metric') problems.push(`decimal number with ${a.unit ?? 'a count'} (kitchen fractions expected)`);
  if (a.system === 'metric' && /\.\d\d/.test(a.text)) problems.push('more than one decimal in a metric amount');
  const info = a.unit ? UNITS[a.unit] : null;
  if (info && (info.one || info.plural)) {
    const many = a.hi != null || a.lo > 1;
    if (info.one && many) problems.push(`"${a.unit}" with a plural amount`);
    if (info.plural && !many) problems.push(`"${a.unit}" with a singular amount`);
  }
  return problems;
}

/** Whether `raw` is a valid displayed amount; returns the error message or null. */
export function amountProblem(raw) {
  try {
    const a = parseAmount(raw);
    const p = styleProblems(a);
    return p.length ? p.join('; ') : null;
  } catch (err) {
    return err.message;
  }
}

// ---------------------------------------------------------------------------------------------
// Recipe-file amounts, exact

const gcd = (a, b) => {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a || 1;
};

/** An exact rational { n, d } (d > 0, reduced). */
export function rat(n, d = 1) {
  if (d < 0) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return { n: n / g, d: d / g };
}
export const ratMul = (a, b) => rat(a.n * b.n, a.d * b.d);
export const ratAdd = (a, b) => rat(a.n * b.d + b.n * a.d, a.d * b.d);
export const ratVal = (a) => a.n / a.d;

const FILE_GLYPH = new RegExp(`^(\\d+)?\\s*([${GLYPH_CLASS}])$`, 'u');

/** One number as a recipe file writes it: "2", "1/3", "1 1/2", "1½", "0.25". */
export function parseFileNumber(s) {
  const t = s.trim();
  let m;
  if ((m = /^(\d+)$/.exec(t))) return rat(Number(m[1]));
  if ((m = /^(\d+)\.(\d+)$/.exec(t))) return rat(Number(m[1] + m[2]), 10 ** m[2].length);
  if ((m = /^(\d+)\/(\d+)$/.exec(t))) return rat(Number(m[1]), Number(m[2]));
  if ((m = /^(\d+)\s+(\d+)\/(\d+)$/.exec(t))) return ratAdd(rat(Number(m[1])), rat(Number(m[2]), Number(m[3])));
  if ((m = FILE_GLYPH.exec(t))) {
    const [n, d] = GLYPHS[m[2]];
    return ratAdd(rat(Number(m[1] ?? 0)), rat(n, d));
  }
  throw new Error(`cannot parse recipe quantity ${JSON.stringify(s)}`);
}

/** A recipe file's `qty`: { lo, hi } exact rationals (hi null unless a range). */
export function parseQty(qty) {
  const t = String(qty).trim();
  const parts = t.split(/\s*(?:-|–|\bto\b)\s*/u);
  if (parts.length === 1) return { lo: parseFileNumber(parts[0]), hi: null };
  if (parts.length === 2) return { lo: parseFileNumber(parts[0]), hi: parseFileNumber(parts[1]) };
  throw new Error(`cannot parse recipe quantity ${JSON.stringify(qty)}`);
}

/** Round half up to the nearest ½, never below ½ (counted items). */
export function roundWhole(r) {
  // halves = floor(2r + 1/2) = floor((4n + d) / (2d))
  const halves = Math.floor((4 * r.n + r.d) / (2 * r.d));
  return Math.max(halves, 1) / 2;
}

/**
 * What one ingredient of a recipe file should show at `servings`:
 *   { kind: 'none' }                                   no amount span at all
 *   { kind: 'text', text }                             amount_text, unchanged
 *   { kind: 'fixed', dim, baseLo, baseHi }             the same amount as at base servings
 *   { kind: 'whole', lo, hi }                          counted items, rounded to halves
 *   { kind: 'linear', dim, baseLo, baseHi }            proportional, in ml / g / pinches
 */
export function expectedAmount(ing, servings, base) {
  if (ing.amount_text != null && ing.qty == null) return { kind: 'text', text: ing.amount_text };
  if (ing.qty == null) return { kind: 'none' };
  const unit = fileUnit(ing.unit);
  const scale = ing.scale ?? (unit ? 'linear' : 'whole');
  const q = parseQty(ing.qty);
  const factor = rat(servings, base);
  const info = unit ? UNITS[unit] : { dim: 'count', base: 1 };
  const toBase = (r) => (r == null ? null : ratVal(r) * info.base);
  if (scale === 'fixed') return { kind: 'fixed', dim: info.dim, unit, baseLo: toBase(q.lo), baseHi: toBase(q.hi) };
  const lo = ratMul(q.lo, factor);
  const hi = q.hi && ratMul(q.hi, factor);
  // Counted items (and pinches, which nobody measures in fractions of eighths) go to halves.
  if ((scale === 'whole' && !unit) || unit === 'pinch') {
    const wl = roundWhole(lo);
    const wh = hi ? roundWhole(hi) : null;
    return { kind: 'whole', dim: info.dim, unit, lo: wl, hi: wh != null && wh > wl ? wh : null };
  }
  return { kind: 'linear', dim: info.dim, unit, baseLo: toBase(lo), baseHi: toBase(hi) };
}

/** Relative difference |a − b| / b. */
export const relDiff = (a, b) => Math.abs(a - b) / Math.abs(b);

/**
 * Compare a shown amount with an expectation. Returns a list of problems (empty when it matches).
 * `tol` is the relative tolerance for linear amounts (0.07 = 7 %); fixed amounts get 1 %.
 */
export function compareAmount(shown, exp, { tol = 0.07 } = {}) {
  const problems = [];
  if (exp.kind === 'none') {
    if (shown != null) problems.push(`expected no amount, shown "${shown}"`);
    return problems;
  }
  if (shown == null) return [`expected an amount, none shown`];
  if (exp.kind === 'text') {
    if (shown.trim() !== exp.text) problems.push(`expected the text "${exp.text}", shown "${shown}"`);
    return problems;
  }
  let a;
  try {
    a = parseAmount(shown);
  } catch (err) {
    return [`"${shown}": ${err.message}`];
  }
  problems.push(...styleProblems(a).map((p) => `"${shown}": ${p}`));
  if (exp.kind === 'whole') {
    if (exp.unit === 'pinch' ? a.dim !== 'pinch' : a.unit != null) {
      problems.push(`"${shown}": expected ${exp.unit === 'pinch' ? 'pinches' : 'a counted item without a unit'}`);
    }
    if (a.lo !== exp.lo || a.hi !== exp.hi) {
      const want = exp.hi != null ? `${exp.lo}–${exp.hi}` : `${exp.lo}`;
      const got = a.hi != null ? `${a.lo}–${a.hi}` : `${a.lo}`;
      problems.push(`"${shown}": expected ${want} (round half up to ½, min ½), got ${got}`);
    }
    return problems;
  }
  if (a.dim !== exp.dim) {
    problems.push(`"${shown}": expected a ${exp.dim} amount, got ${a.dim}`);
    return problems;
  }
  const t = exp.kind === 'fixed' ? 0.01 : tol;
  const ends = [[a.baseLo, exp.baseLo, 'low']];
  if (exp.baseHi != null) {
    // A range may collapse to one amount only when its ends are within tolerance of each other.
    ends.push([a.baseHi ?? a.baseLo, exp.baseHi, 'high']);
  } else if (a.baseHi != null) {
    problems.push(`"${shown}": a range where one amount was expected`);
  }
  for (const [got, want, end] of ends) {
    if (!(relDiff(got, want) <= t)) {
      const unitName = a.dim === 'volume' ? 'ml' : a.dim === 'mass' ? 'g' : a.dim;
      problems.push(
        `"${shown}": ${end} end ${got.toFixed(2)} ${unitName} is ${(relDiff(got, want) * 100).toFixed(1)}% off the expected ${want.toFixed(2)} ${unitName} (tolerance ${(t * 100).toFixed(0)}%)`,
      );
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Step templates

/**
 * The ingredient ids whose amounts a step's text shows in a `[part~=ref]` with an amount, in
 * order: `{id:amount}` for ingredients with a qty or amount_text, skipping `[ … ]` groups that
 * refer to an ingredient not in use.
 */
export function stepAmountRefs(text, ingredientsById, inUse = (id) => ingredientsById[id]?.use !== false) {
  let i = 0;
  function parse(untilBracket) {
    const out = []; // { id, amount } and { group: [...] }
    while (i < text.length) {
      const c = text[i];
      if (c === ']') {
        if (!untilBracket) throw new Error(`unbalanced ] in step text at ${i}`);
        i++;
        return out;
      }
      if (c === '[') {
        i++;
        out.push({ group: parse(true) });
        continue;
      }
      if (c === '{') {
        const end = text.indexOf('}', i);
        if (end < 0) throw new Error('unterminated { in step text');
        const [id, what] = text.slice(i + 1, end).split(':');
        out.push({ id: id.trim(), amount: (what ?? '').trim() === 'amount' });
        i = end + 1;
        continue;
      }
      i++;
    }
    if (untilBracket) throw new Error('unterminated [ in step text');
    return out;
  }
  const tree = parse(false);
  const ids = (nodes) => nodes.flatMap((n) => (n.group ? ids(n.group) : [n.id]));
  const walk = (nodes) =>
    nodes.flatMap((n) => {
      if (n.group) return ids(n.group).every(inUse) ? walk(n.group) : [];
      if (!n.amount) return [];
      const ing = ingredientsById[n.id];
      if (!ing || (ing.qty == null && ing.amount_text == null)) return [];
      return [n.id];
    });
  return walk(tree);
}
