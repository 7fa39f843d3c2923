import { PayloadV1 } from '../../../src/schema/payload.ts';
import { describeIssues } from '../../../src/schema/issues.ts';
import { answerIssues } from './semantics.ts';

export const SUPPORTED_VERSIONS = [1] as const;

export type ParseResult =
  | { ok: true; payload: PayloadV1 }
  | { ok: false; error: 'invalid_json' | 'unsupported_version' | 'invalid_payload'; message: string; issues?: string[] };

/** Body text → a validated v1 payload, or the reason it is refused (all permanent: the widget dead-letters them). */
export function parsePayload(text: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: 'invalid_json', message: `body is not valid JSON: ${(err as Error).message}` };
  }
  // Checked before the schema so a newer widget gets "unsupported version" instead of a list of field errors.
  if (json !== null && typeof json === 'object' && !Array.isArray(json) && 'v' in json && json.v !== 1) {
    const v = JSON.stringify(json.v);
    return {
      ok: false,
      error: 'unsupported_version',
      message: `payload version v=${v} is not supported by this collector; it accepts v=${SUPPORTED_VERSIONS.join(', ')}`,
      issues: [`v: got ${v}, expected 1`],
    };
  }
  const parsed = PayloadV1.safeParse(json);
  if (!parsed.success) return { ok: false, error: 'invalid_payload', message: 'payload does not match schema v1', issues: describeIssues(parsed.error, json) };
  const issues = answerIssues(parsed.data);
  if (issues.length) return { ok: false, error: 'invalid_payload', message: 'payload does not match schema v1', issues };
  return { ok: true, payload: parsed.data };
}
