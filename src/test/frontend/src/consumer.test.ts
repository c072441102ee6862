// What a frontend does with Podium, through the generated types: render the topic page, page
// through a list, search with facets and follow a suggestion, revalidate with ETags, read problems,
// write with a token and follow the change feed. Runs against the service that
// scripts/frontend-check.sh starts on the demo data.
import assert from "node:assert/strict";
import { test } from "node:test";
import { api, baseUrl, editorToken, ok, signedIn, type Problem, type Schemas } from "./client.js";

type TalkSummary = Schemas["TalkSummary"];

/** The topic page as a site would lay it out: what the overview gives, and nothing else. */
function renderTopicPage(view: Schemas["TopicOverview"]): string {
  const talk = (t: TalkSummary) =>
    `- ${t.title} (${t.speakers.map((s) => s.name).join(", ")}; ` +
    `${t.conference?.name ?? "no conference"})\n  ${t.excerpt ?? ""}`;
  return [
    `# ${view.topic.name}`,
    view.topic.description ?? "",
    `Sub-topics: ${view.topic.children.map((c) => c.name).join(", ")}`,
    `## Presentations at ${view.conference?.name ?? "-"}`,
    ...view.presentations.map(talk),
    "## Past presentations",
    ...view.pastPresentations.map(talk),
    "## Interviews",
    ...view.interviews.map((i) => `- ${i.title} (${i.speaker.name})\n  ${i.excerpt}`),
  ].join("\n");
}

test("the Resiliency topic page renders from one call", async () => {
  const view = ok(
    await api.GET("/api/v1/topics/{slug}/overview", {
      params: { path: { slug: "resiliency" } },
    }),
  );
  assert.equal(view.topic.name, "Resiliency");
  assert.ok(view.presentations.length > 0, "presentations");
  assert.ok(view.pastPresentations.length > 0, "past presentations");
  assert.ok(view.interviews.length > 0, "interviews");
  for (const t of [...view.presentations, ...view.pastPresentations]) {
    assert.ok(t.slug && t.title, "a summary has a slug and a title");
    assert.ok((t.excerpt ?? "").length <= 300, `excerpt of ${t.slug} at most 300 characters`);
  }
  // Past presentations are those of earlier conferences than the reference one, newest first.
  // (The demo conferences' slugs end in their year, so newest first is reverse slug order.)
  const earlier = view.pastPresentations.map((t) => t.conference?.slug ?? "");
  assert.deepEqual(earlier, [...earlier].sort().reverse());
  assert.ok(!earlier.includes(view.conference?.slug ?? ""));

  const page = renderTopicPage(view);
  assert.match(page, /^# Resiliency$/m);
  assert.match(page, /^Sub-topics: .*Chaos Engineering/m);
  assert.match(page, /^## Presentations at QCon/m);
  assert.doesNotMatch(page, /undefined/);
});

test("paging through all talks of a conference follows page.next to the end", async () => {
  const conference = "qcon-sf-2017";
  const whole = ok(
    await api.GET("/api/v1/talks", { params: { query: { conference, limit: 100 } } }),
  );
  const seen: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const { data, response } = await api.GET("/api/v1/talks", {
      params: { query: { conference, limit: 1, cursor } },
    });
    assert.ok(data, `page ${pages + 1}`);
    pages++;
    seen.push(...data.items.map((t) => t.slug));
    assert.equal(data.page.total, whole.page.total, "total counts the whole list on every page");
    const next = data.page.next ?? undefined;
    // The Link header says the same as page.next, for clients that only read headers.
    const link = response.headers.get("Link");
    assert.equal(link !== null, next !== undefined, "Link header exactly when there is a next page");
    if (next) {
      assert.ok(link?.includes(`cursor=${encodeURIComponent(next)}`) || link?.includes(next));
    }
    cursor = next;
  } while (cursor && pages < 50);
  assert.ok(pages > 1, "the conference has more than one page of one talk");
  assert.equal(seen.length, whole.page.total);
  assert.equal(new Set(seen).size, seen.length, "no talk twice");
  assert.deepEqual(
    seen,
    whole.items.map((t) => t.slug),
    "the same order as one big page",
  );
});

test("search with facets, narrow by one, and follow a suggestion", async () => {
  const all = ok(await api.GET("/api/v1/search", { params: { query: { q: "resilience" } } }));
  const byType = all.facets?.["type"] ?? {};
  assert.ok((byType["talk"] ?? 0) > 0, "talks among the hits");
  assert.equal(
    Object.values(byType).reduce((a, b) => a + b, 0),
    all.page.total,
    "type facet counts add up to the total",
  );
  // A big result (tens of thousands of hits) would say its counts are estimates: "about N results".
  assert.equal(all.estimated, false, "a small result is counted hit by hit");
  assert.ok(all.items[0]?.highlights, "hits carry highlights");

  // Clicking the "talk" facet: a repeatable enum parameter, typed as such.
  const talks = ok(
    await api.GET("/api/v1/search", { params: { query: { q: "resilience", type: ["talk"] } } }),
  );
  assert.equal(talks.page.total, byType["talk"]);
  for (const hit of talks.items) {
    assert.equal(hit.type, "talk");
    const summary = hit.summary as TalkSummary;
    assert.ok(summary.title, "a talk hit carries the talk's summary");
  }

  // The search box: complete "resil", then open what the user picked.
  const suggestions = ok(
    await api.GET("/api/v1/search/suggest", { params: { query: { q: "resil" } } }),
  );
  const picked = suggestions.items.find((s) => s.type === "talk");
  assert.ok(picked, "a talk among the suggestions");
  const talk = ok(await api.GET("/api/v1/talks/{slug}", { params: { path: { slug: picked.slug } } }));
  assert.equal(talk.title, picked.text);
});

test("revalidating with If-None-Match answers 304 while nothing changed", async () => {
  const slug = "designing-services-resilience-testing-netflix";
  const first = await api.GET("/api/v1/talks/{slug}", { params: { path: { slug } } });
  assert.equal(first.response.status, 200);
  const etag = first.response.headers.get("ETag");
  assert.ok(etag, "a GET has an ETag");
  assert.match(first.response.headers.get("Cache-Control") ?? "", /public, max-age=\d+/);

  const again = await api.GET("/api/v1/talks/{slug}", {
    params: { path: { slug }, header: { "If-None-Match": etag } },
  });
  assert.equal(again.response.status, 304);
  assert.equal(again.data, undefined, "no body: keep showing the cached one");
  assert.equal(again.response.headers.get("ETag"), etag);

  const stale = await api.GET("/api/v1/talks/{slug}", {
    params: { path: { slug }, header: { "If-None-Match": '"not-the-tag"' } },
  });
  assert.equal(stale.response.status, 200);
});

test("errors are problems, typed by the document", async () => {
  const missing = await api.GET("/api/v1/talks/{slug}", {
    params: { path: { slug: "no-such-talk" } },
  });
  assert.equal(missing.response.status, 404);
  assert.equal(missing.response.headers.get("Content-Type"), "application/problem+json");
  const problem: Problem | undefined = missing.error;
  assert.equal(problem?.status, 404);
  assert.equal(problem?.title, "Not found");
  assert.equal(problem?.instance, "/api/v1/talks/no-such-talk");

  const invalid = await api.GET("/api/v1/talks", { params: { query: { limit: 1000 } } });
  assert.equal(invalid.response.status, 400);
  const fields = (invalid.error?.errors ?? []).map((e) => e.field);
  assert.deepEqual(fields, ["limit"], "the problem names the parameter");
});

test("a write with a token, If-Match, and the change feed that reports it", async () => {
  // Where the feed is now: follow page.next until fewer items than the limit come back.
  let since: string | undefined;
  for (let i = 0; i < 100; i++) {
    const feed = ok(await api.GET("/api/v1/changes", { params: { query: { since, limit: 100 } } }));
    since = feed.page.next ?? since;
    if (feed.items.length < 100) break;
  }
  assert.ok(since, "the feed always gives page.next");

  const anonymous = await api.POST("/api/v1/topics", { body: { name: "Anonymous" } });
  assert.equal(anonymous.response.status, 401);
  assert.equal(anonymous.error?.title, "Authentication required");

  const editor = signedIn(editorToken());
  const slug = `frontend-check-${Date.now()}`;
  const created = await editor.POST("/api/v1/topics", {
    body: { slug, name: "Frontend check", parent: "resiliency" },
  });
  assert.equal(created.response.status, 201, JSON.stringify(created.error));
  assert.equal(created.data?.parent?.slug, "resiliency");
  assert.ok(created.response.headers.get("Location")?.endsWith(`/api/v1/topics/${slug}`));

  const read = await api.GET("/api/v1/topics/{slug}", { params: { path: { slug } } });
  const etag = read.response.headers.get("ETag") ?? "";
  const stale = await editor.PUT("/api/v1/topics/{slug}", {
    params: { path: { slug }, header: { "If-Match": '"stale"' } },
    body: { name: "Frontend check, renamed" },
  });
  assert.equal(stale.response.status, 412);
  assert.equal(stale.error?.status, 412);
  const deleted = await editor.DELETE("/api/v1/topics/{slug}", {
    params: { path: { slug }, header: { "If-Match": etag } },
  });
  assert.equal(deleted.response.status, 204);

  const changes = ok(await api.GET("/api/v1/changes", { params: { query: { since } } }));
  assert.deepEqual(
    changes.items.filter((c) => c.slug === slug).map((c) => `${c.kind} ${c.op}`),
    ["topic upsert", "topic delete"],
  );
});

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  required?: string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
};

test("every field the document says is required is in the answers", async () => {
  const spec = (await (await fetch(`${baseUrl}/q/openapi?format=json`)).json()) as {
    paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }> }>>;
    components: { schemas: Record<string, JsonSchema> };
  };
  const resolve = (s: JsonSchema): JsonSchema =>
    s.$ref ? resolve(spec.components.schemas[s.$ref.split("/").pop() ?? ""] ?? {}) : s;
  const missing: string[] = [];
  const check = (value: unknown, schema: JsonSchema, where: string): void => {
    const s = resolve(schema);
    if (value === null || value === undefined) return;
    if (s.anyOf) {
      // One of the alternatives must fit; the summary of a search hit is one of four.
      const fits = s.anyOf.filter((alt) => {
        const before = missing.length;
        check(value, alt, where);
        const ok = missing.length === before;
        missing.length = before;
        return ok;
      });
      if (fits.length === 0) missing.push(`${where}: fits none of anyOf`);
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => s.items && check(v, s.items, `${where}[${i}]`));
      return;
    }
    if (typeof value === "object") {
      const object = value as Record<string, unknown>;
      for (const name of s.required ?? []) {
        if (!(name in object)) missing.push(`${where}.${name}`);
      }
      for (const [name, property] of Object.entries(s.properties ?? {})) {
        check(object[name], property, `${where}.${name}`);
      }
    }
  };
  const answers: [string, string][] = [
    ["/api/v1/topics/{slug}/overview", "/api/v1/topics/resiliency/overview"],
    ["/api/v1/topics/{slug}", "/api/v1/topics/resiliency"],
    ["/api/v1/topics", "/api/v1/topics"],
    ["/api/v1/conferences", "/api/v1/conferences"],
    ["/api/v1/conferences/{slug}", "/api/v1/conferences/qcon-sf-2018"],
    ["/api/v1/speakers", "/api/v1/speakers"],
    ["/api/v1/talks", "/api/v1/talks"],
    ["/api/v1/talks/{slug}", "/api/v1/talks/designing-services-resilience-testing-netflix"],
    ["/api/v1/talks/{slug}/related", "/api/v1/talks/designing-services-resilience-testing-netflix/related"],
    ["/api/v1/interviews", "/api/v1/interviews"],
    ["/api/v1/search", "/api/v1/search?q=resilience"],
    ["/api/v1/search/suggest", "/api/v1/search/suggest?q=resil"],
    ["/api/v1/changes", "/api/v1/changes"],
  ];
  for (const [template, url] of answers) {
    const schema = spec.paths[template]?.["get"]?.responses["200"]?.content?.["application/json"]?.schema;
    assert.ok(schema, `a 200 schema for ${template}`);
    const response = await fetch(`${baseUrl}${url}`);
    assert.equal(response.status, 200, url);
    check(await response.json(), schema, url);
  }
  const speaker = ok(await api.GET("/api/v1/speakers", { params: { query: { limit: 1 } } }));
  const interview = ok(await api.GET("/api/v1/interviews", { params: { query: { limit: 1 } } }));
  for (const [template, url] of [
    ["/api/v1/speakers/{slug}", `/api/v1/speakers/${speaker.items[0]?.slug}`],
    ["/api/v1/interviews/{slug}", `/api/v1/interviews/${interview.items[0]?.slug}`],
  ] as const) {
    const schema = spec.paths[template]?.["get"]?.responses["200"]?.content?.["application/json"]?.schema;
    assert.ok(schema);
    check(await (await fetch(`${baseUrl}${url}`)).json(), schema, url);
  }
  assert.deepEqual(missing, []);
});
