import type { Context } from '../context.ts';
import { json, jsonError } from '../http/respond.ts';
import { parseListQuery } from '../query.ts';

/** GET /responses: newest first, `?limit=` (1–1000, default 50), `?touchpoint=`, `?surveyId=`. */
export async function listResponses(url: URL, ctx: Context): Promise<Response> {
  const query = parseListQuery(url.searchParams);
  if (!query.ok) return jsonError(400, 'invalid_query', 'invalid query parameters', {}, { issues: query.issues });
  const responses = await ctx.store.listResponses(query.value);
  return json(200, { responses });
}
