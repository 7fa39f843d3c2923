import { Metadata } from '../schema/payload.ts';
import { RATING_KINDS, SCALES, type RatingKind } from '../schema/scales.ts';
import { Survey, type Question } from '../schema/survey.ts';
import { describeIssues } from '../schema/issues.ts';
import { defaultSurveyId } from './id.ts';

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
  baseUrl: string;
  pageProtocol: string;
};

export type Config = {
  endpoint: string;
  touchpoint: string;
  survey: Survey;
  metadata: Metadata;
};

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

const FOLLOW_UP_WHEN = ['always', 'negative', 'positive', 'not-positive'] as const;
const TOUCHPOINT = /^[\w.:/-]{1,64}$/;
const list = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');

/**
 * Turns the element's attributes into one validated survey. Every problem is collected (not just the first) and
 * worded as `<attribute>="<value>": <what is allowed>` so the console tells a site owner exactly what to fix.
 */
export function resolveConfig(input: ConfigInput): ConfigResult {
  const problems: string[] = [];
  const endpoint = resolveEndpoint(input, problems);

  const touchpoint = input.touchpoint?.trim() ?? '';
  if (!TOUCHPOINT.test(touchpoint)) {
    problems.push(touchpoint ? `touchpoint="${touchpoint}": use 1–64 letters, digits or _ . : / -` : 'touchpoint is required (e.g. touchpoint="checkout")');
  }

  let metadata: Metadata = {};
  if (input.metadata) {
    const parsed = parseJson(input.metadata);
    const result = parsed.ok ? Metadata.safeParse(parsed.value) : undefined;
    if (!parsed.ok) problems.push(`metadata: not valid JSON (${parsed.error}); expected an object of string, number or boolean values`);
    else if (!result?.success || Array.isArray(parsed.value)) {
      const detail = result && !result.success ? describeIssues(result.error, parsed.value).join('; ') : 'got an array';
      problems.push(`metadata: ${detail}; expected an object of string, number or boolean values`);
    } else metadata = result.data;
  }

  const survey = resolveSurvey(input, touchpoint, problems);
  if (problems.length || !endpoint || !survey) return { ok: false, problems };
  return { ok: true, config: { endpoint, touchpoint, survey, metadata } };
}

function resolveEndpoint(input: ConfigInput, problems: string[]): string | undefined {
  const raw = input.endpoint?.trim();
  if (!raw) {
    problems.push('endpoint is required: the URL that receives responses (e.g. endpoint="https://collector.example.com/responses")');
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
    problems.push(`endpoint="${raw}": must use https (http is only allowed when the page itself is served over http, or for localhost)`);
    return undefined;
  }
  if (url.username || url.password) {
    problems.push(`endpoint="${raw}": must not contain credentials`);
    return undefined;
  }
  return url.href;
}

function resolveSurvey(input: ConfigInput, touchpoint: string, problems: string[]): Survey | undefined {
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
  if (raw === undefined) {
    raw = surveyFromAttributes(input, touchpoint, problems);
    source = 'attributes';
    if (!raw) return undefined;
  }
  const result = Survey.safeParse(raw);
  if (!result.success) {
    for (const issue of describeIssues(result.error, raw)) problems.push(`${source}: ${issue}`);
    return undefined;
  }
  return result.data;
}

function surveyFromAttributes(input: ConfigInput, touchpoint: string, problems: string[]): Survey | undefined {
  const kind = input.question?.trim() ?? '';
  if (!(RATING_KINDS as readonly string[]).includes(kind)) {
    problems.push(
      kind
        ? `question="${kind}": expected one of ${list(RATING_KINDS)} (choice and text questions need a full survey in a child <script type="application/json">)`
        : `question is required: one of ${list(RATING_KINDS)}, or a full survey in a child <script type="application/json">`,
    );
    return undefined;
  }
  const when = input.followUpWhen?.trim() || 'always';
  if (!(FOLLOW_UP_WHEN as readonly string[]).includes(when)) problems.push(`follow-up-when="${when}": expected one of ${list(FOLLOW_UP_WHEN)}`);

  const first: Question = { id: kind, type: kind as RatingKind };
  if (input.prompt?.trim()) first.prompt = input.prompt.trim();
  const questions: Question[] = [first];
  const followUp = input.followUp?.trim();
  if (followUp) {
    const q: Question = { id: 'follow-up', type: 'text', prompt: followUp };
    if (when === 'negative' || when === 'positive') q.showIf = { question: kind, sentiment: when };
    // "Anything we could do better?" after every answer that was not clearly positive.
    if (when === 'not-positive') q.showIf = { question: kind, max: SCALES[kind as RatingKind].positiveMin - 1 };
    questions.push(q);
  }
  const id = input.surveyId?.trim() || defaultSurveyId(touchpoint, kind);
  return { id, questions };
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
