import { LIMITS } from '../schema/limits.ts';
import type { Metadata } from '../schema/payload.ts';
import { RATING_KINDS, REACTIONS, REACTION_KIND, SCALES, type RatingKind } from '../schema/scales.ts';
import type { Question, Survey } from '../schema/survey.ts';
import type { SurveyCheck } from './check-survey.ts';
import { defaultSurveyId } from './id.ts';
import { fillPlaceholders } from './placeholders.ts';
import { parseRecovery } from './recovery.ts';

/** What the element hands over: its attributes/properties as they are, plus the text of a child JSON script. */
export type ConfigInput = {
  endpoint?: string | null;
  touchpoint?: string | null;
  question?: string | null;
  prompt?: string | null;
  followUp?: string | null;
  followUpWhen?: string | null;
  surveyId?: string | null;
  metadata?: string | null;
  survey?: unknown;
  surveyJson?: string | null;
  /** Journey stage of the touchpoint; wins over the survey's own `stage`. */
  stage?: string | null;
  /** JSON `{ text, href }`; wins over the survey's own `recovery`. */
  recovery?: string | null;
  /** Faces and reactions without their visible names. */
  hideLabels?: boolean;
  baseUrl: string;
  pageProtocol: string;
};

export type Config = {
  endpoint: string;
  touchpoint: string;
  survey: Survey;
  metadata: Metadata;
};

/**
 * Not ok with `needsSurveyCheck`: the survey is JSON and its check (which needs zod, loaded on demand) was not given;
 * nothing is wrong yet. Call again with it.
 */
export type ConfigResult =
  /** `warnings`: worth a console line, not worth hiding the widget (a `{placeholder}` the metadata lacks). */
  { ok: true; config: Config; warnings: string[] } | { ok: false; problems: string[]; needsSurveyCheck?: true };

const FOLLOW_UP_WHEN = ['always', 'negative', 'positive', 'not-positive'] as const;
/** Kinds a widget set up by attributes can ask; choice and text need a JSON survey. */
const ATTRIBUTE_KINDS = [...RATING_KINDS, REACTION_KIND] as const;
type AttributeKind = (typeof ATTRIBUTE_KINDS)[number];
const TOUCHPOINT = /^[\w.:/-]{1,64}$/;
/** The survey schema's id rule (src/schema/survey.ts). */
const SURVEY_ID = /^[\w.:-]{1,64}$/;
const list = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');

/**
 * Turns the element's attributes into one validated survey. Every problem is collected (not just the first) and
 * worded as `<attribute>="<value>": <what is allowed>` so the console tells a site owner exactly what to fix.
 * Attributes are checked here by hand; a JSON survey by `checkSurvey` (load-check.ts).
 */
export function resolveConfig(input: ConfigInput, checkSurvey?: SurveyCheck): ConfigResult {
  const problems: string[] = [];
  const endpoint = resolveEndpoint(input, problems);

  const touchpoint = input.touchpoint?.trim() ?? '';
  if (!TOUCHPOINT.test(touchpoint)) {
    problems.push(
      touchpoint
        ? `touchpoint="${touchpoint}": use 1–64 letters, digits or _ . : / -`
        : 'touchpoint is required (e.g. touchpoint="checkout")',
    );
  }

  let metadata: Metadata = {};
  if (input.metadata) {
    const parsed = parseJson(input.metadata);
    const problem = parsed.ok ? metadataProblem(parsed.value) : `not valid JSON (${parsed.error})`;
    if (problem) problems.push(`metadata: ${problem}; expected an object of string, number or boolean values`);
    else metadata = (parsed as { value: Metadata }).value;
  }

  const stage = input.stage?.trim();
  if (stage && !TOUCHPOINT.test(stage)) problems.push(`stage="${stage}": use 1–64 letters, digits or _ . : / -`);
  const recovery = input.recovery?.trim() ? parseRecovery(input.recovery) : undefined;
  if (recovery && !recovery.ok) problems.push(recovery.problem);

  const survey = resolveSurvey(input, touchpoint, problems, checkSurvey);
  if (survey == 'needs check') return { ok: false, problems, needsSurveyCheck: true };
  if (problems.length || !endpoint || !survey) return { ok: false, problems };
  if (stage) survey.stage = stage;
  if (recovery?.ok) survey.recovery = recovery.recovery;
  const filled = fillPlaceholders(survey, metadata);
  const warnings = filled.missing.map(
    (key) =>
      `{${key}}: no such key in metadata; shown as it is (metadata keys: ${Object.keys(metadata).join(', ') || 'none'})`,
  );
  return { ok: true, config: { endpoint, touchpoint, survey: filled.survey, metadata }, warnings };
}

function resolveEndpoint(input: ConfigInput, problems: string[]): string | undefined {
  const raw = input.endpoint?.trim();
  if (!raw) {
    problems.push(
      'endpoint is required: the URL that receives responses (e.g. endpoint="https://collector.example.com/responses")',
    );
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(raw, input.baseUrl);
  } catch {
    problems.push(`endpoint="${raw}": not a valid URL; use an absolute https URL or a path relative to the page`);
    return undefined;
  }
  const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && (input.pageProtocol === 'http:' || local))) {
    problems.push(
      `endpoint="${raw}": must use https (http is only allowed when the page itself is served over http, or for localhost)`,
    );
    return undefined;
  }
  if (url.username || url.password) {
    problems.push(`endpoint="${raw}": must not contain credentials`);
    return undefined;
  }
  return url.href;
}

function resolveSurvey(
  input: ConfigInput,
  touchpoint: string,
  problems: string[],
  checkSurvey: SurveyCheck | undefined,
): Survey | undefined | 'needs check' {
  let raw: unknown = input.survey;
  let source = 'survey property';
  if (raw === undefined && input.surveyJson?.trim()) {
    source = 'survey JSON (<script type="application/json">)';
    const parsed = parseJson(input.surveyJson);
    if (!parsed.ok) {
      problems.push(`${source}: not valid JSON (${parsed.error})`);
      return undefined;
    }
    raw = parsed.value;
  }
  if (raw === undefined) return surveyFromAttributes(input, touchpoint, problems);
  if (!checkSurvey) return 'needs check';
  const result = checkSurvey(raw, source);
  if (result.ok) return result.survey;
  problems.push(...result.problems);
  return undefined;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value == 'object' && value !== null && !Array.isArray(value);

/** The payload's metadata rules (src/schema/payload.ts), by hand: what is wrong, or undefined. */
function metadataProblem(value: unknown): string | undefined {
  if (!isPlainObject(value)) return `got ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}`;
  const entries = Object.entries(value);
  if (entries.length > LIMITS.metadataKeys) return `at most ${LIMITS.metadataKeys} keys, got ${entries.length}`;
  for (const [key, item] of entries) {
    if (!key || key.length > LIMITS.metadataKeyLength)
      return `key "${key.slice(0, 60)}": use 1–${LIMITS.metadataKeyLength} characters`;
    const ok =
      typeof item == 'boolean' ||
      (typeof item == 'number' && Number.isFinite(item)) ||
      (typeof item == 'string' && item.length <= LIMITS.metadataValueLength);
    if (!ok) {
      const shown =
        typeof item == 'string'
          ? `a string of ${item.length} characters (at most ${LIMITS.metadataValueLength})`
          : (JSON.stringify(item) ?? typeof item);
      return `${key}: got ${shown.slice(0, 80)}`;
    }
  }
  return undefined;
}

function surveyFromAttributes(input: ConfigInput, touchpoint: string, problems: string[]): Survey | undefined {
  const kind = (input.question?.trim() ?? '') as AttributeKind;
  if (!ATTRIBUTE_KINDS.includes(kind)) {
    problems.push(
      kind
        ? `question="${kind}": expected one of ${list(ATTRIBUTE_KINDS)} (choice and text questions need a full survey in a child <script type="application/json">)`
        : `question is required: one of ${list(ATTRIBUTE_KINDS)}, or a full survey in a child <script type="application/json">`,
    );
    return undefined;
  }
  const when = input.followUpWhen?.trim() || 'always';
  if (!(FOLLOW_UP_WHEN as readonly string[]).includes(when))
    problems.push(`follow-up-when="${when}": expected one of ${list(FOLLOW_UP_WHEN)}`);

  const first: Question = { id: kind, type: kind };
  if (input.hideLabels) first.hideLabels = true;
  const prompt = input.prompt?.trim();
  if (prompt) first.prompt = prompt;
  if (prompt && prompt.length > LIMITS.promptLength)
    problems.push(`prompt: at most ${LIMITS.promptLength} characters, got ${prompt.length}`);
  const questions: Question[] = [first];
  const followUp = input.followUp?.trim();
  if (followUp && followUp.length > LIMITS.promptLength) {
    problems.push(`follow-up: at most ${LIMITS.promptLength} characters, got ${followUp.length}`);
  }
  if (followUp) {
    const q: Question = { id: 'follow-up', type: 'text', prompt: followUp };
    if (when === 'negative' || when === 'positive') q.showIf = { question: kind, sentiment: when };
    // "Anything we could do better?" after every answer that was not clearly positive.
    if (when === 'not-positive') {
      q.showIf =
        kind === REACTION_KIND
          ? { question: kind, in: REACTIONS.filter((r) => r.valence !== 'positive').map((r) => r.value) }
          : { question: kind, max: SCALES[kind as RatingKind].positiveMin - 1 };
    }
    questions.push(q);
  }
  const id = input.surveyId?.trim() || defaultSurveyId(touchpoint, kind);
  if (!SURVEY_ID.test(id)) problems.push(`survey-id="${id}": use 1–${LIMITS.idLength} letters, digits or _ . : -`);
  return { id, questions };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
