#!/usr/bin/env node
// An A/B of the first render between builds (docs/performance.md): each argument is a site root
// (a copy of www/ after `make build`, e.g. `cp -rL www /tmp/before`). In each round every build
// is loaded once, in a random order, in headless Chromium with 4× CPU throttling, and the card is
// scrolled into view; printed per build: the time from the wasm's arrival (instantiateStreaming
// resolved) to `data-ready` as quartiles, the median from entering the viewport, and the
// difference of the medians from the first build with its 90 % bootstrap interval. This machine's
// runs of one build spread over ±40 %, so a change is only read from an interval that excludes 0.
//
//   node tools/ab-first-render.mjs [--runs N] [--cpu-throttle N] ROOT_A ROOT_B [ROOT_C …]

import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { loadCard } from './card-load.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/helpers.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args.splice(i, 2)[1]) : dflt;
};
const RUNS = opt('--runs', 30);
const THROTTLE = opt('--cpu-throttle', 4);
const roots = args;
if (roots.length < 2) throw new Error('usage: ab-first-render.mjs [--runs N] [--cpu-throttle N] ROOT_A ROOT_B [ROOT_C …]');

const quantile = (xs, f) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * f)];
/** The median of `b` less the median of `a`, and its 90 % bootstrap interval. */
function delta(a, b) {
  const resample = (x) => Array.from(x, () => x[Math.floor(Math.random() * x.length)]);
  const d = Array.from({ length: 2000 }, () => quantile(resample(b), 0.5) - quantile(resample(a), 0.5));
  return [quantile(b, 0.5) - quantile(a, 0.5), quantile(d, 0.05), quantile(d, 0.95)];
}

const servers = await Promise.all(roots.map((r) => startServer({ root: path.resolve(r), port: 0 })));
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const compiled = roots.map(() => []);
const visible = roots.map(() => []);
try {
  for (let run = 0; run < RUNS; run++) {
    for (const k of roots.map((_, k) => k).sort(() => Math.random() - 0.5)) {
      const t = await loadCard(browser, `${servers[k].url}index.html`, { throttle: THROTTLE });
      compiled[k].push(t.ready - t.compiled);
      visible[k].push(t.ready - t.visible);
    }
  }
  console.log(`wasm arrived → card ready, ${THROTTLE}× CPU throttling, ${RUNS} runs each (ms):`);
  roots.forEach((r, k) => {
    const c = compiled[k];
    const [d, lo, hi] = delta(compiled[0], c);
    const q = (f) => quantile(c, f).toFixed(1);
    console.log(`  ${r.padEnd(20)} p25 ${q(0.25)}  median ${q(0.5)}  p75 ${q(0.75)}` +
      `   from the viewport: median ${quantile(visible[k], 0.5).toFixed(1)}` +
      (k ? `   median − first's: ${d.toFixed(1)} [${lo.toFixed(1)}, ${hi.toFixed(1)}]` : ''));
  });
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
}
