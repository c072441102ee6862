// The breaking-change check itself: deliberate breaks in scratch copies of the served document
// must each be caught, and additions must not be. Keeps the check honest across tool upgrades.
import assert from "node:assert/strict";
import { before, test } from "node:test";
import { breaking } from "./breaking-changes.js";
import { baseUrl } from "./client.js";

// Scratch copies are edited freely, as JSON.
type Json = any;

let served: Json;

before(async () => {
  served = await (await fetch(`${baseUrl}/q/openapi?format=json`)).json();
});

function changed(edit: (doc: Json) => void): string[] {
  const copy = structuredClone(served);
  edit(copy);
  return breaking(served, copy).map((c) => `${c.where}: ${c.description}`);
}

test("the served document against itself: nothing breaks", () => {
  assert.deepEqual(changed(() => {}), []);
});

test("a removed operation breaks", () => {
  const found = changed((d) => delete d.paths["/api/v1/talks/{slug}/related"]);
  assert.ok(found.length > 0);
});

// Which parameter or field goes is read from the document, so that these hold whatever it has.
test("a removed parameter breaks", () => {
  const name: string = served.paths["/api/v1/talks"].get.parameters[0].name;
  const found = changed((d) => {
    const op = d.paths["/api/v1/talks"].get;
    op.parameters = op.parameters.filter((p: Json) => p.name !== name);
  });
  assert.ok(found.some((f) => f.includes(name)), `${name}: ${found.join("\n")}`);
});

test("a removed response field breaks", () => {
  const name: string = served.components.schemas.TalkSummary.required[1];
  const found = changed((d) => {
    const summary = d.components.schemas.TalkSummary;
    delete summary.properties[name];
    summary.required = summary.required.filter((r: string) => r !== name);
  });
  assert.ok(found.some((f) => f.includes(name)), `${name}: ${found.join("\n")}`);
});

test("a changed type breaks", () => {
  const found = changed((d) => (d.components.schemas.PageInfo.properties.total = { type: "string" }));
  assert.ok(found.some((f) => f.includes("total")), found.join("\n"));
});

test("a new required input breaks", () => {
  const body = changed((d) => d.components.schemas.TopicInput.required.push("description"));
  assert.ok(body.some((f) => f.includes("required")), body.join("\n"));
  const param = changed((d) => {
    const q = d.paths["/api/v1/search"].get.parameters.find((p: Json) => p.name === "q");
    q.required = true;
  });
  assert.ok(param.length > 0);
});

test("additions do not break", () => {
  const found = changed((d) => {
    d.components.schemas.TalkSummary.properties.subtitle = { type: "string" };
    d.paths["/api/v1/talks"].get.parameters.push({
      name: "room",
      in: "query",
      schema: { type: "string" },
    });
    d.paths["/api/v1/talks"].get.description += " More.";
  });
  assert.deepEqual(found, []);
});
