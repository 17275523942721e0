import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { clusterObjects } from '../../bench/generate-cluster';
import { findScale } from '../../bench/scales';
import { shopApp } from '../../examples/demo/shop-app';
import { ClusterModel, Evaluator, ManifestDocument } from '../../src/analysis';
import { policyPorts } from '../../src/analysis/policy-ports';
import { REPORT_FILES } from '../../src/intents/app-analysis';
import { renderApp } from '../../src/intents/app-manifests';
import { ReachabilityReport, VerdictReport } from '../../src/report';

/*
 * The HTML report in a real browser: Debian's chromium (.ci/run installs it), driven by
 * playwright-core, which downloads no browser of its own.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-reports');
const MAX_PAGE_BYTES = 2 * 1024 * 1024;
const MAX_OPEN_MS = 2000;

jest.setTimeout(180_000);

let context: BrowserContext;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`no browser at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium), as .ci/run does, or set CHROMIUM_PATH`);
  }
  context = await chromium.launchPersistentContext(fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-netpol-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    viewport: { width: 1440, height: 960 },
  });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await context?.close();
});

/** A page opened from a file, with every request that is not the file itself and every script error recorded. */
interface OpenedPage {
  readonly page: Page;
  readonly requests: string[];
  readonly errors: string[];
  /** From navigation to the first frame that shows the matrix. */
  readonly openMs: number;
  /** From navigation to every cell and the graph drawn. */
  readonly readyMs: number;
}

async function open(file: string): Promise<OpenedPage> {
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  const url = `file://${file}`;
  page.on('request', (request) => {
    if (request.url() !== url) {
      requests.push(request.url());
    }
  });
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      errors.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  await page.goto(url);
  await ready(page);
  const body = page.locator('body');
  return { page, requests, errors, openMs: Number(await body.getAttribute('data-open-ms')), readyMs: Number(await body.getAttribute('data-ready-ms')) };
}

/** Waits until the page has drawn every cell and the graph (it draws the matrix by chunks). */
async function ready(page: Page): Promise<void> {
  await page.waitForSelector('body[data-ready="true"]');
}

/** Every cell of the matrix on screen: source, destination, `data-allowed`. */
async function cells(page: Page): Promise<Array<[string, string, string]>> {
  // One string across the wire: 40,000 small arrays take seconds to pass.
  const lines = await page.evaluate(() => Array.from((globalThis as any).document.querySelectorAll('[data-from][data-to][data-allowed]'))
    .map((e: any) => `${e.dataset.from}\t${e.dataset.to}\t${e.dataset.allowed}`).join('\n'));
  return lines === '' ? [] : lines.split('\n').map((line) => line.split('\t') as [string, string, string]);
}

/**
 * Clicks the cell (as a person would, or, for the many sampled cells, by dispatching the click to
 * it) and returns the explanation the panel shows, and the panel's whole text.
 */
async function explainCell(page: Page, source: string, destination: string, dispatch = false): Promise<{ text: string; panel: string }> {
  const selector = `[data-role="matrix"] [data-from="${source}"][data-to="${destination}"]`;
  if (dispatch) {
    // The browser's own selector engine: playwright's walks all 40,000 cells for each one.
    await page.evaluate((s) => (globalThis as any).document.querySelector(s).click(), selector);
  } else {
    await page.locator(selector).click();
  }
  const panel = page.locator('[data-role="explanation"]');
  await panel.waitFor({ state: 'visible' });
  return { text: await panel.locator('[data-role="explain-text"]').textContent() ?? '', panel: await panel.textContent() ?? '' };
}

/** The page's cells against the matrix, and the explanation of `sample` cells against `explain`'s. */
async function expectMatchesEvaluator(page: Page, evaluator: Evaluator, query: { port?: number; portName?: string; protocol?: any },
  sample: number): Promise<void> {
  const matrix = evaluator.matrix(query);
  const shown = await cells(page);
  expect(shown).toHaveLength(matrix.endpoints.length ** 2);
  const wrong = shown.filter(([source, destination, allowed]) => String(matrix.isAllowed(source, destination)) !== allowed);
  expect(wrong).toEqual([]);
  const step = Math.max(1, Math.floor(shown.length / sample));
  for (let i = 0; i < shown.length; i += step) {
    const [source, destination] = shown[i];
    let expected: string;
    try {
      expected = VerdictReport.toText(evaluator.check({ source, destination, ...query }));
    } catch {
      continue; // a destination without the port name, which explain refuses
    }
    expect((await explainCell(page, source, destination, true)).text).toBe(expected);
  }
}

function documentsOf(manifests: any[]): ManifestDocument[] {
  return manifests.map((manifest, i) => ({ manifest, origin: `cluster.yaml:${i}` }));
}

describe('the report of the bench S cluster, every port its policies name', () => {
  const documents = documentsOf([...clusterObjects(findScale('S'), 1)]);
  const evaluator = new Evaluator(ClusterModel.fromManifests(documents));
  const queries = policyPorts(documents, Number.MAX_SAFE_INTEGER).queries;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-netpol-report-')), 'report.html');
  let opened: OpenedPage;

  beforeAll(async () => {
    const html = ReachabilityReport.toHtml({
      intents: [], findings: evaluator.model.findings, matrices: queries.map((q) => evaluator.matrix(q)), evaluator, writtenBy: 'the browser test',
    });
    fs.writeFileSync(file, html);
    opened = await open(file);
  });

  test('is at most 2 MB, opens in under 2 s, loads nothing and raises no error', async () => {
    expect(fs.statSync(file).size).toBeLessThanOrEqual(MAX_PAGE_BYTES);
    expect(opened.openMs).toBeLessThan(MAX_OPEN_MS);
    console.log(`bench S report: ${(fs.statSync(file).size / 1e6).toFixed(2)} MB, first screen in ${opened.openMs} ms, every cell in ${opened.readyMs} ms`);
    await opened.page.screenshot({ path: path.join(SCREENSHOTS, 'report-S.png') });
    expect(opened.requests).toEqual([]);
    expect(opened.errors).toEqual([]);
  });

  test('every cell of the first port as the matrix says, and sampled explanations as explain prints them', async () => {
    await expectMatchesEvaluator(opened.page, evaluator, queries[0], 30);
  });

  test('an allowed and a denied cell, clicked: ALLOWED or DENIED, and the policies named', async () => {
    const page = opened.page;
    await page.selectOption('#port', { label: 'TCP/8080' });
    await ready(page);
    const shown = await cells(page);
    const allowed = shown.find(([s, d, a]) => a === 'true' && s !== d && evaluator.check({ source: s, destination: d, port: 8080 }).ingress.admittedBy.length > 0)!;
    const denied = shown.find(([s, d, a]) => a === 'false' && evaluator.check({ source: s, destination: d, port: 8080 }).ingress.selectingPolicies.length > 0)!;
    for (const [source, destination, word] of [[allowed[0], allowed[1], 'ALLOWED'], [denied[0], denied[1], 'DENIED']]) {
      const verdict = evaluator.check({ source, destination, port: 8080 });
      const { panel } = await explainCell(page, source, destination);
      expect(panel).toContain(word);
      for (const policy of [...verdict.ingress.selectingPolicies, ...verdict.egress.selectingPolicies]) {
        expect(panel).toContain(policy);
      }
    }
    await page.screenshot({ path: path.join(SCREENSHOTS, 'report-S-explained.png') });
    await expectMatchesEvaluator(page, evaluator, { port: 8080 }, 20);
    expect(opened.errors).toEqual([]);
  });

  test('works with the keyboard: arrows move between cells, Enter explains', async () => {
    const page = opened.page;
    const first = page.locator('[data-role="matrix"] [data-from][tabindex="0"]');
    const [firstSource, firstDestination] = [await first.getAttribute('data-from'), await first.getAttribute('data-to')];
    await first.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const focused = await page.evaluate(() => {
      const cell = (globalThis as any).document.activeElement;
      return [cell.dataset.from, cell.dataset.to];
    });
    expect(focused[0]).not.toBe(firstSource);
    expect(focused[1]).not.toBe(firstDestination);
    expect(await page.locator('[data-role="explain-text"]').textContent()).toMatch(new RegExp(`^${focused[0]} -> ${focused[1]} `));
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-role="explanation"]').isHidden()).toBe(true);
  });

  test('the filters narrow the matrix, and hiding self pairs hides the diagonal', async () => {
    const page = opened.page;
    await page.fill('#filter-from', 'payments');
    await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('.line.cells').length < 200);
    await ready(page);
    const shown = await cells(page);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every(([source]) => source.includes('payments'))).toBe(true);
    await page.check('#hide-self');
    expect(await page.locator('.c.s').first().isVisible()).toBe(false);
    await page.fill('#filter-from', '');
    expect(opened.errors).toEqual([]);
  });
});

describe('the report the demo app writes on synth', () => {
  const app = Testing.app();
  shopApp(app);
  let opened: OpenedPage;
  let evaluator: Evaluator;

  beforeAll(async () => {
    evaluator = new Evaluator(ClusterModel.fromManifests(renderApp(app).documents));
    app.synth();
    opened = await open(path.join(app.outdir, REPORT_FILES.html));
  });

  test('loads nothing, raises no error, and explains its cells as explain does', async () => {
    const page = opened.page;
    expect(await page.locator('#intents').textContent()).toContain('acknowledged');
    await expectMatchesEvaluator(page, evaluator, { portName: 'http' }, 25);
    const { panel } = await explainCell(page, 'shop/frontend', 'shop/api');
    expect(panel).toContain('ALLOWED');
    expect(panel).toContain('shop/allow-frontend-to-api');
    await page.selectOption('#port', { label: 'TCP/5432' });
    await ready(page);
    await expectMatchesEvaluator(page, evaluator, { port: 5432 }, 25);
    const denied = await explainCell(page, 'shop/frontend', 'data/db');
    expect(denied.panel).toContain('DENIED');
    expect(denied.panel).toContain('data/default-deny-all');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'report-demo.png'), fullPage: true });
    expect(opened.requests).toEqual([]);
    expect(opened.errors).toEqual([]);
  });

  test('a click on an edge of the graph explains that connection', async () => {
    const page = opened.page;
    await page.selectOption('#port', { label: 'TCP/http' });
    await ready(page);
    const edge = page.locator('path.edge[data-from]').first();
    const [source, destination] = [await edge.getAttribute('data-from'), await edge.getAttribute('data-to')];
    // A curve's box centre need not be on the curve: dispatch the click to the edge itself.
    await edge.dispatchEvent('click');
    const text = await page.locator('[data-role="explain-text"]').textContent();
    expect(text).toBe(VerdictReport.toText(evaluator.check({ source: source!, destination: destination!, portName: 'http' })));
    // And from the keyboard: the edges and nodes are focusable.
    await page.locator('g.node').first().focus();
    await page.keyboard.press('Enter');
    expect(await page.locator('g.node.selected').count()).toBe(1);
    expect(opened.errors).toEqual([]);
  });
});

describe('the report of more workloads than the page draws cell by cell', () => {
  test('says what it summarized, and raises no error', async () => {
    const documents = documentsOf([...clusterObjects(findScale('M'), 1)]);
    const evaluator = new Evaluator(ClusterModel.fromManifests(documents));
    const matrices = [{ port: 80 }, { portName: 'http' }].map((q) => evaluator.matrix(q));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-netpol-report-')), 'report.html');
    fs.writeFileSync(file, ReachabilityReport.toHtml({ intents: [], findings: [], matrices, evaluator }));
    const { page, requests, errors } = await open(file);
    expect(await page.locator('#matrix-note').textContent()).toMatch(/^This app has 2,000 workloads, more than the 500 the page draws cell by cell: /);
    const namespaces = new Set(evaluator.model.workloads.map((w) => w.namespaceName)).size;
    expect(await page.locator('table.counts tbody tr').count()).toBe(namespaces);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'report-M.png') });
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  });
});
