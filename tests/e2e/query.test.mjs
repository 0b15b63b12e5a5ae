// dom.js's `param`, the card's only reader of the page's query string (URL > stored > attribute:
// servings.test.mjs and spice.test.mjs test the precedence in a page), on its own in Node.
import test from 'node:test';
import assert from 'node:assert/strict';
import { param } from '../../src/web/dom.js';

const at = (search, name) => {
  globalThis.location = { search };
  return param(name);
};

test('a query value is found by its exact name, undecoded', () => {
  assert.equal(at('?servings=6&units=us', 'units'), 'us');
  assert.equal(at('?xservings=6&servings=2', 'servings'), '2');
  assert.equal(at('?servings=6&servings=2', 'servings'), '6');
  assert.equal(at('?servings', 'servings'), '');
  assert.equal(at('?spice=a=b', 'spice'), 'a=b');
  assert.equal(at('?units=%20us', 'units'), '%20us');
  assert.equal(at('', 'servings'), undefined);
  assert.equal(at('?unit=us', 'units'), undefined);
});
