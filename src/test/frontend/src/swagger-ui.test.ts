// Swagger UI as a person uses it, in a real (headless) Chromium: "Try it out" on a search, then
// "Authorize" with an editor token and a write. Screenshots go to target/frontend/ (not uploaded).
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { after, before, test } from "node:test";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import { baseUrl, editorToken } from "./client.js";

const shots = process.env.PODIUM_SCREENSHOTS ?? "../../../target/frontend";
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";

let browser: Browser;
let page: Page;

before(async () => {
  mkdirSync(shots, { recursive: true });
  browser = await chromium.launch({ executablePath, headless: true });
  page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  page.setDefaultTimeout(30_000);
  await page.goto(`${baseUrl}/q/swagger-ui/`);
  await page.locator(".opblock").first().waitFor();
});

after(async () => {
  await browser?.close();
});

/** Expands an operation (Swagger UI ids it `operations-<tag>-<operationId>`) and presses "Try it out". */
async function tryItOut(tag: string, operationId: string): Promise<Locator> {
  const op = page.locator(`#operations-${tag}-${operationId}`);
  await op.locator(".opblock-summary").first().click();
  await op.locator("button.try-out__btn").click();
  return op;
}

/** Presses "Execute" and gives the live response's status code and body text. */
async function execute(op: Locator): Promise<{ status: string; body: string }> {
  await op.locator("button.execute").click();
  const live = op.locator(".live-responses-table .response");
  await live.first().waitFor();
  const status = (await live.locator(".response-col_status").first().innerText()).trim();
  const body = await op.locator(".live-responses-table .response-col_description pre").first().innerText();
  return { status, body };
}

test("Try it out: GET /api/v1/search?q=resilience answers 200 with hits", async () => {
  const op = await tryItOut("Search", "search");
  // Swagger UI fills every parameter with its example; a person searching clears the filters.
  for (const input of await op.locator("tr[data-param-name] input[type=text]").all()) {
    await input.fill("");
  }
  await op.locator('tr[data-param-name="q"] input').fill("resilience");
  const { status, body } = await execute(op);
  assert.equal(status, "200", body);
  const url = await op.locator(".request-url pre").innerText();
  assert.match(url, /\/api\/v1\/search\?q=resilience/);
  const result = JSON.parse(body) as { items: { title: string }[]; page: { total: number } };
  assert.ok(result.items.length > 0, "hits shown");
  assert.ok(result.page.total > 0);
  await op.locator(".live-responses-table").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/swagger-ui-search.png` });
});

test("Authorize with an editor token, then POST /api/v1/topics answers 201", async () => {
  await page.locator(".auth-wrapper button.authorize").click();
  const dialog = page.locator(".dialog-ux .modal-ux");
  await dialog.locator('input[type="text"], input[type="password"]').first().fill(editorToken());
  await dialog.locator("button.modal-btn.auth.authorize").click();
  await dialog.locator("button.modal-btn.auth.btn-done, button.close-modal").first().click();

  const op = await tryItOut("Topics", "createTopic");
  const slug = `swagger-ui-check-${Date.now()}`;
  await op
    .locator("textarea.body-param__text")
    .fill(JSON.stringify({ slug, name: "Swagger UI check", parent: "resiliency" }));
  const { status, body } = await execute(op);
  assert.equal(status, "201", body);
  assert.equal((JSON.parse(body) as { slug: string }).slug, slug);
  // The curl Swagger UI shows carries the token, as a developer would copy it.
  const curl = await op.locator(".curl-command").innerText();
  assert.match(curl, /Authorization: Bearer ey/);
  await op.locator(".live-responses-table").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/swagger-ui-write.png` });
});
