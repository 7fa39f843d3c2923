import type * as z from 'zod/mini';

/**
 * zod/mini ships no error messages (that is where its size saving comes from), so we word the few issue kinds our
 * schemas can raise ourselves: "questions[1].type: got "stars", expected one of emoji, thumbs, …".
 */
type Issue = z.core.$ZodIssue;

/** `answers[0].value`; a key that is not a plain name is quoted, so a NUL or newline in it never reaches a log raw. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    const name = String(key);
    if (!/^[\w$-]+$/.test(name)) return `${out}[${JSON.stringify(name)}]`;
    return out ? `${out}.${name}` : name;
  }, '');
}

/**
 * A short, safe rendering of a bad value. Never String(value) on an object or array: on deeply nested input (an
 * attacker's 5,000 levels of arrays) it recurses until the stack overflows, as JSON.stringify just did.
 */
const show = (value: unknown): string => {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  if (json === undefined)
    return Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : typeof value;
  return json.length > 60 ? `${json.slice(0, 57)}…` : json;
};

const sized = (origin: string, bound: string, limit: unknown, otherwise: string): string =>
  origin === 'string'
    ? `expected ${bound} ${limit} characters`
    : origin === 'array'
      ? `expected ${bound} ${limit} items`
      : otherwise;

/** What was expected, in words. */
function expectation(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map(show).join(', ')}`;
    case 'too_small':
      return sized(issue.origin, 'at least', issue.minimum, `expected ≥ ${issue.minimum}`);
    case 'too_big':
      return sized(issue.origin, 'at most', issue.maximum, `expected ≤ ${issue.maximum}`);
    case 'invalid_format':
      // Our patterns carry their own wording ("expected 1–64 letters, digits or …"); built-in formats do not.
      return issue.format === 'regex' && issue.message ? issue.message : `expected a valid ${issue.format}`;
    case 'unrecognized_keys':
      return `unknown key(s) ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'does not match any allowed form';
    case 'invalid_key':
      return `key ${show(issue.path.at(-1))}: ${issue.issues.map(expectation).join('; ')}`;
    default:
      return issue.message;
  }
}

export function describeIssue(issue: Issue, input?: unknown): string {
  const where = formatPath(issue.path) || 'value';
  if (issue.code === 'invalid_type' && input === undefined) return `${where}: is required (${issue.expected})`;
  // The value under a bad key is not the problem, and a sub-issue of a key has no value of its own to show.
  if (input === undefined || issue.code === 'invalid_key') return `${where}: ${expectation(issue)}`;
  return `${where}: got ${show(input)}, ${expectation(issue)}`;
}

/** Reads the offending input back out of the parsed object by the issue's path (mini issues don't carry it). */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

export function describeIssues(error: z.core.$ZodError, root: unknown): string[] {
  return error.issues.map((issue) =>
    describeIssue(issue, issue.code === 'custom' ? undefined : valueAt(root, issue.path)),
  );
}
