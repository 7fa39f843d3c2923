import { LIMITS } from '../schema/limits.ts';
import { isSafeHref } from '../schema/links.ts';
import type { Recovery } from '../schema/survey.ts';

/**
 * The `recovery` attribute: JSON `{ "text": "Sorry about that. Chat with us", "href": "/support/chat" }`, the help
 * offered after a negative answer. Returns the offer, or a problem worded for the console.
 */
export function parseRecovery(raw: string): { ok: true; recovery: Recovery } | { ok: false; problem: string } {
  const expected = 'expected {"text": "…", "href": "https://… or /path"}';
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return {
      ok: false,
      problem: `recovery: not valid JSON (${error instanceof Error ? error.message : error}); ${expected}`,
    };
  }
  const { text, href } = (typeof value == 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (typeof text != 'string' || !text.trim() || text.length > LIMITS.promptLength) {
    return { ok: false, problem: `recovery.text: expected 1–${LIMITS.promptLength} characters; ${expected}` };
  }
  if (typeof href != 'string' || !href.trim() || href.length > LIMITS.urlLength || !isSafeHref(href)) {
    const shown = typeof href == 'string' ? `"${href.slice(0, 80)}"` : String(href);
    return { ok: false, problem: `recovery.href=${shown}: expected an http(s) URL or a path relative to the page` };
  }
  return { ok: true, recovery: { text: text.trim(), href: href.trim() } };
}
