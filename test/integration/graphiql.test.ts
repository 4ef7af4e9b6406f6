import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { useTestApp } from '../helpers/app';
import { SEED } from '../helpers/fixtures';
import { ANALYST_EXAMPLES, type AnalystExample } from '../../src/graphql/analyst-examples';

const t = useTestApp();

function example(id: string): AnalystExample {
  const found = ANALYST_EXAMPLES.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`No example question ${id}`);
  return found;
}

describe("GraphiQL's example questions, asked by an analyst", () => {
  let analyst: Record<string, string>;
  beforeAll(async () => {
    analyst = await t.clientHeaders({ name: 'GraphiQL-分析员', roles: ['ANALYST'] });
  });

  it.each(ANALYST_EXAMPLES.map((entry) => [entry.id, entry] as const))('%s answers within the query limits, without errors', async (_id, entry) => {
    const res = await t.gql(entry.query, entry.variables, analyst);
    expect(res.errors).toBeUndefined();
    expect(res.status).toBe(200);
    expect(Object.keys(res.data).length).toBeGreaterThan(0);
  });

  it("gives the article's plan figures: 300 stations in the 2023 plan, 72 rural stations opened in 2023", async () => {
    const plan = example('plan-progress');
    const res = await t.gql(plan.query, plan.variables, analyst);
    expect(res.data.planned.totalCount).toBe(SEED.planYear2023);
    expect(res.data.ruralOpenedInYear.totalCount).toBe(SEED.ruralOpened2023);
    expect(res.data.opened.totalCount).toBeLessThanOrEqual(res.data.planned.totalCount);
  });

  it('counts every district of the city once: the districts add up to the city', async () => {
    const byDistrict = example('stations-by-district');
    const { region } = (await t.gql(byDistrict.query, byDistrict.variables, analyst)).data;
    expect(region.stationCount).toBe(SEED.stationCount);
    expect(region.children.nodes.reduce((sum: number, district: { stationCount: number }) => sum + district.stationCount, 0)).toBe(region.stationCount);
  });
});

/**
 * Debian's chromium package, driven by playwright-core. .ci/run installs it, so in CI (CI=1) its
 * absence is a failure; on a developer machine without it the browser test is skipped and says why.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAS_CHROMIUM = fs.existsSync(CHROMIUM);
const IN_CI = process.env.CI === '1' || process.env.CI === 'true';
const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-output', 'graphiql');
if (!HAS_CHROMIUM && !IN_CI) {
  process.stdout.write(`\nSkipping the GraphiQL browser test: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH).\n`);
}

(HAS_CHROMIUM || IN_CI ? describe : describe.skip)('GraphiQL in headless Chromium, with nothing but this server reachable', () => {
  let browser: Browser;
  let page: Page;
  let origin: string;
  const blocked: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!HAS_CHROMIUM) throw new Error(`No Chromium at ${CHROMIUM}: .ci/run installs it with apt-get install -y chromium`);
    await new Promise<void>((resolve) => t.app.httpServer.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(t.app.httpServer.address() as AddressInfo).port}`;
    // Root in a container has no user namespaces for Chromium's sandbox.
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin) return route.continue();
      blocked.push(url);
      return route.abort('blockedbyclient');
    });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** The text of one of GraphiQL's CodeMirror editors (the page renders only the lines in view). */
  const editorText = (selector: string) =>
    page
      .locator(`${selector} .CodeMirror`)
      .first()
      .evaluate((element) => (element as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue());
  // GraphiQL renders the variables and the headers editor side by side and hides the one not chosen.
  const VARIABLES = '.graphiql-editor-tool > .graphiql-editor:nth-child(1)';
  const HEADERS = '.graphiql-editor-tool > .graphiql-editor:nth-child(2)';

  /** Presses Run and waits for a new answer in the result pane. */
  async function runAndReadResponse(): Promise<Record<string, any>> {
    const before = await editorText('.result-window');
    await page.locator('.graphiql-execute-button').click();
    const deadline = Date.now() + 20_000;
    for (;;) {
      const shown = await editorText('.result-window');
      if (shown.trim().startsWith('{') && shown !== before) return JSON.parse(shown);
      if (Date.now() > deadline) throw new Error(`No new answer in the result pane, which shows: ${shown.slice(0, 500)}`);
      await page.waitForTimeout(100);
    }
  }

  it('runs an example question with an analyst key typed into the header editor, and shows the answer', async () => {
    const question = example('station-record');
    await page.goto(`${origin}/graphiql`);
    // The examples panel is open on arrival, the headers editor below the query.
    const button = page.locator(`#yz-example-${question.id}`);
    await button.waitFor({ state: 'visible', timeout: 20_000 });
    await button.click();
    expect(await editorText('.graphiql-query-editor')).toBe(question.query);
    expect(JSON.parse(await editorText(VARIABLES))).toEqual(question.variables);

    // Without a key the co-building and volunteer parts of a station are refused.
    const anonymous = await runAndReadResponse();
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const analyst = await t.clientHeaders({ name: 'GraphiQL-浏览器分析员', roles: ['ANALYST'] });
    await page.getByRole('button', { name: 'Headers' }).click();
    await page.locator(`${HEADERS} .CodeMirror`).click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.insertText(JSON.stringify({ Authorization: analyst.authorization }));

    const shown = await runAndReadResponse();
    const direct = await t.gql(question.query, question.variables, analyst);
    expect(direct.errors).toBeUndefined();
    expect(shown.errors).toBeUndefined();
    expect(shown.data).toEqual(direct.data);
    await expect(page.locator('.result-window').innerText()).resolves.toContain(direct.data.station.name);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'example-answered.png') });

    // The docs explorer reads the schema from this server too.
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Query', { exact: true }).first().click({ timeout: 20_000 });
    await docs.getByText('stations', { exact: true }).first().waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'docs-explorer.png') });

    expect(blocked).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
