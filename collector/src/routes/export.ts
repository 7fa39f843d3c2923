import type { Context } from '../context.ts';
import { CSV_COLUMNS, csvLine, csvRows } from '../export/csv.ts';
import { jsonError } from '../http/respond.ts';
import { parseFilters } from '../query.ts';
import type { ExportCursor, Filters, StoredResponse } from '../store/types.ts';

const PAGE = 500;

/**
 * GET /export.csv and /export.ndjson: every stored response matching the filters (all time unless from/to are
 * given), oldest first. Streamed page by page (keyset on received_at, id) so 100 000 rows never sit in memory.
 */
export function exportRoute(url: URL, ctx: Context, format: 'csv' | 'ndjson'): Response {
  const filters = parseFilters(url.searchParams, { nowMs: ctx.now() });
  if (!filters.ok) return jsonError(400, 'invalid_query', 'invalid query parameters', {}, { issues: filters.issues });
  const encode = format === 'csv' ? csvRows : (r: StoredResponse) => `${JSON.stringify(r)}\n`;
  // A BOM makes Excel read the CSV as UTF-8 (otherwise accents and emoji come out garbled).
  const head = format === 'csv' ? `\uFEFF${csvLine(CSV_COLUMNS)}` : '';
  const stamp = new Date(ctx.now()).toISOString().slice(0, 10);
  return new Response(streamText(head, pages(ctx, filters.value), encode), {
    headers: {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      'content-disposition': `attachment; filename="cx-feedback-${stamp}.${format}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}

async function* pages(ctx: Context, filters: Filters): AsyncGenerator<StoredResponse[]> {
  let after: ExportCursor | undefined;
  for (;;) {
    const page = await ctx.store.exportPage(filters, after, PAGE);
    if (page.length) yield page;
    if (page.length < PAGE) return;
    const last = page[page.length - 1];
    after = { receivedAt: last.receivedAt, id: last.id };
  }
}

function streamText(
  head: string,
  source: AsyncGenerator<StoredResponse[]>,
  encode: (r: StoredResponse) => string,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      if (head) controller.enqueue(encoder.encode(head));
    },
    // Pull-based: the next page is read only when the client has taken the previous one (backpressure).
    async pull(controller) {
      const next = await source.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value.map(encode).join('')));
    },
    async cancel() {
      await source.return(undefined);
    },
  });
}
