/**
 * The 200,000-row Atom export parsed where users parse it: in the built sidebar, in Debian's Chromium, against
 * the preview (run: npm run bench, after npm run build). For the CSV and the XLSX, the file is picked in the Atom
 * data panel and the time runs until the panel shows the file's kind and row count; the page's JS heap is sampled
 * meanwhile (Chrome DevTools Protocol Performance.getMetrics), so its peak beyond the heap before the pick is shown.
 * Handing the bytes to the page (Playwright's setInputFiles) is timed apart: it is the test harness, not the parse.
 */
import { performance } from 'node:perf_hooks';
import type { CDPSession } from 'playwright-core';
import { startPreview } from '../dev/preview/preview';
import { launchChromium } from '../dev/chromium';
import { csvBytes, ROWS, xlsxBytes } from './atom-export';
import { mb } from './timing';

const PANEL = '[data-panel="atomPanel"]';
const SAMPLE_MS = 50;

async function jsHeapUsed(session: CDPSession): Promise<number> {
  const { metrics } = await session.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
}

const preview = await startPreview({ port: 0 });
const browser = await launchChromium();
try {
  for (const [name, bytes] of [
    ['auditoria.csv', csvBytes()],
    ['auditoria.xlsx', xlsxBytes()],
  ] as const) {
    const page = await browser.newPage();
    await page.goto(preview.url);
    const sidebar = (await (await page.waitForSelector('iframe#sidebar')).contentFrame())!;
    await sidebar.getByRole('tab', { name: 'Atom data' }).click();
    const input = await sidebar.waitForSelector(`${PANEL} input[type="file"]`);
    const session = await page.context().newCDPSession(page);
    await session.send('Performance.enable');
    await session.send('HeapProfiler.collectGarbage');
    const heapBefore = await jsHeapUsed(session);
    let heapPeak = heapBefore;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        heapPeak = Math.max(heapPeak, await jsHeapUsed(session));
        await new Promise((r) => setTimeout(r, SAMPLE_MS));
      }
    })();

    // Timed inside the page: from the input's change event to the moment the panel shows the parsed file.
    await sidebar.evaluate(
      ({ panel, source }) => {
        const marks = window as unknown as { pickedAt?: number; shownAt?: number };
        const input = document.querySelector(`${panel} input[type="file"]`)!;
        input.addEventListener('change', () => (marks.pickedAt = performance.now()), { capture: true });
        const shown = `${panel} [data-source="${source}"] [data-kind="conversations"]`;
        new MutationObserver((_, observer) => {
          if (!document.querySelector(shown)) return;
          marks.shownAt = performance.now();
          observer.disconnect();
        }).observe(document.body, { subtree: true, childList: true, attributes: true });
      },
      { panel: PANEL, source: name },
    );
    const start = performance.now();
    await input.setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
    const handedOver = performance.now();
    const file = sidebar.locator(`${PANEL} [data-source="${name}"]`);
    await file.locator('[data-kind="conversations"]').waitFor({ timeout: 300_000 });
    sampling = false;
    const { pickedAt, shownAt } = await sidebar.evaluate(() => {
      const marks = window as unknown as { pickedAt: number; shownAt: number };
      return { pickedAt: marks.pickedAt, shownAt: marks.shownAt };
    });
    await sampler;
    const rows = Number((await file.locator('dd').nth(1).textContent())?.replace(/\D/g, ''));
    if (rows !== ROWS) throw new Error(`bench: the panel shows ${rows} rows of ${name}, not ${ROWS}`);
    console.log(
      `(f) in Chromium, the Atom data panel: ${name} (${mb(bytes.length)} MB, ${ROWS.toLocaleString('en')} rows) ` +
        `parsed and shown ${(shownAt - pickedAt).toFixed(0)} ms after the pick (handing the file to the page took ` +
        `${(handedOver - start).toFixed(0)} ms, outside that); page JS heap peak +${mb(heapPeak - heapBefore)} MB ` +
        `(sampled every ${SAMPLE_MS} ms)`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  await preview.close();
}
