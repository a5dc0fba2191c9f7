import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.js';
import { resultHash } from '../../playground/url-state.js';
import { chromiumPath as executablePath } from '../prerequisites.js';

// The built playground in Debian's Chromium, headless. The `browser` test project builds the playground
// first, and fails these tests, naming what to install, where Chromium is missing (`.ci/run` installs it).
const root = join(import.meta.dirname, '../..');
const artifacts = join(root, 'test-results');

describe('playground in headless Chromium', () => {
  let server: PreviewServer;
  let browser: Browser;
  let base = '';

  beforeAll(async () => {
    server = await preview({
      configFile: join(root, 'vite.config.ts'),
      preview: { port: 0, host: '127.0.0.1', strictPort: false },
      logLevel: 'silent',
    });
    base = server.resolvedUrls?.local[0] ?? '';
    browser = await chromium.launch({
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    });
    mkdirSync(artifacts, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.httpServer.close();
  });

  async function open(url: string, viewport = { width: 1440, height: 900 }): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(url);
    await settled(page);
    // Runs, seed and the result code sit under "Advanced: reproduce this answer": open, so the tests can use them.
    await page.locator('#advanced').evaluate((details) => {
      (details as HTMLDetailsElement).open = true;
    });
    return { page, problems };
  }

  /** Waits until a result is on screen and no simulation is running. */
  async function settled(page: Page, previousHash?: string): Promise<string> {
    await page.waitForFunction(
      (previous) =>
        document.body.dataset.resultHash !== undefined &&
        document.body.dataset.resultHash !== previous &&
        !document.body.classList.contains('busy'),
      previousHash,
      { timeout: 60_000 },
    );
    return (await page.evaluate(() => document.body.dataset.resultHash)) as string;
  }

  /** axe-core loaded in the page; what it returns lists its serious and critical violations, with how many elements each. */
  async function axeOn(page: Page): Promise<() => Promise<string[]>> {
    await page.addScriptTag({ content: readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8') });
    return () =>
      page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run: (context: Document) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
          }
        ).axe;
        return (await axe.run(document)).violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} × ${v.nodes.length}`);
      });
  }

  const medianRoi = (page: Page) => page.evaluate(() => Number(document.body.dataset.medianRoi));
  const hashOf = (page: Page) => page.evaluate(() => document.body.dataset.resultHash as string);
  const field = (page: Page, path: string) => page.locator(`.field[data-path="${path}"]`);
  const box = (page: Page, path: string) => page.locator(`#field-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`);
  const link = (query: Record<string, unknown>) =>
    `${base}?${Object.entries(query)
      .map(([k, v]) => `${k}=${encodeURIComponent(typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v))}`)
      .join('&')}`;
  /** Waits until every chart and cell of the result has been drawn (they follow the headline a piece at a time). */
  const chartsDrawn = (page: Page) =>
    page.waitForFunction(
      () => document.querySelectorAll('#chart-voi svg').length > 0 && (document.getElementById('desc-roi-fan')?.textContent ?? '') !== '',
      undefined,
      { timeout: 60_000 },
    );

  it('loads the default scenario with no console errors: the answer beside the assumptions, every chart drawn and described', async () => {
    const { page, problems } = await open(base);
    await chartsDrawn(page);
    expect(problems).toEqual([]);
    for (const id of [
      'roi-fan',
      'customers',
      'revenue',
      'nps',
      'roi-histogram',
      'outcome-split',
      'payback',
      'levers',
      'drivers',
      'sensitivity',
      'voi',
    ]) {
      const marks = await page.locator(`#chart-${id} svg *`).count();
      expect(marks, `marks in ${id}`).toBeGreaterThan(5);
      expect((await page.locator(`#desc-${id}`).textContent())?.length ?? 0, `text alternative of ${id}`).toBeGreaterThan(30);
    }
    // On a wide screen the answer and the ROI chart are on the first screen, beside the assumptions.
    const panel = await page.locator('#panel').boundingBox();
    const chart = await page.locator('#chart-roi-fan').boundingBox();
    const cards = await page.locator('#headline').boundingBox();
    expect(panel && chart && cards).toBeTruthy();
    if (!panel || !chart || !cards) return;
    expect(chart.x).toBeGreaterThan(panel.x + panel.width - 1);
    expect(cards.y).toBeLessThan(450);
    expect(chart.y).toBeLessThan(900);
    // Scrolling the assumptions to their end leaves the answer where it was.
    await page.locator('#panel').evaluate((e) => e.scrollTo(0, e.scrollHeight));
    expect((await page.locator('#headline').boundingBox())?.y).toBe(cards.y);
    const updateMs = await page.evaluate(() => Number(document.body.dataset.updateMs));
    console.log(`playground: 2,000-run update took ${updateMs} ms in headless Chromium`);
    await page.screenshot({ path: join(artifacts, 'playground-1440.png') });
    await page.close();
  });

  it('tells the answer straight: mean and median ROI, the chances, payback over all runs, the two outcomes, and the ± as simulation error', async () => {
    const { page } = await open(base);
    const text = (id: string) => page.locator(`#headline [data-figure="${id}"]`).textContent();
    const note = (id: string) => page.locator(`#headline-notes-list [data-figure="${id}"]`).textContent();
    expect(await text('roi')).toMatch(/^ROI after 5 years[+−]\d+%the middle run; the average is [+−]\d+%$/);
    expect(await note('roi')).toMatch(
      /Mean [+−]\d+%: a few very good runs pull the mean above the median\. 90% of runs land between −\d+% and \+\d+%/,
    );
    expect(await text('probability-positive')).toMatch(/^Chance it pays for itself\d+%± \d\.\d% simulation error$/);
    expect(await note('probability-positive')).toContain(
      'is simulation error only (more runs make it smaller), not the uncertainty about the future',
    );
    expect(await text('paid-back')).toMatch(/^Paid back within 3 years\d+%\d+% within 5 years$/);
    expect(await text('median-payback')).toMatch(/^Median payback \(all runs\)(month \d+|not within 5 years)\d+% never within 5 years$/);
    expect(await note('median-payback')).toContain('counting those that never pay back');
    expect(await text('outcomes')).toMatch(
      /^Carried out \/ missed\+\d+% \/ [+−]\d+%median ROI; carried out in \d+% of runs, missed in \d+%$/,
    );
    expect(await page.locator('#headline-spread').textContent()).toMatch(
      /^90% of runs end between −\d+% and \+\d+% ROI: that spread is the uncertainty about the future\. The ± figures are simulation error only/,
    );
    expect(await page.locator('#headline-sentence').textContent()).toMatch(
      /^Over 5 years the programme returns [+−]\d+% at the median \(mean [+−]\d+%\)/,
    );
    await page.close();
  });

  it('gives the same numbers, bit for bit, as simulate in Node, from the documented link format and from old links', async () => {
    const input = { churn: { switchAfterBad: 0.7 } };
    const inNode = resultHash(simulate(input, { runs: 1000, seed: 42, keepRuns: true }));
    const { page } = await open(link({ scenario: input, seed: 42, runs: 1000 }));
    expect(await hashOf(page)).toBe(inNode);
    // Chances are shown in percent; the scenario keeps the fraction.
    expect(await box(page, 'churn.switchAfterBad').inputValue()).toBe('70');
    const { page: old } = await open(`${base}#runs=1000&seed=42&scenario=${encodeURIComponent(JSON.stringify(input))}`);
    expect(await hashOf(old)).toBe(inNode);
    await old.close();
    await page.close();
  });

  it('shows a first answer from the first 500 runs, marked as a preview, then the full answer in its place', async () => {
    const { page, problems } = await open(link({ seed: 1, runs: 2000 }));
    const before = await hashOf(page);
    // Watch for the preview: what the page says while it is on screen.
    await page.evaluate(() => {
      const w = window as unknown as {
        seen?: { preview: string; median: string; status: string; dashed: boolean; hash: string | undefined };
      };
      new MutationObserver((_, observer) => {
        if (document.body.dataset.preview === undefined || w.seen) return;
        w.seen = {
          preview: document.body.dataset.preview,
          median: document.body.dataset.previewMedianRoi ?? '',
          status: document.getElementById('status')?.textContent ?? '',
          dashed: getComputedStyle(document.querySelector('#headline .card') as Element).borderStyle === 'dashed',
          hash: document.body.dataset.resultHash,
        };
        observer.disconnect();
      }).observe(document.body, { attributes: true, attributeFilter: ['data-preview'] });
    });
    await page.locator('#seed').fill('9');
    await page.locator('#seed').dispatchEvent('change');
    await settled(page, before);
    const seen = await page.evaluate(() => (window as unknown as { seen?: Record<string, unknown> }).seen);
    expect(seen).toEqual({
      preview: '500 of 2000',
      median: String(simulate({}, { runs: 500, seed: 9 }).horizon.roi.p50),
      status: 'Preview from the first 500 of 2,000 runs; the full answer follows…',
      dashed: true,
      // The hash (and the link) stay those of the last full answer while the preview shows.
      hash: before,
    });
    expect(
      await page.evaluate(() => [document.body.dataset.preview, document.querySelector('main')?.classList.contains('preview-result')]),
    ).toEqual([undefined, false]);
    expect(await medianRoi(page)).toBe(simulate({}, { runs: 2000, seed: 9 }).horizon.roi.p50);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('never shows stale numbers as current: a pending or invalid state is marked as the previous answer, and the link and Copy link reproduce the hash on screen', async () => {
    const { page } = await open(base);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const hash = await hashOf(page);
    const url = page.url();
    const switching = box(page, 'churn.switchAfterBad');
    // "1.5" typed slowly passes through "1" (valid) then "1." and "1.5": 150% is not a chance.
    await switching.fill('');
    await switching.pressSequentially('150', { delay: 30 });
    await expect
      .poll(() => field(page, 'churn.switchAfterBad').locator('.error').textContent())
      .toContain('must be a percentage from 0% to 100%');
    await expect.poll(() => page.locator('#main').getAttribute('class')).toContain('stale-result');
    expect(await page.locator('#status').textContent()).toBe('Not simulated: a field has a value the model cannot take.');
    // The address and the copied link still describe the result on screen.
    await page.click('#copy-link');
    const copied = (await page.evaluate(() => document.body.dataset.copiedLink)) as string;
    const shown = await hashOf(page);
    expect(page.url()).not.toContain('switchAfterBad');
    const { page: other } = await open(copied);
    expect(await hashOf(other)).toBe(shown);
    await other.close();
    // A valid value lifts the dimming once its result is in.
    await switching.fill('50');
    await switching.press('Tab');
    const after = await settled(page, hash);
    expect(after).not.toBe(hash);
    expect(await page.locator('#main').getAttribute('class')).not.toContain('stale-result');
    await expect.poll(() => decodeURIComponent(page.url())).toContain('"switchAfterBad":0.5');
    expect(page.url()).not.toBe(url);
    await page.close();
  });

  it('says of every answer on screen whether it is current, a preview or the previous answer, and axe finds nothing serious in any state', {
    timeout: 180_000,
  }, async () => {
    const { page, problems } = await open(link({ runs: 2000, seed: 1 }));
    await chartsDrawn(page);
    const serious = await axeOn(page);
    // What the page says of its answers: every region that shows one, marked or not, and the visible tags.
    const marks = () =>
      page.evaluate(() => {
        const regions = [...document.querySelectorAll<HTMLElement>('[data-answer]')];
        return {
          previous: regions.filter((r) => r.dataset.stale === 'previous').map((r) => r.id || r.getAttribute('aria-labelledby')),
          current: regions.filter((r) => r.dataset.stale !== 'previous').map((r) => r.id || r.getAttribute('aria-labelledby')),
          tags: [...document.querySelectorAll<HTMLElement>('.stale-tag')].filter((t) => !t.hidden).map((t) => t.textContent),
        };
      });
    const all = (await marks()).current;
    expect(all.length).toBeGreaterThanOrEqual(20);
    const headlineRegions = ['answer-bar-figures', 'headline-sentence', 'headline', 'headline-spread', 'headline-notes-list'];
    const rest = all.filter((id) => !headlineRegions.includes(id as string));
    // Resting: everything current, no tag.
    expect(await marks()).toEqual({ previous: [], current: all, tags: [] });
    expect(await serious()).toEqual([]);

    // Pending (the moment a committed change is scheduled): every region is the previous answer, said once in the
    // answer's cell and once in each other cell.
    const resting = await hashOf(page);
    const pending = await page.evaluate(() => {
      const seed = document.getElementById('seed') as HTMLInputElement;
      seed.value = '2';
      seed.dispatchEvent(new Event('change'));
      const tag = document.getElementById('answer-tag') as HTMLElement;
      return {
        tag: tag.hidden ? null : tag.textContent,
        previous: document.querySelectorAll('[data-answer][data-stale="previous"]').length,
        html: document.documentElement.outerHTML,
      };
    });
    expect({ tag: pending.tag, previous: pending.previous }).toEqual({
      tag: 'Previous answer, for the inputs before your change: your change is being simulated.',
      previous: all.length,
    });
    // The pending state lasts a task, too short for axe: axe reads a copy of the page taken at that moment, with its
    // style sheet and without its scripts.
    const frozen = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // Served from the page's own origin, so its style sheet loads as the page's does.
    const copy = pending.html.replace(/<script[\s\S]*?<\/script>/g, '');
    await frozen.route('**/pending-copy.html', (route) => route.fulfill({ body: copy, contentType: 'text/html' }));
    await frozen.goto(new URL('pending-copy.html', base).href);
    expect(await frozen.locator('#answer-tag').textContent()).toBe(pending.tag);
    // Styled as the page is (the copy's style sheet loaded): a previous answer is outlined.
    expect(await frozen.locator('#cell-headline').evaluate((e) => getComputedStyle(e).outlineStyle)).toBe('dashed');
    expect(await (await axeOn(frozen))()).toEqual([]);
    await frozen.close();
    let hash = await settled(page, resting);
    await chartsDrawn(page);

    // Invalid: the same marks, with what to do.
    await box(page, 'churn.switchAfterBad').fill('150');
    await box(page, 'churn.switchAfterBad').press('Tab');
    await expect.poll(async () => (await marks()).previous.length).toBe(all.length);
    const invalid = await marks();
    const inHeadlineCell = ['robustness-sentence', 'business-line', 'chart-roi-fan'];
    expect(invalid.tags).toEqual([
      'Previous answer:', // the phone's bar (hidden on a desktop)
      'Previous answer, for the inputs before your change: fix the highlighted field to simulate again.',
      ...rest
        .filter((id) => !inHeadlineCell.includes(id as string))
        .map(() => 'Previous answer, for the inputs before your change: fix the highlighted field to simulate again.'),
    ]);
    expect(await serious()).toEqual([]);
    await box(page, 'churn.switchAfterBad').fill('86');
    await box(page, 'churn.switchAfterBad').press('Tab');
    await expect.poll(async () => (await marks()).previous).toEqual([]);

    // Preview (100,000 runs: the preview stays while axe reads the page): the headline is the labelled preview,
    // everything else the previous answer, the business line and the ROI chart included.
    await page.fill('#runs', '100000');
    await page.press('#runs', 'Tab');
    await page.waitForFunction(() => document.body.dataset.preview !== undefined, undefined, { timeout: 60_000 });
    const preview = await marks();
    expect(preview.current.sort()).toEqual([...headlineRegions].sort());
    expect(preview.previous).toEqual(expect.arrayContaining(['business-line', 'chart-roi-fan', 'robustness-sentence', 'cell-business']));
    expect(preview.tags[0]).toBe('Preview:');
    expect(preview.tags[1]).toBe('Preview from the first 500 of 100,000 runs, for your change: the full answer follows.');
    expect(
      preview.tags
        .slice(2)
        .every((t) => t === 'Previous answer: the preview above is for your change; this part follows with the full answer.'),
    ).toBe(true);
    const previewSerious = await serious();
    expect(await page.evaluate(() => document.body.dataset.preview)).toBe('500 of 100000'); // axe read the preview state
    expect(previewSerious).toEqual([]);
    hash = await settled(page, hash);
    expect((await marks()).tags).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('with every cell open (every details, A pinned and compared, a break-even found, the figures swung), axe finds nothing serious at rest, invalid or in a preview', {
    timeout: 240_000,
  }, async () => {
    const { page, problems } = await open(link({ runs: 2000, seed: 1 }));
    await chartsDrawn(page);
    await page.click('#pin');
    await page.locator('#compare-paired[data-state="done"]').waitFor({ timeout: 120_000 });
    await page.click('#be-find');
    await expect.poll(() => page.locator('#be-answer').getAttribute('data-status'), { timeout: 120_000 }).toBe('crossed');
    await page.click('#swing-figures');
    await page.locator('#chart-swings svg').waitFor({ timeout: 120_000 });
    const openEverything = () =>
      page.evaluate(() => {
        for (const details of document.querySelectorAll('details')) details.open = true;
        return document.querySelectorAll('details:not([open])').length;
      });
    expect(await openEverything()).toBe(0);
    expect(await page.locator('details').count()).toBeGreaterThanOrEqual(10);
    const serious = await axeOn(page);
    expect(await serious()).toEqual([]);

    // Invalid, everything open: the previous answer marked everywhere, the break-even search for the earlier scenario too.
    await box(page, 'churn.switchAfterBad').fill('150');
    await box(page, 'churn.switchAfterBad').press('Tab');
    await expect.poll(() => page.locator('#answer-tag').textContent()).toContain('fix the highlighted field');
    expect(await openEverything()).toBe(0);
    expect(await serious()).toEqual([]);

    // A preview, everything open (100,000 runs: the preview stays while axe reads the page).
    await box(page, 'churn.switchAfterBad').fill('80');
    await box(page, 'churn.switchAfterBad').press('Tab');
    const hash = await settled(page, await hashOf(page));
    await page.fill('#runs', '100000');
    await page.press('#runs', 'Tab');
    await page.waitForFunction(() => document.body.dataset.preview !== undefined, undefined, { timeout: 60_000 });
    expect(await openEverything()).toBe(0);
    const previewSerious = await serious();
    expect(await page.evaluate(() => document.body.dataset.preview)).toBe('500 of 100000'); // axe read the preview state
    expect(previewSerious).toEqual([]);
    await settled(page, hash);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the words under an uncertain field follow it, and focus stays on the control that switched it', async () => {
    // The fields' words, not the answer: 500 runs show them as the default 2,000 do, sooner.
    const { page } = await open(link({ runs: 500, seed: 1 }));
    // Sliders span a range fit for the value: 0.6% a month reaches 3%, not 100%.
    expect(await field(page, 'journey.touchpointFailure.delivery').locator('input[type="range"]').getAttribute('max')).toBe('3');
    expect(await field(page, 'churn.switchAfterBad').locator('input[type="range"]').getAttribute('max')).toBe('100');
    // Money is named by the page's currency once one is chosen.
    expect(await field(page, 'investment.upfront').locator('.unit').textContent()).toBe('amount');
    await page.selectOption('#currency', '€');
    expect(await field(page, 'investment.monthly').locator('.unit').textContent()).toBe('€ per month');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('currency');
    const mode = page.locator('#field-churn-switchAfterBad-mode');
    await mode.focus();
    await mode.selectOption('uncertain');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-churn-switchAfterBad-mode');
    const words = field(page, 'churn.switchAfterBad').locator('.value-text');
    expect(await words.textContent()).toMatch(/Drawn once per run: PERT: low 64\.5%, likely 86%, high 100%/);
    await box(page, 'churn.switchAfterBad').fill('70');
    expect(await words.textContent()).toMatch(/low 70%, likely 86%/);
    await page.close();
  });

  it('compares named scenarios A and B with a difference column, and the link keeps both', async () => {
    const { page } = await open(link({ runs: 1000, seed: 3 }));
    await page.fill('#name-a', 'Cautious');
    await page.press('#name-a', 'Tab');
    await page.click('#pin');
    const hash = await hashOf(page);
    await page.fill('#name-b', 'Bold');
    await page.press('#name-b', 'Tab');
    await box(page, 'investment.upfront').fill('250000');
    await box(page, 'investment.upfront').press('Tab');
    await settled(page, hash);
    const headers = await page.locator('#compare-table th').allTextContents();
    expect(headers.slice(0, 4)).toEqual([
      'Figure',
      expect.stringMatching(/^A: Cautious \(/),
      expect.stringMatching(/^B: Bold \(/),
      'B − A',
    ]);
    expect(await page.locator('#compare-table tr', { hasText: 'Median NPV' }).locator('td').last().textContent()).toMatch(
      /^−\u2060[\d,]+$/,
    );
    // What B assumes differently, in words: the one assumption changed, and nothing the business solves.
    expect(await page.locator('#compare-differs').textContent()).toBe(
      'What Bold assumes differently from Cautious: Up-front cost: 110,000 → 250,000.',
    );
    // The charts name them too.
    await expect.poll(() => page.locator('#chart-roi-fan').textContent(), { timeout: 60_000 }).toContain('the pinned result A (Cautious)');
    expect(await page.locator('#chart-roi-fan').textContent()).toContain('the current result B (Bold)');
    const shared = page.url();
    expect(shared).toContain('aName=Cautious');
    expect(shared).toContain('bName=Bold');
    expect(shared).toMatch(/[?&]a=/);
    const { page: other } = await open(shared);
    await expect.poll(() => other.locator('#compare-table th').allTextContents(), { timeout: 60_000 }).toContain('B − A');
    expect((await other.locator('#compare-table th').allTextContents()).join(' ')).toContain('A: Cautious');
    await other.close();
    await page.close();
  });

  it('fixes the reported bugs: touchpoints, seeds, exports, undo', async () => {
    const { page, problems } = await open(link({ runs: 500, seed: 1 }));
    // A touchpoint with an existing name is refused, not overwritten.
    await page.fill('.add-touchpoint input', 'delivery');
    await page.click('.add-touchpoint button');
    expect(await page.locator('.add-touchpoint .error').textContent()).toContain('already a touchpoint called “delivery”');
    // Scaled with the others to the business's 1.5% a month, shown to three digits.
    expect(await box(page, 'journey.touchpointFailure.delivery').inputValue()).toBe('0.603');
    // A journey given as a list keeps its values when one is edited, and names its touchpoints by place.
    // (The raw model: a held business's rate would scale the list, and its shape alone moves nothing in a whole-journey programme.)
    const { page: list } = await open(
      link({ runs: 500, seed: 1, scenario: { business: null, journey: { touchpointFailure: [0.01, 0.02] } } }),
    );
    expect(await field(list, 'journey.touchpointFailure.1').locator('.label').textContent()).toBe('“touchpoint 2” fails');
    let hash = await hashOf(list);
    await box(list, 'journey.touchpointFailure.1').fill('3');
    await box(list, 'journey.touchpointFailure.1').press('Tab');
    hash = await settled(list, hash);
    expect(decodeURIComponent(list.url())).toContain('"touchpointFailure":[0.01,0.03]');
    // Adding a touchpoint to a one-number journey keeps the number.
    const { page: one } = await open(link({ runs: 500, seed: 1, scenario: { business: null, journey: { touchpointFailure: 0.01 } } }));
    hash = await hashOf(one);
    await one.fill('.add-touchpoint input', 'returns');
    await one.click('.add-touchpoint button');
    await settled(one, hash);
    expect(decodeURIComponent(one.url())).toMatch(/"whole-journey":0\.01.*"returns":0\.002/);
    await one.fill('.add-touchpoint input', 'after sales');
    await one.click('.add-touchpoint button');
    expect(await one.locator('.add-touchpoint .error').textContent()).toContain(
      'starts with a letter and has only letters, digits, - or _',
    );
    await one.close();
    await list.close();
    // A seed too long for the page, from a link, is named next to the seed: the page does not stay on "Simulating…".
    for (const seed of ['9'.repeat(400), 'x'.repeat(201)]) {
      const linked = await browser.newPage();
      await linked.goto(link({ runs: 500, seed }));
      await expect
        .poll(() => linked.locator('#runs-error').textContent())
        .toContain('Seed: a whole number, or text of 1 to 200 characters');
      expect(await linked.locator('#status').textContent()).not.toContain('Simulating');
      await linked.close();
    }
    // Typed, the seed box takes at most 200 characters; a whole number too long to hold exactly is a text seed.
    hash = await hashOf(page);
    await page.fill('#seed', '9'.repeat(30));
    await page.press('#seed', 'Tab');
    const longSeed = await settled(page, hash);
    expect(page.url()).toContain(`seed=${'9'.repeat(30)}`);
    // Exporting an invalid scenario says why on the page.
    await box(page, 'churn.switchAfterBad').fill('abc');
    await page.click('#export-scenario');
    expect(await page.locator('#export-error').textContent()).toMatch(/cannot be exported while it has an error: .*type a number/);
    await box(page, 'churn.switchAfterBad').fill('86');
    await box(page, 'churn.switchAfterBad').press('Tab');
    await expect.poll(() => page.locator('#main').getAttribute('class')).not.toContain('stale-result');
    // Undo goes back to the result before the last change.
    await page.fill('#seed', '5');
    await page.press('#seed', 'Tab');
    await settled(page, longSeed);
    await page.focus('#undo');
    await page.keyboard.press('Enter');
    await expect.poll(() => hashOf(page), { timeout: 60_000 }).toBe(longSeed);
    // Focus stays on a control when a history button becomes disabled (here Redo has history now).
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
    expect(await page.locator('#seed').inputValue()).toBe('9'.repeat(30));
    expect(problems).toEqual([]);
    await page.close();
  });

  it('makes the business yours, asks the maturity questions and adds a stage gate, each changing the scenario and the answer', async () => {
    const { page, problems } = await open(link({ runs: 1000, seed: 2 }));
    // Calibration: the figures a company knows become a scenario whose baseline reproduces them.
    let hash = await hashOf(page);
    // The form starts from the business the scenario holds (the default's: 180 new a month, NPS 20).
    expect(await page.locator('#cal-new').inputValue()).toBe('180');
    expect(await page.locator('#cal-nps').inputValue()).toBe('20');
    // Figures as a company writes them: an entry with two readings is refused naming the box, not guessed.
    await page.fill('#cal-customers', '50.000');
    await page.click('#calibrate-form button[type="submit"]');
    expect(await page.locator('#calibrate-error').textContent()).toBe('Customers: “50.000” could be 50 or 50,000; type the one you mean.');
    await page.fill('#cal-customers', '50k');
    await page.fill('#cal-retention', '85');
    await page.fill('#cal-revenue', '40');
    // Blank new customers: as many join as leave; no NPS.
    await page.fill('#cal-new', '');
    await page.fill('#cal-nps', '');
    // With its bad-experience rate, the business stays reconcilable when channels add failures below (the touchpoints make up the rest).
    await page.fill('#cal-bad', '1.5');
    await page.click('#calibrate-form button[type="submit"]');
    hash = await settled(page, hash);
    expect(await page.locator('#calibrate-message').textContent()).toContain(
      'Calibrated: the scenario now holds 50,000 customers keeping 85.0% a year',
    );
    expect(await page.locator('#kpis tr', { hasText: 'Annual retention' }).locator('td').first().textContent()).toBe('85.0%');
    // The link carries the business itself, not the parameters solved from it.
    expect(decodeURIComponent(page.url())).toContain('"business":{"customers":50000,"annualRetention":0.85');
    expect(decodeURIComponent(page.url())).not.toContain('"base"');
    // The solved fields say so, and stay solved: changing a CX figure keeps the business.
    expect(await field(page, 'churn.base').textContent()).toMatch(/Solved from the business in every run/);
    // Undone, the message goes and the form shows the business the scenario holds again; redone, both come back.
    await page.click('#undo');
    hash = await settled(page, hash);
    expect(await page.locator('#calibrate-message').textContent()).toBe('');
    expect(await page.locator('#cal-customers').inputValue()).toBe('10,000');
    await page.click('#redo');
    hash = await settled(page, hash);
    expect(await page.locator('#cal-customers').inputValue()).toBe('50,000');
    // A contradiction is named, not swallowed.
    await page.fill('#cal-retention', '0');
    await page.click('#calibrate-form button[type="submit"]');
    expect(await page.locator('#calibrate-error').textContent()).toMatch(/^These figures cannot be matched: Customers kept a year: /);
    // Maturity: all "yes" raises the chance of carrying it out, and the answer follows.
    for (const select of await page.locator('#maturity-form select').all()) await select.selectOption('yes');
    expect(await page.locator('#maturity-outcome').textContent()).toMatch(/between 5\d% and 6\d%/);
    const before = await medianRoi(page);
    await page.click('#maturity-form button[type="submit"]');
    hash = await settled(page, hash);
    expect(decodeURIComponent(page.url())).toContain('"maturity":{');
    expect(await field(page, 'investment.executionSuccess').textContent()).toMatch(
      /Set by the maturity answers .*uniform from 5\d% to 6\d%/,
    );
    expect(await medianRoi(page)).toBeGreaterThan(before);
    // Channels: a budget's effect before applying, then the scenario takes the channels and the budget.
    await page.check('#channels-on');
    await page.fill('#channel-budget-web', '50000');
    expect(await page.locator('#channels-form tr', { hasText: 'web' }).locator('td').last().textContent()).toBe('70%, connected');
    await page.fill('#channel-budget-post', '5000');
    expect(await page.locator('#channels-form tr', { hasText: 'post' }).locator('td').last().textContent()).toBe('below set-up: none');
    await page.click('#channels-form button[type="submit"]');
    hash = await settled(page, hash);
    expect(decodeURIComponent(page.url())).toMatch(
      /"channels":\{"budget":\{"web":50000,"post":5000\},"setupCost":15000,"halfEffectSpend":20000\}/,
    );
    // A stage gate: how often it stops, and what that does to the NPV, with its simulation error.
    await page.check('#gate-on');
    await page.click('#gate-form button[type="submit"]');
    await settled(page, hash);
    expect(await page.locator('#gate-words').textContent()).toMatch(
      /^At month 18 the programme is stopped in \d+\.\d% of runs \(± \d\.\d% simulation error\)/,
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps what the user typed, and says what a link got wrong where the answer is read', async () => {
    const { page } = await open(link({ runs: 500, seed: 1 }));
    // Fixed → uncertain starts from the value typed, not the default.
    const hash = await hashOf(page);
    await box(page, 'investment.upfront').fill('300000');
    await box(page, 'investment.upfront').press('Tab');
    await settled(page, hash);
    await page.locator('#field-investment-upfront-mode').selectOption('uncertain');
    expect(await field(page, 'investment.upfront').locator('.value-text').textContent()).toContain('likely 300,000');
    await page.locator('#field-investment-upfront-mode').selectOption('fixed');
    expect(await box(page, 'investment.upfront').inputValue()).toBe('300,000');
    await page.close();
    // A link cut short: said, and the defaults shown as such.
    const { page: cut } = await open(`${base}?runs=500&seed=1&scenario=%7Bbad`);
    expect(await cut.locator('#banner').textContent()).toContain(
      'The link’s scenario could not be read (was the link cut short?): the page shows the default scenario instead.',
    );
    await cut.close();
    // A link with a bad value: no answer, and why, in the answer cell (on a phone too).
    const bad = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await bad.goto(link({ runs: 500, seed: 1, scenario: { investment: { upfront: -5 } } }));
    await expect
      .poll(() => bad.locator('#headline-sentence').textContent())
      .toMatch(/^No answer yet: Up-front cost: must be .*Fix it under Assumptions\.$/);
    expect(await bad.locator('#headline-sentence').isVisible()).toBe(true);
    await bad.close();
  });

  it('keeps in the address a link’s scenario A it cannot pin, and says why in the Compare cell', { timeout: 120_000 }, async () => {
    const invalid = { churn: { base: 7 } };
    const { page, problems } = await open(link({ runs: 500, seed: 1, a: invalid, aName: 'Cautious' }));
    const linked = (p: Page, key: string) => new URL(p.url()).searchParams.get(key);
    expect(linked(page, 'a')).toBe(JSON.stringify(invalid));
    expect(linked(page, 'aName')).toBe('Cautious');
    const message = page.locator('#compare-error');
    expect(await message.getAttribute('role')).toBe('status');
    // The words load when they are needed.
    await expect
      .poll(() => message.textContent())
      .toBe(
        'Scenario A (“Cautious”) in the link could not be pinned: Leaving after a good experience (700% in the link): must be a percentage from 0% to 100%. The link keeps it as it was: “Pin current result as A” replaces it, “Clear A” drops it.',
      );
    expect(await message.isVisible()).toBe(true);
    expect(await page.locator('#banner').textContent()).toContain('Scenario A in the link could not be pinned: see Compare, below.');
    // Changing B does not replace A: the link keeps it, and the message stays.
    const hash = await hashOf(page);
    await box(page, 'investment.upfront').fill('250000');
    await box(page, 'investment.upfront').press('Tab');
    await settled(page, hash);
    expect(linked(page, 'scenario')).toBe('{"investment":{"upfront":250000}}');
    expect([linked(page, 'a'), linked(page, 'aName')]).toEqual([JSON.stringify(invalid), 'Cautious']);
    expect(await message.textContent()).toContain('could not be pinned');
    // Clearing A drops it from the link, and the message with it.
    await page.click('#clear-pin');
    // The address as the browser reports it to the test follows the page's replaceState a moment later: polled.
    await expect.poll(() => [linked(page, 'a'), linked(page, 'aName')]).toEqual([null, null]);
    expect(await message.textContent()).toBe('');
    expect(await page.locator('#clear-pin').isHidden()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
    // A link cut short in A, on a phone: said, kept, and replaced by the result pinned in its place.
    const { page: cut, problems: cutProblems } = await open(`${base}?runs=500&seed=1&a=%7B%22churn&aName=Cautious`, {
      width: 390,
      height: 844,
    });
    expect([linked(cut, 'a'), linked(cut, 'aName')]).toEqual(['{"churn', 'Cautious']);
    await expect
      .poll(() => cut.locator('#compare-error').textContent())
      .toMatch(/^Scenario A \(“Cautious”\) in the link could not be pinned: it could not be read \(was the link cut short\?\)\./);
    expect(await cut.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await cut.click('#pin');
    await expect.poll(() => [linked(cut, 'a'), linked(cut, 'aName')]).toEqual(['{}', 'Cautious']);
    expect(await cut.locator('#compare-error').textContent()).toBe('');
    expect(cutProblems).toEqual([]);
    await cut.close();
    // Runs the page does not allow: A waits for them, and is pinned with the first result.
    const waiting = await browser.newPage();
    await waiting.goto(link({ runs: 5, seed: 1, a: { churn: { switchAfterBad: 0.5 } } }));
    await expect
      .poll(() => waiting.locator('#compare-error').textContent())
      .toBe(
        'Scenario A in the link could not be pinned yet: Runs: a whole number from 100 to 100,000. It is pinned as soon as the runs and seed are valid.',
      );
    expect(linked(waiting, 'a')).toBe('{"churn":{"switchAfterBad":0.5}}');
    await waiting.fill('#runs', '500');
    await waiting.locator('#runs').dispatchEvent('change');
    await expect.poll(() => waiting.locator('#compare-table th').allTextContents(), { timeout: 60_000 }).toContain('B − A');
    expect(await waiting.locator('#compare-error').textContent()).toBe('');
    expect(await waiting.locator('#banner').isHidden()).toBe(true);
    await waiting.close();
  });

  it('keeps in the address a link’s scenario it cannot read, until an assumption changes', async () => {
    const { page, problems } = await open(`${base}?runs=500&seed=1&scenario=%7Bbad`);
    const linked = (key: string) => new URL(page.url()).searchParams.get(key);
    expect(linked('scenario')).toBe('{bad');
    expect(await page.locator('#banner').textContent()).toContain('The address keeps it until you change an assumption.');
    // A new seed does not replace the scenario; a changed assumption does.
    let hash = await hashOf(page);
    await page.fill('#seed', '2');
    await page.locator('#seed').dispatchEvent('change');
    hash = await settled(page, hash);
    expect([linked('seed'), linked('scenario')]).toEqual(['2', '{bad']);
    await box(page, 'investment.upfront').fill('250000');
    await box(page, 'investment.upfront').press('Tab');
    await settled(page, hash);
    expect(linked('scenario')).toBe('{"investment":{"upfront":250000}}');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('past 20,000 runs, reads the run-by-run cells from the first 5,000 runs and says so', { timeout: 120_000 }, async () => {
    const { page, problems } = await open(link({ runs: 20_100, seed: 1 }));
    await chartsDrawn(page);
    expect(await page.locator('#chart-roi-histogram').textContent()).toContain('The first 5,000 of 20,100 runs.');
    expect(await page.locator('#headline-notes-list [data-figure="outcomes"]').textContent()).toContain('Read from the first 5,000 runs.');
    expect(await page.locator('#chart-sensitivity').textContent()).toContain('From the first 5,000 of the 20,100 runs.');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('on a phone: a sticky answer bar, the assumptions one tap away, and the answer follows a change', async () => {
    const { page, problems } = await open(base, { width: 390, height: 844 });
    const bar = page.locator('#answer-bar');
    expect(await bar.isVisible()).toBe(true);
    expect(await bar.textContent()).toMatch(/ROI [+−]\d+%/);
    await page.mouse.wheel(0, 3000);
    expect((await bar.boundingBox())?.y).toBe(0);
    await page.click('#toggle-panel');
    expect(await page.locator('#panel').isVisible()).toBe(true);
    // The page behind the sheet takes no focus; Escape closes the sheet and returns to its button.
    expect(await page.evaluate(() => (document.getElementById('main') as HTMLElement & { inert: boolean }).inert)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.locator('#panel').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('toggle-panel');
    // "Skip to the assumptions" opens the sheet on a phone.
    await page.evaluate(() => (document.querySelector('a.skip-link[href="#panel"]') as HTMLElement).click());
    expect(await page.locator('#panel').isVisible()).toBe(true);
    const hash = await hashOf(page);
    const before = await bar.textContent();
    await box(page, 'investment.upfront').fill('20000');
    await box(page, 'investment.upfront').press('Tab');
    await settled(page, hash);
    expect(await bar.textContent()).not.toBe(before);
    // Nothing is wider than the screen, and axe finds nothing serious on a phone either.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.addScriptTag({ content: readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8') });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: { id: string; impact: string }[] }> } })
        .axe;
      return (await axe.run(document)).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await page.screenshot({ path: join(artifacts, 'playground-390.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('ships a main script of at most 100 KB gzip (with the chunks it imports), and a simulation worker without zod', () => {
    const html = readFileSync(join(root, 'playground/dist/index.html'), 'utf8');
    const main = /<script type="module"[^>]*src="\/?([^"]+)"/.exec(html)?.[1] ?? '';
    expect(main).toMatch(/^assets\/index-.*\.js$/);
    // The main script and every chunk it imports statically (a chunk shared with a lazy one loads at once too).
    const loaded = new Set<string>();
    const visit = (file: string) => {
      if (loaded.has(file)) return;
      loaded.add(file);
      const code = readFileSync(join(root, 'playground/dist', file), 'utf8');
      for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[^"'()]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) visit(`assets/${m[1]}`);
    };
    visit(main);
    const size = [...loaded].reduce(
      (sum, file) => sum + gzipSync(readFileSync(join(root, 'playground/dist', file)), { level: 9 }).length,
      0,
    );
    console.log(
      `playground: main script ${(size / 1024).toFixed(1)} KB gzip (${[...loaded].map((f) => f.replace('assets/', '')).join(', ')})`,
    );
    // About 84 KB since the horizon statistics stopped bundling mathjs's typed-function machinery (21.7 KB).
    expect(size).toBeLessThanOrEqual(100 * 1024);
    const assets = readdirSync(join(root, 'playground/dist/assets'));
    const worker = assets.find((f) => /^worker-.*\.js$/.test(f)) ?? '';
    expect(readFileSync(join(root, 'playground/dist/assets', worker), 'utf8')).not.toMatch(/ZodError|\$ZodType/);
  });

  it('passes axe-core with no serious or critical violation, has landmarks and a skip link, and targets of at least 24 px', async () => {
    const { page } = await open(base);
    await chartsDrawn(page);
    await page.addScriptTag({ content: readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8') });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              context: Document,
              options: unknown,
            ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
          };
        }
      ).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    });
    const grave = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(grave).toEqual([]);
    expect(await page.locator('main').count()).toBe(1);
    expect(await page.locator('a.skip-link[href="#main"]').count()).toBe(1);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('button, input:not([type="hidden"]), select, summary, a[href]')]
        .filter((e) => e.tabIndex >= 0 && e.offsetParent !== null && !e.classList.contains('skip-link'))
        .filter((e) => e.getBoundingClientRect().height < 24)
        .map((e) => e.id || e.getAttribute('aria-label') || e.textContent),
    );
    expect(small).toEqual([]);
    await page.close();
  });

  it('the decision cells follow the first result: sensitivity over the years, the value of information, and B − A exactly 0 against itself', async () => {
    const { page, problems } = await open(base);
    await chartsDrawn(page);
    const legend = await page.locator('#chart-sensitivity').textContent();
    expect(legend).toContain('Carried out as planned');
    expect(legend).toContain('Failure reduction');
    expect(await page.locator('#sensitivity-month').inputValue()).toBe('60');
    expect(await page.locator('#sensitivity-table tbody tr').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('#sensitivity-table').textContent()).toMatch(/Carried out as planned0\.\d\d\d+\.\d%\+[\d,]+/);
    expect(await page.locator('#sensitivity-method').textContent()).toContain('Plischke, Borgonovo & Smith');
    expect(await page.locator('#sensitivity-words').textContent()).toMatch(
      /^Share of the cumulative NPV’s spread[\s\S]*month 12: delay before/i,
    );
    const voi = (await page.locator('#voi-words').textContent()) ?? '';
    expect(voi).toMatch(/Decision today: Invest: expected NPV \+[\d,]+ \(± [\d,]+ simulation error\)/);
    expect(voi).toMatch(/Knowing every assumption exactly before deciding would be worth at most [\d,]+ \(± [\d,]+ simulation error\)/);
    expect(voi).not.toMatch(/EVP|Spearman|χ²/);
    expect(await page.locator('#chart-voi').textContent()).toContain('Carried out as planned + failure reduction (together)');
    await page.click('#pin');
    const paired = page.locator('#compare-paired');
    await expect.poll(() => paired.getAttribute('data-state'), { timeout: 60_000 }).toBe('done');
    expect(await paired.getAttribute('data-npv-median')).toBe('0');
    expect(await page.locator('#paired-words').textContent()).toContain('B − A is exactly 0 in every one of the 2,000 paired runs');
    expect(await paired.locator('tr', { hasText: 'NPV, B − A: median' }).locator('td').textContent()).toBe('0');
    expect(await paired.locator('tr', { hasText: 'P(B beats A)' }).locator('td').textContent()).toMatch(
      /^0\.0% ± 0\.0% simulation error; equal in 100\.0%$/,
    );
    const hash = await hashOf(page);
    await page.locator('#field-investment-failureReduction-mode').selectOption('fixed');
    await box(page, 'investment.failureReduction').fill('80');
    await box(page, 'investment.failureReduction').press('Tab');
    await settled(page, hash);
    await expect.poll(() => paired.getAttribute('data-state'), { timeout: 60_000 }).toBe('done');
    expect(Number(await paired.getAttribute('data-npv-median'))).toBeGreaterThan(0);
    expect(await paired.locator('tr', { hasText: 'P(B beats A)' }).locator('td').textContent()).toMatch(
      /^\d+\.\d% ± \d\.\d% simulation error/,
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it('finds a break-even value in the background and swings the published figures, in words', { timeout: 180_000 }, async () => {
    const { page, problems } = await open(base);
    await chartsDrawn(page);
    expect(await page.locator('#be-vary').inputValue()).toBe('investment.failureReduction');
    await page.click('#be-find');
    expect(await page.locator('#be-status').textContent()).toContain('Searching…');
    const answer = page.locator('#be-answer');
    await expect.poll(() => answer.getAttribute('data-status'), { timeout: 120_000 }).toBe('crossed');
    expect(await answer.textContent()).toMatch(
      /^A failure reduction of at least \d+% gives a 50% chance of payback by month 48 \(reached \d+\.\d% ± \d\.\d% simulation error\)/,
    );
    expect(await page.locator('#chart-break-even svg circle, #chart-break-even svg path').count()).toBeGreaterThanOrEqual(3);
    await page.click('#swing-figures');
    await page.locator('#chart-swings svg').waitFor({ timeout: 120_000 });
    expect(await page.locator('#swings-words').textContent()).toMatch(/Switching after a bad experience \(86%\): \+[\d,]+/i);
    // Both export like every chart, with their provenance.
    const hash = await hashOf(page);
    for (const id of ['break-even', 'swings']) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`button[data-export="${id}:svg"]`)]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^cx-roi-${id}-${hash}-\\d{4}-\\d{2}-\\d{2}\\.svg$`));
      expect(readFileSync((await download.path()) as string, 'utf8')).toContain(`result ${hash}`);
    }
    // And as tables: CSV with where they came from, columns in words.
    const csvOf = async (id: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`button[data-export="${id}:csv"]`)]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^cx-roi-${id}-${hash}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
      return readFileSync((await download.path()) as string, 'utf8');
    };
    const breakEvenCsv = await csvOf('break-even');
    expect(breakEvenCsv).toMatch(/^# Break-even search: A failure reduction of at least/);
    expect(breakEvenCsv).toContain(`result ${hash}`);
    expect(breakEvenCsv).toContain('Simulation,Failure reduction (%),Chance it has paid back by month 48 (%),± simulation error (%)');
    const swingsCsv = await csvOf('swings');
    expect(swingsCsv).toContain(`result ${hash}`);
    expect(swingsCsv).toMatch(/\nSwitching after a bad experience,86%,68\.8%,100%,-?\d+,-?\d+,-?\d+\n/);
    // A change: the search was for the scenario before it, and says so, marked as every previous answer is; it
    // cannot be exported as the answer on screen's.
    await box(page, 'churn.switchAfterBad').fill('80');
    await box(page, 'churn.switchAfterBad').press('Tab');
    await settled(page, hash);
    expect(await answer.getAttribute('data-stale')).toBe('previous');
    expect(await answer.textContent()).toContain('Previous answer: this search is for the scenario as it was when you pressed Find');
    // Said beside the buttons pressed, for the table and the chart alike.
    const refusal = 'This search is for the scenario as it was when you pressed Find: press Find again to export it.';
    for (const format of ['csv', 'svg']) {
      await page.click(`button[data-export="break-even:${format}"]`);
      expect(await page.locator('#exports-break-even .export-note').textContent()).toBe(refusal);
    }
    expect(await page.locator('#swing-status').textContent()).toBe('The result changed: press the button again to swing its figures.');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('warns, under the answer, when the business looks implausible, and removing a default touchpoint keeps the others', async () => {
    // The raw model (business: null): a held business would keep its own retention.
    const { page, problems } = await open(
      link({ runs: 500, seed: 1, scenario: { business: null, churn: { base: 0.08 }, journey: { touchpointFailure: { discover: null } } } }),
    );
    expect(await page.locator('#warnings li').first().textContent()).toMatch(/only \d+% of customers stay a year/);
    const paths = await page
      .locator('.field[data-path^="journey.touchpointFailure."]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-path')));
    expect(paths).toEqual([
      'journey.touchpointFailure.order',
      'journey.touchpointFailure.delivery',
      'journey.touchpointFailure.product',
      'journey.touchpointFailure.service',
    ]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says under the answer whether it holds across the readings, and uses a reading in one click with the business held', {
    timeout: 120_000,
  }, async () => {
    const { page, problems } = await open(link({ runs: 1000, seed: 1 }));
    const sentence = page.locator('#robustness-sentence');
    await expect
      .poll(() => sentence.textContent(), { timeout: 60_000 })
      .toMatch(/^The expected NPV at 5 years is (positive|negative) under \d+ of \d+ published readings/);
    expect(await sentence.textContent()).toContain('only 19% of customers leave after a bad experience (article 000), it is negative');
    const rows = page.locator('#robustness-table tbody tr');
    expect(await rows.count()).toBeGreaterThan(10);
    const nineteen = page.locator('#robustness-table tbody tr', { hasText: 'If only 19% of customers leave after a bad experience' });
    expect(await nineteen.locator('td').nth(0).textContent()).toBe('do not invest');
    expect(await nineteen.locator('td').nth(4).textContent()).toContain('article 000');
    expect(await page.locator('#robustness-table tbody tr', { hasText: 'At 10 years instead of 60 months' }).count()).toBe(1);
    // One click: the reading goes into the assumptions, the answer follows, and the business stays the same company.
    const solvedChurn = async () =>
      Number((await field(page, 'churn.base').textContent())?.match(/: ([\d.]+)% at the assumptions’ means/)?.[1]);
    const baseBefore = await solvedChurn();
    const hash = await hashOf(page);
    await nineteen.locator('button.use-reading').click();
    await settled(page, hash);
    // Fewer leave after a bad experience, so more leave after a good one: the solved base churn follows, shown at once.
    expect(await solvedChurn()).toBeGreaterThan(baseBefore);
    expect(decodeURIComponent(page.url())).toContain('"switchAfterBad":0.19');
    expect(await box(page, 'churn.switchAfterBad').inputValue()).toBe('19');
    expect(await page.locator('#kpis tr', { hasText: 'Annual retention' }).locator('td').first().textContent()).toBe('80.0%');
    await expect
      .poll(() => sentence.textContent(), { timeout: 60_000 })
      .toMatch(
        /^The expected NPV at 5 years is negative under \d+ of \d+ published readings; if 89% of customers switch after a bad experience \(article 003\)[^;]*, it is positive\./,
      );
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a run given up for a bad value gives the answer on screen its background work back: the readings and the charts finish', {
    timeout: 120_000,
  }, async () => {
    // 20,000 runs: long enough to type a bad value while it runs.
    const { page, problems } = await open(link({ runs: 1000, seed: 1 }));
    const hash = await hashOf(page);
    await page.locator('#runs').fill('20000');
    await page.locator('#runs').dispatchEvent('change');
    await page.waitForFunction(() => document.body.classList.contains('busy'));
    await box(page, 'churn.switchAfterBad').fill('150');
    await box(page, 'churn.switchAfterBad').press('Tab');
    await page.waitForFunction(() => !document.body.classList.contains('busy'), undefined, { timeout: 60_000 });
    expect(await hashOf(page)).toBe(hash);
    // The stopped work starts again for the answer still on screen: it does not stay on "Checking…".
    await expect
      .poll(() => page.locator('#robustness-sentence').textContent(), { timeout: 90_000 })
      .toMatch(/^The expected NPV at 5 years is (positive|negative) under \d+ of \d+ published readings/);
    await chartsDrawn(page);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a bigger failure reduction raises the headline median ROI', async () => {
    // 500 runs: the median ROI moves from about +10% to about +120% (seeds 1 to 3), far beyond its simulation error.
    const { page, problems } = await open(link({ runs: 500, seed: 1 }));
    const before = await medianRoi(page);
    const hash = await hashOf(page);
    await page.locator('#field-investment-failureReduction-mode').selectOption('fixed');
    await box(page, 'investment.failureReduction').fill('80');
    await box(page, 'investment.failureReduction').press('Tab');
    await settled(page, hash);
    expect(await medianRoi(page)).toBeGreaterThan(before);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reads numbers as people type them, asks about an entry with two readings, and writes them back grouped in the chosen style', async () => {
    const { page, problems } = await open(link({ runs: 500, seed: 1 }));
    const upfront = () => box(page, 'investment.upfront');
    const upfrontInLink = () => JSON.parse(new URL(page.url()).searchParams.get('scenario') ?? '{}').investment?.upfront;
    expect(await page.locator('#number-style').inputValue()).toBe('english'); // the browser's en-US
    expect(await upfront().inputValue()).toMatch(/^\d{1,3}(,\d{3})+$/);
    let hash = await hashOf(page);
    for (const [typed, value, shown] of [
      ['€150k', 150_000, '150,000'],
      ['1.5m', 1_500_000, '1,500,000'],
      ['250,000', 250_000, '250,000'],
      ['€ 300 000', 300_000, '300,000'],
    ] as const) {
      await upfront().fill(typed);
      await upfront().press('Tab');
      hash = await settled(page, hash);
      expect(upfrontInLink(), typed).toBe(value);
      expect(await upfront().inputValue(), typed).toBe(shown);
    }
    // "150.000" in English style is 150 or 150,000: asked, not guessed; nothing is simulated for it meanwhile.
    await upfront().fill('150.000');
    await upfront().press('Tab');
    const question = field(page, 'investment.upfront').locator('.ask');
    await expect.poll(() => question.textContent()).toBe('“150.000”: did you mean 150 or 150,000?');
    expect(await field(page, 'investment.upfront').locator('.error').textContent()).toBe('');
    expect(await page.locator('#result-hash').textContent()).toBe(hash);
    // The question passes axe in the field it sits in.
    await page.addScriptTag({ content: readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8') });
    const serious = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run: (context: Element) => Promise<{ violations: { id: string; impact: string }[] }> } })
        .axe;
      const cell = document.querySelector('.field[data-path="investment.upfront"]') as Element;
      return (await axe.run(cell)).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    });
    expect(serious).toEqual([]);
    await question.getByRole('button', { name: '150,000' }).click();
    hash = await settled(page, hash);
    expect(upfrontInLink()).toBe(150_000);
    expect(await upfront().inputValue()).toBe('150,000');
    expect(await question.count()).toBe(0);
    // European style: the fields are written again in it, the forms' boxes too, "150.000" is 150,000, and the
    // choice is remembered.
    expect(await page.locator('#cal-customers').inputValue()).toBe('10,000');
    // The break-even target is read the same way: an entry with two readings is asked about, not searched for.
    await page.fill('#be-value', '100.000');
    await page.click('#be-find');
    expect(await page.locator('#be-error').textContent()).toBe('“100.000” could be 100 or 100,000: type the one you mean.');
    expect(await page.locator('#be-status').textContent()).toBe('');
    await page.locator('#number-style').selectOption('european');
    expect(await upfront().inputValue()).toBe('150.000');
    expect(await page.locator('#cal-customers').inputValue()).toBe('10.000');
    // The number of runs too: "1.500" is 1,500 runs in this style, written back grouped.
    await page.fill('#runs', '1.500');
    await page.press('#runs', 'Tab');
    hash = await settled(page, hash);
    expect(new URL(page.url()).searchParams.get('runs')).toBe('1500');
    expect(await page.locator('#runs').inputValue()).toBe('1.500');
    await upfront().fill('200.000,5');
    await upfront().press('Tab');
    hash = await settled(page, hash);
    expect(upfrontInLink()).toBe(200_000.5);
    await page.reload();
    await settled(page);
    expect(await page.locator('#number-style').inputValue()).toBe('european');
    expect(await upfront().inputValue()).toBe('200.000,5');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('simulates nothing again when nothing changed: a field left after its value is on screen, or a value typed back', async () => {
    const { page, problems } = await open(link({ runs: 2000, seed: 1 }));
    const upfront = box(page, 'investment.upfront');
    let hash = await hashOf(page);
    await upfront.fill('300000'); // typing: simulated after a pause
    hash = await settled(page, hash);
    // From here on, count every sign of a run: the page busy, or a preview on screen.
    await page.evaluate(() => {
      const seen = window as unknown as { runsSeen: number };
      seen.runsSeen = 0;
      new MutationObserver(() => {
        if (document.body.classList.contains('busy') || document.body.dataset.preview !== undefined) seen.runsSeen += 1;
      }).observe(document.body, { attributes: true });
    });
    const runsSeen = () => page.evaluate(() => (window as unknown as { runsSeen: number }).runsSeen);
    await upfront.press('Tab');
    await page.waitForTimeout(1000);
    expect(await runsSeen()).toBe(0);
    expect(await hashOf(page)).toBe(hash);
    expect(await upfront.inputValue()).toBe('300,000');
    // Typed away and back before the pause is over (in one task, so that a loaded machine cannot stretch the pause
    // between the two): nothing to simulate, and the answer is current, not marked.
    await upfront.evaluate((input: HTMLInputElement) => {
      for (const typed of ['400000', '300,000']) {
        input.value = typed;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.waitForTimeout(1000);
    expect(await runsSeen()).toBe(0);
    expect(await page.locator('#main').getAttribute('class')).not.toContain('stale-result');
    expect(await page.locator('#status').textContent()).toMatch(/^2,000 runs in \d+\.\d\d s on \d workers?\.$/);
    // A bad value, then the value on screen again: the answer is current again, with its own status line.
    await upfront.fill('-5');
    await upfront.press('Tab');
    await expect.poll(() => page.locator('#main').getAttribute('class')).toContain('stale-result');
    await upfront.fill('300000');
    await upfront.press('Tab');
    await expect.poll(() => page.locator('#main').getAttribute('class')).not.toContain('stale-result');
    expect(await page.locator('#status').textContent()).toMatch(/^2,000 runs in /);
    expect(await hashOf(page)).toBe(hash);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says where the button was pressed what a change did, and keeps a compact answer in view on a desktop', async () => {
    const { page, problems } = await open(link({ runs: 1000, seed: 1 }));
    const bar = page.locator('#answer-bar');
    // At the top the headline is in view: no compact answer.
    expect(await bar.isVisible()).toBe(false);
    // Scrolled down to the stage gate: the compact answer stays at the top of the window.
    await page.locator('#gate-form').scrollIntoViewIfNeeded();
    await expect.poll(() => bar.isVisible()).toBe(true);
    expect(await page.locator('#answer-bar-figures').textContent()).toMatch(/^median ROI [+−]\d+%pays for itself in/);
    expect(await page.locator('#toggle-panel').isVisible()).toBe(false);
    const headlineRoi = await page.locator('#headline [data-figure="roi"] .card-value').textContent();
    // Apply: the gate's cell says, under its button, what the change did to the three figures.
    let hash = await hashOf(page);
    await page.check('#gate-on');
    await page.click('#gate-form button[type="submit"]');
    const effect = page.locator('#gate-box .change-effect');
    hash = await settled(page, hash);
    await expect
      .poll(() => effect.textContent())
      .toMatch(
        /^This change: median ROI [+−]\d+%( → [+−]\d+%| \(unchanged\)); chance it pays for itself \d+%( → \d+%| \(unchanged\)); median payback (month \d+|not within 5 years)( → (month \d+|not within 5 years)| \(unchanged\))\.$/,
      );
    expect(await effect.textContent()).toContain(`median ROI ${headlineRoi}`);
    expect(await effect.isVisible()).toBe(true);
    // The same again: nothing to simulate, and the cell says so.
    await page.click('#gate-form button[type="submit"]');
    await expect.poll(() => effect.textContent()).toBe('This change left the scenario as it was.');
    // A reading used from the robustness table: its cell says what it did.
    const use = page.locator('#robustness-table button.use-reading').first();
    await use.waitFor({ timeout: 60_000 });
    await use.click();
    await settled(page, hash);
    await expect.poll(() => page.locator('#cell-robustness .change-effect').textContent()).toMatch(/^This change: median ROI /);
    // Back at the top, the compact answer goes.
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(() => bar.isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('speaks plainly on the first screen: no code paths, seed, runs setting, hash or P(ROI > 0); the median ROI is its heaviest figure', async () => {
    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const page = await browser.newPage({ viewport });
      await page.goto(base);
      await settled(page);
      // What a reader sees in the first screen: the text of every rendered element inside the window.
      const firstScreen = await page.evaluate(() => {
        const seen: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (!node.parentElement?.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          const rect = range.getBoundingClientRect();
          if (
            rect.width > 0 &&
            rect.height > 0 &&
            rect.bottom > 0 &&
            rect.top < window.innerHeight &&
            rect.right > 0 &&
            rect.left < window.innerWidth
          )
            seen.push(node.textContent ?? '');
        }
        return seen.join(' ');
      });
      expect(firstScreen, `${viewport.width} px`).toMatch(/median ROI|ROI after 5 years/);
      for (const word of [
        /P\(ROI/,
        /\bSeed\b/,
        /\bRuns\b/,
        /Result [0-9a-f]{8}/,
        /\b[0-9a-f]{8}\b/,
        /\b(investment|churn|journey|spend)\.[a-z]/,
        /\bmoney\b/,
        /median · mean/,
        /\bm\d+\b/,
      ])
        expect(firstScreen, `${word} at ${viewport.width} px`).not.toMatch(word);
      // The median ROI is the heaviest figure on the page's first screen.
      const sizes = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('#headline .card-value')].map((v) => ({
          figure: (v.closest('.card') as HTMLElement).dataset.figure,
          size: Number.parseFloat(getComputedStyle(v).fontSize),
        })),
      );
      const roi = sizes.find((s) => s.figure === 'roi')?.size ?? 0;
      for (const other of sizes.filter((s) => s.figure !== 'roi'))
        expect(roi, `${other.figure} at ${viewport.width} px`).toBeGreaterThan(other.size);
      await page.close();
    }
    // The scenario's names are there for whoever asks; searching in business words finds the fields.
    const { page, problems } = await open(base);
    expect(await field(page, 'investment.upfront').locator('.path').isVisible()).toBe(false);
    await page.check('#show-paths');
    expect(await field(page, 'investment.upfront').locator('.path').isVisible()).toBe(true);
    expect(await field(page, 'investment.upfront').locator('.about').textContent()).toContain('the budget set under “Channels”');
    for (const [words, path] of [
      ['retention', 'churn.switchAfterBad'],
      ['revenue', 'spend.averagePerMonth'],
      ['referral', 'wordOfMouth.toldAfterExcellent'],
    ] as const) {
      await page.fill('#field-search', words);
      await expect.poll(() => field(page, path).isVisible(), { message: words }).toBe(true);
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows in each contested field what the sources also say, with the source, and uses one in a click with the business held', async () => {
    const { page, problems } = await open(link({ runs: 1000, seed: 1 }));
    const switching = field(page, 'churn.switchAfterBad').locator('.alternatives');
    expect(await switching.locator('.alternatives-title').textContent()).toBe('The sources also say:');
    const items = await switching.locator('li span').allTextContents();
    expect(
      items.some((item) => /^19%: only 19% of customers leave after a bad experience \(“[^”]+”, .+\)$/.test(item)),
      items.join(' | '),
    ).toBe(true);
    expect(items.length).toBeGreaterThanOrEqual(2);
    // A number nobody measured says so.
    expect(await field(page, 'investment.missedEffectShare').locator('.alternatives-title').textContent()).toBe(
      'Nobody has measured it; plausible values:',
    );
    const retention = () => page.locator('#kpis tr', { hasText: 'Annual retention' }).locator('td').first().textContent();
    const retained = await retention();
    const hash = await hashOf(page);
    await switching.getByRole('button', { name: 'Use this reading: only 19% of customers leave after a bad experience' }).click();
    await settled(page, hash);
    expect(decodeURIComponent(page.url())).toContain('"switchAfterBad":0.19');
    expect(await box(page, 'churn.switchAfterBad').inputValue()).toBe('19');
    // The reading in use says so; the field says what the change did; the business is the same company.
    const after = field(page, 'churn.switchAfterBad').locator('.alternatives');
    expect(
      await after.getByRole('button', { name: 'Use this reading: only 19% of customers leave after a bad experience' }).textContent(),
    ).toBe('in use');
    await expect.poll(() => after.locator('.change-effect').textContent()).toMatch(/^This change: median ROI [+−]\d+% → [+−]\d+%/);
    expect(await retention()).toBe(retained);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('exports charts and tables that say what they are and where they came from, under names that say what and which', async () => {
    const { page, problems } = await open(link({ runs: 1000, seed: 7 }));
    await chartsDrawn(page);
    const hash = await hashOf(page);
    const today = new Date().toISOString().slice(0, 10);
    const fetch = async (click: () => Promise<void>) => {
      const [download] = await Promise.all([page.waitForEvent('download'), click()]);
      const path = await download.path();
      return { name: download.suggestedFilename(), text: readFileSync(path as string, 'utf8') };
    };
    const svg = await fetch(() => page.click('button[data-export="roi-fan:svg"]'));
    expect(svg.name).toBe(`cx-roi-roi-fan-${hash}-${today}.svg`);
    expect(svg.text).toContain(`1,000 runs, seed 7 · result ${hash} · exported ${today}`);
    expect(svg.text).toContain('seed=7');
    const bands = await fetch(() => page.click('#export-bands'));
    expect(bands.name).toBe(`cx-roi-bands-by-month-${hash}-${today}.csv`);
    const lines = bands.text.split('\n');
    expect(lines[0]).toMatch(/^# ROI, NPV, customers/);
    expect(lines[1]).toMatch(new RegExp(`^# cx-roi \\d+\\.\\d+\\.\\d+ · 1,000 runs, seed 7 · result ${hash} · exported ${today}$`));
    expect(lines[2]).toMatch(/^# link: http.*seed=7/);
    expect(lines[3]).toMatch(/^Month,Chance it has paid back \(%\),ROI \(%\): median,/);
    // The link in the file reproduces the answer it came from.
    const linked = lines[2]?.replace(/^# link: /, '') ?? '';
    const { page: again } = await open(linked);
    expect(await hashOf(again)).toBe(hash);
    await again.close();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('prints a one-page A4 report: the answer, the ROI chart, the readings, the business, the key assumptions with sources and alternatives, the link', {
    timeout: 120_000,
  }, async () => {
    const { page, problems } = await open(link({ runs: 2000, seed: 1, currency: '€' }));
    const hash = await hashOf(page);
    await page.waitForFunction(() => document.querySelectorAll('#robustness-table tbody tr').length > 3, undefined, { timeout: 90_000 });
    await page.evaluate(() => {
      window.print = () => {
        document.body.dataset.printed = 'yes';
      };
    });
    await page.click('#export-report');
    expect(await page.evaluate(() => document.body.dataset.printed)).toBe('yes');
    const report = page.locator('#report');
    expect(await report.isVisible()).toBe(false); // on screen, the page; on paper, the report alone
    await page.emulateMedia({ media: 'print' });
    expect(await report.isVisible()).toBe(true);
    expect(await page.locator('#main').isVisible()).toBe(false);
    const text = (await report.textContent()) ?? '';
    for (const part of [
      `result ${hash}`,
      'The answer',
      'Over 5 years the programme returns',
      'Does it hold under every reading?',
      'If only 19% of customers leave after a bad experience',
      'The business it is for',
      'Annual retention',
      'The key assumptions, their sources and what else the sources say',
      'Switching after a bad experience',
      'Reproduce this answer: http',
      // What it costs and is assumed to do, before what it returns.
      'The programme as assumed: up-front cost €110,000; monthly cost €5,500 a month; failure reduction PERT: low 20%, likely 40%, high 60%',
    ])
      expect(text, part).toContain(part);
    // The page's pointers to its own cells mean nothing on paper.
    expect(text).not.toContain('Make it your business');
    expect(await report.locator('.report-chart svg').count()).toBe(1);
    // The chart is drawn for paper: its 12 px text is not scaled down (it was, to under 3 pt, when the page's chart was).
    const chartScale = await report
      .locator('.report-chart svg')
      .evaluate((svg) => svg.getBoundingClientRect().width / Number(svg.getAttribute('width')));
    expect(12 * chartScale * 0.75, 'the chart text on paper, in pt').toBeGreaterThanOrEqual(8);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length, 'pages').toBe(1);
    await page.emulateMedia({ media: 'screen' });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('fits long figures in their cards and boxes at 1440 and 390 px: seven- and eight-digit sums in €', async () => {
    for (const viewport of [
      { width: 1440, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const { page, problems } = await open(
        link({ runs: 500, seed: 1, currency: '€', scenario: { investment: { upfront: 9_000_000, monthly: 90_000 } } }),
        viewport,
      );
      const cards = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('#headline .card')].map((card) => ({
          value: card.querySelector('.card-value')?.textContent ?? '',
          past: card.scrollWidth - card.clientWidth,
        })),
      );
      expect(cards.find((card) => card.value.includes('€'))?.value, `${viewport.width} px`).toMatch(/^−\u2060?€\d{1,3}(,\d{3}){2,}$/);
      for (const card of cards) expect(card.past, `${card.value} at ${viewport.width} px`).toBeLessThanOrEqual(0);
      if (viewport.width === 390) await page.click('#toggle-panel');
      const boxPast = await box(page, 'investment.upfront').evaluate((input: HTMLInputElement) => input.scrollWidth - input.clientWidth);
      expect(await box(page, 'investment.upfront').inputValue()).toBe('9,000,000');
      expect(boxPast, `the up-front box at ${viewport.width} px`).toBeLessThanOrEqual(0);
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it('a bad value shows its error next to the field, the last good result stays, and a broken link names the bad field', async () => {
    const { page } = await open(link({ runs: 500, seed: 1 }));
    const hash = await page.locator('#result-hash').textContent();
    await box(page, 'churn.switchAfterBad').fill('150');
    await box(page, 'churn.switchAfterBad').press('Tab');
    await expect
      .poll(() => field(page, 'churn.switchAfterBad').locator('.error').textContent())
      .toContain('must be a percentage from 0% to 100%');
    expect(await page.locator('#result-hash').textContent()).toBe(hash);
    expect(await page.locator('#chart-roi-fan svg').count()).toBeGreaterThan(0);
    await page.close();
    const broken = await browser.newPage();
    const errors: string[] = [];
    broken.on('pageerror', (e) => errors.push(e.message));
    await broken.goto(link({ runs: 500, seed: 1, scenario: { churn: { base: 7 }, spend: { averagePerMnth: 3 } } }));
    await expect.poll(() => field(broken, 'churn.base').locator('.error').textContent()).toContain('must be a percentage');
    await expect.poll(() => broken.locator('#banner').textContent()).toContain('unknown field; did you mean "averagePerMonth"?');
    expect(errors).toEqual([]);
    await broken.close();
  });
});
