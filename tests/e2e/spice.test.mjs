// The spice-level toggle, "Chilies on the side" and the FAQ's swaps, as a reader uses them: by
// role and accessible name, with mouse and keyboard, combined with servings and units.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  setup,
  openPage,
  gotoPage,
  card,
  waitForCards,
  assertAccessible,
  assertNoPageErrors,
  cardPageHtml,
  routeHtml,
  collectWarnings,
  readRecipe,
} from './helpers.mjs';

const SEED = readRecipe('recipes/caramelised-pork-mince.json');
const LEVELS = SEED.spice.levels;

// What each level does to the chili line and to step 3 (the aromatics), at 4 servings.
const EXPECT = {
  'Extra hot': { line: '4–5 red chilies, thinly sliced', step: '4–5 red chilies, and the white parts' },
  Hot: { line: '2–3 red chilies, thinly sliced', step: '2–3 red chilies, and the white parts' },
  Medium: { line: '1 red chili, thinly sliced', step: '1 red chili, and the white parts' },
  Mild: { line: '1 red chili, seeds and white membranes removed, thinly sliced', step: '1 red chili, and the white parts' },
  'No heat': { line: '½ red bell pepper, seeded and thinly sliced', step: '½ red bell pepper, and the white parts' },
};

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env?.close();
});

async function withCard(rel, fn, opts) {
  const { context, page, errors } = await openPage(env, opts);
  try {
    await gotoPage(page, rel);
    return await fn(page, card(page), errors);
  } finally {
    await context.close();
  }
}

/** The chili (or bell pepper) ingredient line, as shown. */
async function chiliLine(c) {
  const lines = await c.locator('[part~=ingredient]').evaluateAll((els) =>
    els.map((li) => [...li.childNodes].filter((n) => !(n.getAttribute?.('part') ?? '').includes('tip')).map((n) => n.textContent).join('')),
  );
  const found = lines.filter((l) => /chil|pepper/.test(l));
  assert.equal(found.length, 1, `one chili line, got ${JSON.stringify(lines)}`);
  return found[0].trim();
}

async function stepText(c, n) {
  return (await c.locator('[part~=step-text]').nth(n).textContent()).replace(/\s+/g, ' ');
}

async function notes(c) {
  return c.locator('[part~=note]').allTextContents();
}

async function check(page, c, level) {
  const line = await chiliLine(c);
  assert.equal(line, EXPECT[level].line, `${level}: ingredient line`);
  assert.ok((await stepText(c, 2)).includes(EXPECT[level].step), `${level}: step 3 reads ${await stepText(c, 2)}`);
  const note = LEVELS.find((l) => l.label === level).note;
  if (note) assert.ok((await notes(c)).includes(note), `${level}: note "${note}" shown`);
  else assert.deepEqual(await notes(c), [], `${level}: no note`);
}

test('every spice level by mouse changes the chili line, step 3 and the note', async () => {
  await withCard('index.html', async (page, c, errors) => {
    const group = c.getByRole('group', { name: 'Spice level' });
    assert.equal(await group.getByRole('radio').count(), LEVELS.length);
    assert.equal(await group.getByRole('radio', { name: 'Hot', exact: true }).isChecked(), true, 'the recipe default');
    await check(page, c, 'Hot');
    for (const level of Object.keys(EXPECT)) {
      await group.getByRole('radio', { name: level, exact: true }).click();
      await check(page, c, level);
    }
    // Mild's step note, in the FAQ's words.
    await group.getByRole('radio', { name: 'Mild', exact: true }).click();
    assert.match(await c.locator('[part~=step]').nth(2).locator('[part~=step-note]').textContent(), /seeds and white membranes/);
    assertNoPageErrors(errors);
  });
});

test('arrow keys move between levels, and the switch works from the keyboard', async () => {
  await withCard('index.html', async (page, c) => {
    const group = c.getByRole('group', { name: 'Spice level' });
    await group.getByRole('radio', { name: 'Hot', exact: true }).focus();
    const order = LEVELS.map((l) => l.label);
    for (let i = order.indexOf('Hot') + 1; i < order.length; i++) {
      await page.keyboard.press('ArrowDown');
      assert.equal(await group.getByRole('radio', { name: order[i], exact: true }).isChecked(), true, order[i]);
      await check(page, c, order[i]);
    }
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await check(page, c, 'Medium');
    // Tab to the switch and toggle it with Space: the chilies leave step 3 for a serving note.
    const side = c.getByRole('switch', { name: 'Chilies on the side' });
    await side.focus();
    await page.keyboard.press('Space');
    assert.equal(await side.isChecked(), true);
    assert.ok((await stepText(c, 2)).includes('4 garlic cloves, and the white parts'), await stepText(c, 2));
    assert.ok((await notes(c)).some((n) => n.includes('on the side')));
    assert.equal(await chiliLine(c), '1 red chili, thinly sliced', 'still on the shopping list');
  });
});

test('the side switch disappears where no chilies remain', async () => {
  await withCard('index.html', async (page, c) => {
    const side = c.getByRole('switch', { name: 'Chilies on the side' });
    await side.check();
    await c.getByRole('radio', { name: 'No heat' }).click();
    assert.equal(await side.isVisible(), false);
    assert.ok((await notes(c)).every((n) => !n.includes('on the side')));
    assert.ok((await stepText(c, 2)).includes('½ red bell pepper'));
    await c.getByRole('radio', { name: 'Mild' }).click();
    assert.equal(await side.isVisible(), true);
    assert.equal(await side.isChecked(), true, 'the reader’s choice comes back with the chilies');
  });
});

test('levels and swaps combine with servings and units, with no stale text', async () => {
  await withCard('index.html', async (page, c) => {
    await c.getByRole('radio', { name: 'Mild' }).click();
    await c.getByRole('slider', { name: 'Servings' }).fill('8');
    assert.equal(await chiliLine(c), '2 red chilies, seeds and white membranes removed, thinly sliced');
    await c.getByText(/^Swaps:/).click();
    await c.getByRole('group', { name: 'Protein' }).getByRole('radio', { name: 'Chicken' }).click();
    await c.getByRole('group', { name: 'Sugar' }).getByRole('radio', { name: 'White sugar' }).click();
    await c.getByRole('radio', { name: 'US' }).click();
    assert.match(await c.locator('[part~=swaps-summary]').textContent(), /Chicken, White sugar/);
    const steps = (await c.locator('[part~=step]').allTextContents()).join(' ').replace(/\s+/g, ' ');
    assert.ok(steps.includes('Brown the Chicken Perfectly'), 'step title follows the protein');
    assert.ok(steps.includes('Add 2 ¼ lb ground chicken'), steps);
    assert.ok(steps.includes('melting ⅜ cup white sugar and 1 tsp molasses'), steps);
    assert.ok(steps.includes('add 2 tbsp neutral oil'), 'one extra tablespoon of oil');
    assert.ok(steps.includes('2 red chilies,'), steps);
    for (const stale of ['pork', 'palm sugar', '500 g', '2–3']) assert.ok(!steps.includes(stale), `stale "${stale}"`);
    const n = await notes(c);
    assert.ok(n.some((t) => t.includes('adjust the fish sauce to taste')), n.join(' | '));
    assert.ok(n.some((t) => t.includes('molasses')), n.join(' | '));
  });
});

test('the level, the switch and the swaps persist across a reload', async () => {
  await withCard('index.html', async (page, c) => {
    await c.getByRole('radio', { name: 'Medium' }).click();
    await c.getByRole('switch', { name: 'Chilies on the side' }).check();
    await c.getByText(/^Swaps:/).click();
    await c.getByRole('radio', { name: 'Turkey' }).click();
    await page.reload();
    await waitForCards(page);
    assert.equal(await c.getByRole('radio', { name: 'Medium' }).isChecked(), true);
    assert.equal(await c.getByRole('switch', { name: 'Chilies on the side' }).isChecked(), true);
    assert.match(await c.locator('[part~=swaps-summary]').textContent(), /Turkey/);
    assert.equal(await chiliLine(c), '1 red chili, thinly sliced');
    assert.ok((await c.locator('[part~=ingredient]').first().textContent()).includes('ground turkey'));
  });
});

test('spice attribute and URL parameter; unknown values warn and keep the default', async () => {
  const { context, page } = await openPage(env);
  try {
    const warnings = collectWarnings(page);
    const rel = 'test-pages/__spice.html';
    await routeHtml(page, env.baseURL, rel, cardPageHtml({ attrs: { spice: 'mild' } }));
    await page.goto(rel);
    await waitForCards(page);
    const c = card(page);
    await check(page, c, 'Mild');
    await page.goto(`${rel}?spice=none`);
    await waitForCards(page);
    await check(page, c, 'No heat');
    await routeHtml(page, env.baseURL, rel, cardPageHtml({ attrs: { spice: 'volcanic' } }));
    await page.evaluate(() => localStorage.clear());
    await page.goto(rel);
    await waitForCards(page);
    await check(page, c, 'Hot');
    assert.ok(warnings.some((w) => w.includes('spice="volcanic"')), warnings.join('\n'));
  } finally {
    await context.close();
  }
});

test('a level naming an unknown ingredient is left out with a warning; the card still renders', async () => {
  const { context, page } = await openPage(env);
  try {
    const warnings = collectWarnings(page);
    const recipe = structuredClone(SEED);
    recipe.spice.levels[2].set[0].id = 'pepper'; // Medium
    recipe.swaps[0].options[1].set = [{ id: 'oil' }]; // a swap that sets nothing
    await routeHtml(page, env.baseURL, 'test-pages/__bad-level.html', cardPageHtml({ recipe }));
    await page.goto('test-pages/__bad-level.html');
    await waitForCards(page);
    const c = card(page);
    assert.equal(await page.locator('recipe-card[data-ready]').count(), 1);
    assert.equal(await c.getByRole('radio', { name: 'Medium' }).count(), 0, 'the broken level is left out');
    await check(page, c, 'Hot');
    assert.ok(warnings.some((w) => w.includes('spice.levels[2].set[0].id: unknown ingredient id "pepper"')), warnings.join('\n'));
    assert.ok(warnings.some((w) => w.includes('swaps[0].options[1].set[0].id: changes nothing in "oil"')), warnings.join('\n'));
  } finally {
    await context.close();
  }
});

test('a recipe without levels or swaps shows neither control', async () => {
  await withCard('test-pages/two-cards.html', async (page) => {
    const second = card(page, 'second');
    await second.getByRole('slider', { name: 'Servings' }).waitFor();
    assert.equal(await second.getByRole('group', { name: 'Spice level' }).count(), 0);
    assert.equal(await second.getByRole('switch', { name: 'Chilies on the side' }).count(), 0);
    assert.equal(await second.locator('[part~=swaps]').count(), 0);
  });
});

test('axe: no violations with the spice and swap controls open (light and dark)', async () => {
  for (const colorScheme of ['light', 'dark']) {
    await withCard(
      'index.html',
      async (page, c) => {
        await c.getByRole('radio', { name: 'Mild' }).click();
        await c.getByRole('switch', { name: 'Chilies on the side' }).check();
        await c.getByText(/^Swaps:/).click();
        await assertAccessible(page, 'recipe-card', `spice controls (${colorScheme})`);
      },
      { colorScheme },
    );
  }
});
