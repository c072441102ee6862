// The typed client a frontend builds from Podium's OpenAPI document: the types are generated from
// the served /q/openapi by openapi-typescript (generated/podium.ts), the calls go through
// openapi-fetch, so a path, parameter or field the document does not have fails to compile.
import createClient from "openapi-fetch";
import type { components, paths } from "../generated/podium.js";

export type Schemas = components["schemas"];
export type Problem = Schemas["Problem"];

/** Where the service under test listens; scripts/frontend-check.sh sets it. */
export const baseUrl = process.env.PODIUM_URL ?? "http://localhost:8080";

export const api = createClient<paths>({ baseUrl });

/** A client whose writes carry a bearer token (a dev token from scripts/token.sh in the checks). */
export function signedIn(token: string) {
  return createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${token}` } });
}

/** The token passed in by the check script, or a failed test that says what is missing. */
export function editorToken(): string {
  const token = process.env.PODIUM_EDITOR_TOKEN;
  if (!token) {
    throw new Error("PODIUM_EDITOR_TOKEN is not set (scripts/token.sh editor mints one)");
  }
  return token;
}

/** Fails with the answer's status and body when a call did not succeed. */
export function ok<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data === undefined) {
    throw new Error(
      `${result.response.status} from ${result.response.url}: ${JSON.stringify(result.error)}`,
    );
  }
  return result.data;
}
