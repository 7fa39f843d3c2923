import type * as z from 'zod/mini';

/**
 * zod/mini ships no error messages (that is where its size saving comes from), so we word the few issue kinds our
 * schemas can raise ourselves: "questions[1].type: got "stars", expected one of emoji, thumbs, …".
 */
type Issue = z.core.$ZodIssue;

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

const show = (value: unknown): string => {
  try {
    const json = JSON.stringify(value);
    return json === undefined ? String(value) : json.length > 60 ? `${json.slice(0, 57)}…` : json;
  } catch {
    return String(value);
  }
};

export function describeIssue(issue: Issue, input?: unknown): string {
  const where = formatPath(issue.path);
  const got = input === undefined ? '' : `got ${show(input)}, `;
  let expected: string;
  switch (issue.code) {
    case 'invalid_type':
      expected = input === undefined ? `is required (${issue.expected})` : `expected ${issue.expected}`;
      return `${where || 'value'}: ${input === undefined ? expected : got + expected}`;
    case 'invalid_value':
      expected = `expected one of ${issue.values.map(show).join(', ')}`;
      break;
    case 'too_small':
      expected = issue.origin === 'string' ? `expected at least ${issue.minimum} characters` : issue.origin === 'array' ? `expected at least ${issue.minimum} items` : `expected ≥ ${issue.minimum}`;
      break;
    case 'too_big':
      expected = issue.origin === 'string' ? `expected at most ${issue.maximum} characters` : issue.origin === 'array' ? `expected at most ${issue.maximum} items` : `expected ≤ ${issue.maximum}`;
      break;
    case 'invalid_format':
      expected = `expected a valid ${issue.format}`;
      break;
    case 'unrecognized_keys':
      expected = `unknown key(s) ${issue.keys.join(', ')}`;
      break;
    case 'invalid_union':
      expected = 'does not match any allowed form';
      break;
    default:
      expected = issue.message;
  }
  return `${where || 'value'}: ${got}${expected}`;
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
  return error.issues.map((issue) => describeIssue(issue, issue.code === 'custom' ? undefined : valueAt(root, issue.path)));
}
