import { chromium } from 'playwright-core';
import { startServer } from '/work/main/tools/serve.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '/work/main/tests/e2e/helpers.mjs';
const server = await startServer({ root: '/work/main/www', port: 0 });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const RUNS = 3; const agg = {};
for (let run = 0; run < RUNS; run++) {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    const s = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = async (...a) => { const r = await s.apply(WebAssembly, a); console.timeStamp('COMPILED'); performance.mark('compiled'); return r; };
    addEventListener('DOMContentLoaded', () => { const c = document.querySelector('recipe-card');
      new MutationObserver(() => c.hasAttribute('data-ready') && (console.timeStamp('READY'), performance.mark('ready'))).observe(c, { attributes: true }); });
  });
  await page.goto(`${server.url}index.html`, { waitUntil: 'load' });
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8,v8.wasm,disabled-by-default-devtools.timeline,blink', transferMode: 'ReportEvents' });
  await page.evaluate(() => document.querySelector('recipe-card')?.scrollIntoView());
  await page.waitForSelector('recipe-card[data-ready]');
  await page.waitForTimeout(200);
  await cdp.send('Tracing.end'); await done;
  const stamp = (m) => events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === m)?.ts;
  const t0 = stamp('COMPILED'), t1 = stamp('READY');
  const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
  console.log('run', run, 'compiled→ready', (marks.ready - marks.compiled).toFixed(1), 'trace', ((t1 - t0) / 1000).toFixed(1));
  // complete events (ph X) on the renderer main thread within [t0,t1]: self time approx by name
  const main = events.filter((e) => e.ph === 'X' && e.ts >= t0 && e.ts + (e.dur ?? 0) <= t1 + 1 && e.dur);
  const tid = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'READY').tid;
  for (const e of main.filter((e) => e.tid === tid)) agg[e.name] = (agg[e.name] ?? 0) + e.dur / 1000 / RUNS;
  if (run === RUNS - 1) for (const e of events.filter((e) => e.tid === tid && e.ts >= t0 - 2000 && e.ts <= t1 && (e.dur ?? 0) > 300).sort((a, b) => a.ts - b.ts)) console.log(((e.ts - t0) / 1000).toFixed(1).padStart(7), (e.dur / 1000).toFixed(1).padStart(6), e.name, JSON.stringify(e.args?.data ?? {}).slice(0, 100));
  await context.close();
}
for (const [k, v] of Object.entries(agg).sort((a, b) => b[1] - a[1]).slice(0, 35)) console.log(v.toFixed(2).padStart(8), k);
await browser.close(); await server.close();
