// tape.js, the browser's reading of a recipe's JSON for the wasm (src/json.rs says what a tape
// is), on its own in Node: the cases the native writer (json::tape) meets too, and the
// recipes the demo ships. That the card then renders from it is every other e2e test.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { tape } from '../../src/web/tape.js';

const root = new URL('../../', import.meta.url);

test('the shared cases give the same tape as the native writer', () => {
  const { cases } = JSON.parse(readFileSync(new URL('tests/tape_cases.json', root), 'utf8'));
  assert.ok(cases.length >= 7);
  for (const [json, want] of cases) assert.equal(tape(json), want, json);
});

test('text that is not JSON throws the engine\'s SyntaxError, naming the place', () => {
  assert.throws(() => tape('{"format": 1,}'), (e) => e instanceof SyntaxError && /position 13/.test(e.message));
  assert.throws(() => tape(''), SyntaxError);
});

test('every shipped recipe is one value, each container closed', () => {
  const dir = new URL('www/recipes/', root);
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  assert.ok(files.length > 0);
  for (const f of files) {
    const t = tape(readFileSync(new URL(f, dir), 'utf8'));
    assert.equal(t[0], '{', f);
    // Outside the texts (each ends at its NUL), every `{` and `[` is closed in order.
    const open = [];
    for (let i = 0; i < t.length; i++) {
      const c = t[i];
      if (c === '"' || c === '#') i = t.indexOf('\0', i);
      else if (c === '{' || c === '[') open.push(c);
      else if (c === '}' || c === ']') assert.equal(open.pop(), c === '}' ? '{' : '[', f);
    }
    assert.equal(open.length, 0, f);
  }
});
