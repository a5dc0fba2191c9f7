import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.js';
import { resultHash } from '../../playground/url-state.js';

// The built playground in Debian's Chromium, headless. `.ci/run` installs Chromium where it is
// missing; without it (or without the build) these tests are skipped, and say so.
const root = join(import.meta.dirname, '../..');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ready = existsSync(executablePath) && existsSync(join(root, 'playground/dist/index.html'));
if (!ready) console.warn(`playground e2e skipped: needs ${executablePath} and a built playground (npm run build)`);
const artifacts = join(root, 'test-results');

describe.runIf(ready)('playground in headless Chromium', () => {
  let server: PreviewServer;
  let browser: Browser;
  let base = '';

  beforeAll(async () => {
    server = await preview({ configFile: join(root, 'vite.config.ts'), preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'silent' });
    base = server.resolvedUrls?.local[0] ?? '';
    browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    mkdirSync(artifacts, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.httpServer.close();
  });

  async function open(url: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.goto(url);
    await settled(page);
    return { page, problems };
  }

  /** Waits until a result is on screen and no simulation is running. */
  async function settled(page: Page, previousHash?: string): Promise<string> {
    await page.waitForFunction(
      (previous) => document.body.dataset.resultHash !== undefined && document.body.dataset.resultHash !== previous && !document.body.classList.contains('busy'),
      previousHash,
      { timeout: 30_000 },
    );
    return (await page.evaluate(() => document.body.dataset.resultHash)) as string;
  }

  const medianRoi = (page: Page) => page.evaluate(() => Number(document.body.dataset.medianRoi));

  it('loads the default scenario with no console errors, and every chart draws marks', async () => {
    const { page, problems } = await open(base);
    expect(problems).toEqual([]);
    for (const id of ['roi-fan', 'customers', 'revenue', 'nps', 'roi-histogram', 'outcome-split', 'payback', 'levers', 'drivers', 'sensitivity', 'voi']) {
      const marks = await page.locator(`#chart-${id} svg [aria-label] > *`).count();
      expect(marks, `marks in ${id}`).toBeGreaterThan(5);
    }
    const cards = await page.locator('#headline .card').allTextContents();
    expect(cards.join(' ')).toMatch(/Median ROI after 5 years/);
    expect(cards.join(' ')).toMatch(/Chance it pays for itself\s*\d+% ± \d+\.\d%/);
    expect(page.url()).toContain('runs=2000');
    // The business the scenario implies, right under the answer, and the Accenture caveat.
    const business = await page.locator('#kpis').textContent();
    expect(business).toMatch(/Annual retention\s*80\.1%\s*85\.2%/);
    expect(await page.locator('#warnings li').count()).toBe(0);
    expect(await page.locator('#chart-outcome-split').textContent()).toContain('calibration target, not a validation');
    // NPS over time, with and without the programme, in words from the scenario's own figures.
    expect(await page.locator('#nps-hint').textContent()).toMatch(/promoters are 90% of those with an excellent experience and 18% of those with a bad one[\s\S]*In month 60: 20\.\d without the programme, 2\d\.\d with it/);
    expect(await page.locator('#headline [data-figure="median-payback"]').textContent()).toMatch(/Median payback \(all runs\)month \d+/);
    const updateMs = await page.evaluate(() => Number(document.body.dataset.updateMs));
    console.log(`playground: 2,000-run update took ${updateMs} ms in headless Chromium`);
    await page.screenshot({ path: join(artifacts, 'playground-default.png'), fullPage: true });
    await page.close();
  });

  it('the decision cells follow the first result: sensitivity over the years, the value of information, and B − A exactly 0 against itself', async () => {
    const { page, problems } = await open(base);
    // Sensitivity over the years: a line per assumption in words, the table for the horizon, the method cited.
    const legend = await page.locator('#chart-sensitivity').textContent();
    expect(legend).toContain('Carried out as planned');
    expect(legend).toContain('Failure reduction');
    expect(await page.locator('#sensitivity-month').inputValue()).toBe('60');
    expect(await page.locator('#sensitivity-table tbody tr').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('#sensitivity-table').textContent()).toMatch(/Carried out as planned0\.\d\d\d+\.\d%\+[\d,]+/);
    expect(await page.locator('#sensitivity-method').textContent()).toContain('Plischke, Borgonovo & Smith');
    expect(await page.locator('#sensitivity-words').textContent()).toMatch(/^Share of the cumulative NPV’s spread[\s\S]*month 12: delay before effect/i);
    // Value of information: the decision today, EVPI with its error, EVPPI bars.
    const voi = (await page.locator('#voi-words').textContent()) ?? '';
    expect(voi).toMatch(/Decision today: Invest: expected NPV \+[\d,]+ \(± [\d,]+ simulation error\)/);
    expect(voi).toMatch(/EVPI: [\d,]+ ± [\d,]+ simulation error/);
    expect(await page.locator('#chart-voi').textContent()).toContain('Carried out as planned + failure reduction (together)');
    // Pin A and compare the same scenario: every paired difference is exactly 0.
    await page.click('#pin');
    const paired = page.locator('#compare-paired');
    await expect.poll(() => paired.getAttribute('data-state'), { timeout: 60_000 }).toBe('done');
    expect(await paired.getAttribute('data-npv-median')).toBe('0');
    expect(await page.locator('#paired-words').textContent()).toContain('B − A is exactly 0 in every one of the 2,000 paired runs');
    expect(await paired.locator('tr', { hasText: 'NPV, B − A: median' }).locator('td').textContent()).toBe('0');
    expect(await paired.locator('tr', { hasText: 'P(B beats A)' }).locator('td').textContent()).toMatch(/^0\.0% ± 0\.0% simulation error; equal in 100\.0%$/);
    // A bigger failure reduction as B: B beats A in most runs, never A.
    const hash = (await page.evaluate(() => document.body.dataset.resultHash)) as string;
    await page.locator('.field[data-path="investment.failureReduction"]').getByLabel('investment.failureReduction: fixed or uncertain').selectOption('fixed');
    const number = page.locator('.field[data-path="investment.failureReduction"] input[type="number"]');
    await number.fill('0.8');
    await number.press('Tab');
    await settled(page, hash);
    await expect.poll(() => paired.getAttribute('data-state'), { timeout: 60_000 }).toBe('done');
    expect(Number(await paired.getAttribute('data-npv-median'))).toBeGreaterThan(0);
    expect(await paired.locator('tr', { hasText: 'P(B beats A)' }).locator('td').textContent()).toMatch(/^\d+\.\d% ± \d\.\d% simulation error/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('finds a break-even value in the background and swings the published figures, in words', { timeout: 180_000 }, async () => {
    const { page, problems } = await open(base);
    expect(await page.locator('#be-vary').inputValue()).toBe('investment.failureReduction');
    await page.click('#be-find');
    expect(await page.locator('#be-status').textContent()).toContain('Searching…');
    const answer = page.locator('#be-answer');
    await expect.poll(() => answer.getAttribute('data-status'), { timeout: 120_000 }).toBe('crossed');
    expect(await answer.textContent()).toMatch(/^A failure reduction of at least \d+% gives an 80% chance of payback by month 48 \(reached \d+\.\d% ± \d\.\d% simulation error\)/);
    expect(await page.locator('#chart-break-even svg [aria-label="dot"] > *').count()).toBeGreaterThanOrEqual(3);
    await page.click('#swing-figures');
    await page.locator('#chart-swings svg').waitFor({ timeout: 120_000 });
    expect(await page.locator('#chart-swings').textContent()).toContain('churn.switchAfterBad = 0.86');
    expect(await page.locator('#swings-words').textContent()).toMatch(/churn\.switchAfterBad \(0\.86\): \+[\d,]+/);
    expect(problems).toEqual([]);
    await page.screenshot({ path: join(artifacts, 'playground-decisions.png'), fullPage: true });
    await page.close();
  });

  it('gives the same numbers, bit for bit, as simulate in Node', async () => {
    const { page } = await open(`${base}#runs=2000&seed=42`);
    const inNode = resultHash(simulate({}, { runs: 2000, seed: 42, keepRuns: true }));
    expect(await page.evaluate(() => document.body.dataset.resultHash)).toBe(inNode);
    await page.close();
  });

  it('warns, under the answer, when the business looks implausible, and removing a default touchpoint keeps the others', async () => {
    const link = `${base}#runs=500&seed=1&scenario=${encodeURIComponent(JSON.stringify({ churn: { base: 0.08 }, journey: { touchpointFailure: { discover: null } } }))}`;
    const { page, problems } = await open(link);
    expect(await page.locator('#warnings li').first().textContent()).toMatch(/only \d+% of customers stay a year.*\(churn\.base\)/);
    const paths = await page.locator('.field[data-path^="journey.touchpointFailure."]').evaluateAll((els) => els.map((e) => e.getAttribute('data-path')));
    expect(paths).toEqual(['journey.touchpointFailure.order', 'journey.touchpointFailure.delivery', 'journey.touchpointFailure.product', 'journey.touchpointFailure.service']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a bigger failure reduction raises the headline median ROI', async () => {
    const { page, problems } = await open(base);
    const before = await medianRoi(page);
    const hash = (await page.evaluate(() => document.body.dataset.resultHash)) as string;
    const field = page.locator('.field[data-path="investment.failureReduction"]');
    await field.getByLabel('investment.failureReduction: fixed or uncertain').selectOption('fixed');
    const number = page.locator('.field[data-path="investment.failureReduction"] input[type="number"]');
    await number.fill('0.8');
    await number.press('Tab');
    await settled(page, hash);
    expect(await medianRoi(page)).toBeGreaterThan(before);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('is keyboard usable: Tab to a field, arrow keys change it, the result follows', async () => {
    const { page } = await open(base);
    const hash = (await page.evaluate(() => document.body.dataset.resultHash)) as string;
    await page.locator('.field[data-path="churn.base"] input[type="range"]').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).closest('.field')?.getAttribute('data-path'))).toBe('churn.base');
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowUp');
    await settled(page, hash);
    // From the default 0.0056, five steps of 0.001 (snapped to the step grid) reach 0.01.
    expect(await page.locator('.field[data-path="churn.base"] input[type="number"]').inputValue()).toBe('0.01');
    expect(page.url()).toContain(encodeURIComponent('"base":0.01'));
    await page.close();
  });

  it('a shared link reproduces the same result hash', async () => {
    const { page } = await open(base);
    const seed = page.locator('#seed');
    const hash = (await page.evaluate(() => document.body.dataset.resultHash)) as string;
    await seed.fill('77');
    await seed.press('Tab');
    const changed = await settled(page, hash);
    const link = page.url();
    expect(link).toContain('seed=77');
    const { page: other } = await open(link);
    expect(await other.evaluate(() => document.body.dataset.resultHash)).toBe(changed);
    expect(await other.locator('#result-hash').textContent()).toBe(changed);
    await other.close();
    await page.close();
  });

  it('a bad value shows its error next to the field, and the last good result stays', async () => {
    const { page } = await open(base);
    const hash = await page.locator('#result-hash').textContent();
    const number = page.locator('.field[data-path="churn.switchAfterBad"] input[type="number"]');
    await number.fill('1.5');
    await number.press('Tab');
    const error = page.locator('.field[data-path="churn.switchAfterBad"] .error');
    await expect.poll(() => error.textContent()).toContain('must be a probability from 0 to 1');
    expect(await page.locator('#result-hash').textContent()).toBe(hash);
    expect(await page.locator('#chart-roi-fan svg').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(artifacts, 'playground-error.png') });
    await page.close();
  });

  it('a broken shared link names the bad field and breaks nothing else', async () => {
    const link = `${base}#runs=500&seed=1&scenario=${encodeURIComponent(JSON.stringify({ churn: { base: 7 }, spend: { averagePerMnth: 3 } }))}`;
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(link);
    const error = page.locator('.field[data-path="churn.base"] .error');
    await expect.poll(() => error.textContent()).toContain('must be a probability');
    await expect.poll(() => page.locator('#banner').textContent()).toContain('spend.averagePerMnth: unknown field; did you mean "averagePerMonth"?');
    expect(errors).toEqual([]);
    await page.close();
  });
});
