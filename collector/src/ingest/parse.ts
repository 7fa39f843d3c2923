import { PayloadV1 } from '../../../src/schema/payload.ts';
import { describeIssues } from '../../../src/schema/issues.ts';
import { MAX_NESTING, nestingDeeperThan } from './depth.ts';

export const SUPPORTED_VERSIONS = [1] as const;

export type ParseResult =
  | { ok: true; payload: PayloadV1 }
  | {
      ok: false;
      error: 'invalid_json' | 'unsupported_version' | 'invalid_payload';
      message: string;
      issues?: string[];
    };

/** Body text → a validated v1 payload, or the reason it is refused (all permanent: the widget dead-letters them). */
export function parsePayload(text: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: 'invalid_json', message: `body is not valid JSON: ${(err as Error).message}` };
  }
  if (nestingDeeperThan(json, MAX_NESTING)) {
    const message = `body nests arrays or objects more than ${MAX_NESTING} levels deep; a v1 payload needs 4`;
    return { ok: false, error: 'invalid_payload', message, issues: [`value: ${message}`] };
  }
  // Checked before the schema so a newer widget gets "unsupported version" instead of a list of field errors.
  if (json !== null && typeof json === 'object' && !Array.isArray(json) && 'v' in json && json.v !== 1) {
    const v = JSON.stringify(json.v);
    return {
      ok: false,
      error: 'unsupported_version',
      message: `payload version v=${v} is not supported by this collector; it accepts v=${SUPPORTED_VERSIONS.join()}`,
      issues: [`v: got ${v}, expected 1`],
    };
  }
  const parsed = PayloadV1.safeParse(json);
  const mismatch = 'payload does not match schema v1';
  if (!parsed.success)
    return { ok: false, error: 'invalid_payload', message: mismatch, issues: describeIssues(parsed.error, json) };
  return { ok: true, payload: withCanonicalIds(parsed.data) };
}

/**
 * UUIDs are case-insensitive (RFC 9562) but stores compare text: the same response sent with its id in upper case
 * must hit the idempotent insert as a duplicate, and a follow-up must find the response it belongs to.
 */
function withCanonicalIds(payload: PayloadV1): PayloadV1 {
  const followUpOf = payload.followUpOf?.toLowerCase();
  return { ...payload, id: payload.id.toLowerCase(), ...(followUpOf === undefined ? {} : { followUpOf }) };
}
