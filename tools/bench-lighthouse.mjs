// Lighthouse mobile scores of www/index.html (make bench), from the `lighthouse` npm package
// driving Debian's Chromium. `make bench` installs the package on demand (--no-save): it is a
// benchmark tool, not something `make test` needs. Prints the four scores; exits 0 unless the
// audit cannot run. Usage: node tools/bench-lighthouse.mjs [--json]

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/helpers.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { default: lighthouse } = await import('lighthouse');
const chromeLauncher = await import('chrome-launcher');

const server = await startServer({ root: path.join(REPO, 'www'), port: 0 });
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM_PATH,
  chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
});
try {
  const result = await lighthouse(`${server.url}index.html`, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
  });
  const cats = result.lhr.categories;
  const scores = Object.fromEntries(Object.entries(cats).map(([k, c]) => [k, Math.round(c.score * 100)]));
  const audits = result.lhr.audits;
  const metrics = {
    fcp_ms: audits['first-contentful-paint']?.numericValue,
    lcp_ms: audits['largest-contentful-paint']?.numericValue,
    tbt_ms: audits['total-blocking-time']?.numericValue,
    cls: audits['cumulative-layout-shift']?.numericValue,
  };
  const failing = Object.values(cats)
    .flatMap((c) => c.auditRefs.map((r) => audits[r.id]))
    .filter((a) => a && a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual')
    .map((a) => a.id);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ scores, metrics, failing }, null, 2));
  } else {
    console.log('Lighthouse (mobile, simulated throttling) of www/index.html, Debian Chromium:');
    for (const [k, v] of Object.entries(scores)) console.log(`  ${k.padEnd(16)} ${String(v).padStart(3)}   (target 100)`);
    console.log(
      `  FCP ${metrics.fcp_ms?.toFixed(0)} ms, LCP ${metrics.lcp_ms?.toFixed(0)} ms, TBT ${metrics.tbt_ms?.toFixed(0)} ms, CLS ${metrics.cls?.toFixed(2)}`,
    );
    if (failing.length) console.log(`  audits below 100: ${failing.join(', ')}`);
  }
} finally {
  await chrome.kill();
  await server.close();
}
