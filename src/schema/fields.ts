import { LIMITS } from './limits.ts';

/**
 * Field rules that the zod schemas (payload.ts) and the browser's hand-written checks (src/transport/payload-check.ts)
 * share, in a module without zod, so that a page whose widgets are set by attributes never loads zod.
 */

/**
 * Every string must be text that any store and any JSON parser keeps as sent: no NUL character and no lone UTF-16
 * surrogate. PostgreSQL refuses both in text and jsonb, so such a payload could never be stored; refusing it here
 * (400, naming the field) tells the sender at once instead of inviting retries. The widget never produces them
 * (src/survey/payload.ts cleans visitor text). The pattern reads the same with and without the regex `u` flag.
 */
export const WELL_FORMED_TEXT = /^(?:[^\u0000\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/;
export const NOT_WELL_FORMED = 'expected well-formed Unicode text (no NUL character, no lone UTF-16 surrogate)';

/**
 * Names the results page groups and filters by. A closed character set keeps them readable in a URL and a filter
 * list (and keeps markup and control characters out of both).
 */
export const NAME_PATTERN = new RegExp(`^[\\w.:/-]{1,${LIMITS.idLength}}$`);
export const NAME_RULE = `1–${LIMITS.idLength} letters, digits or _ . : / -`;
/** A BCP 47 language tag as the widget sends it (`en`, `pt-BR`, `zh-Hant-TW`): letters, digits and hyphens. */
export const LOCALE_PATTERN = /^[A-Za-z0-9-]{1,35}$/;

export const PLACEMENTS = ['inline', 'popover', 'floating'] as const;
export const REDACTION_KINDS = ['email', 'phone', 'card', 'iban', 'id-number', 'url-credentials'] as const;

/** Names of question kinds, today's and those a later v1 widget may add: lower-case letters, digits and hyphens. */
export const KIND_PATTERN = /^[a-z][a-z0-9-]{0,31}$/;
export const KIND_RULE = 'a new kind: 1–32 lower-case letters, digits or -, starting with a letter';
/** Names of context fields, today's and those a later v1 widget may add. */
export const CONTEXT_KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
export const CONTEXT_KEY_RULE = '1–64 letters, digits, _ or -, starting with a letter';
