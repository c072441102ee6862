// Fails when a document breaks what clients built from an earlier one rely on: a removed path,
// operation, parameter or field, a changed type, a new required input. The classification is
// api-smart-diff's (OpenAPI 3.0 and 3.1 aware); this only reports it.
//
//   node dist/src/breaking-changes.js BEFORE.json AFTER.json
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { apiCompare } from "api-smart-diff";

export type Change = { type: string; where: string; description: string };

/** Every change from `before` to `after`, classified. */
export function changes(before: unknown, after: unknown): Change[] {
  return apiCompare(before, after).diffs.map((d) => ({
    type: String(d.type),
    where: d.path.join(" > "),
    description: d.description ?? `${d.action}`,
  }));
}

export function breaking(before: unknown, after: unknown): Change[] {
  return changes(before, after).filter((c) => c.type === "breaking");
}

function main(args: string[]): number {
  const [beforeFile, afterFile] = args;
  if (!beforeFile || !afterFile) {
    console.error("usage: breaking-changes BEFORE.json AFTER.json");
    return 2;
  }
  const read = (file: string): unknown => JSON.parse(readFileSync(file, "utf8"));
  const all = changes(read(beforeFile), read(afterFile));
  const counts: Record<string, number> = {};
  for (const c of all) counts[c.type] = (counts[c.type] ?? 0) + 1;
  console.log(`${beforeFile} -> ${afterFile}: ${all.length} changes ${JSON.stringify(counts)}`);
  const broken = all.filter((c) => c.type === "breaking");
  for (const c of broken) console.log(`BREAKING ${c.where}: ${c.description}`);
  if (broken.length > 0) {
    console.log(
      `${broken.length} breaking changes. If they are meant, version the API (or agree it with` +
        " every client) before refreshing the snapshot.",
    );
    return 1;
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = main(process.argv.slice(2));
}
