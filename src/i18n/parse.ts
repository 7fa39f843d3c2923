import * as z from 'zod/mini';
import { KEYS, type Strings } from './en.ts';

const Overrides = z.partialRecord(z.enum(KEYS), z.string().check(z.minLength(1)));

export type ParsedStrings = {
  /** The valid overrides; a bad entry is dropped, the others still apply. */
  value: Partial<Strings>;
  /** One developer-facing message per problem, each starting `cx-feedback:`. */
  problems: string[];
};

const show = (value: unknown): string => (JSON.stringify(value) ?? String(value)).slice(0, 40);

function unknownKey(key: string): string {
  const near = KEYS.find((k) => k.toLowerCase() === key.toLowerCase());
  return `cx-feedback: strings: unknown key "${key}"${near ? ` (did you mean "${near}"?)` : ''}; the keys are listed in docs/i18n.md`;
}

/**
 * The boundary for string overrides: the element's `strings` property (an object) or attribute (JSON text), and
 * locale files fetched at run time. Never throws.
 */
export function parseStrings(input: unknown): ParsedStrings {
  let json = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch {
      return { value: {}, problems: [`cx-feedback: strings: not valid JSON (${show(input)}); expected an object such as {"send":"Submit"}`] };
    }
  }
  const result = Overrides.safeParse(json);
  if (result.success) return { value: result.data, problems: [] };

  const bad = new Set<PropertyKey>();
  const problems = result.error.issues.flatMap((issue) => {
    const key = issue.path[0];
    if (issue.code === 'unrecognized_keys') {
      issue.keys.forEach((k) => bad.add(k));
      return issue.keys.map(unknownKey);
    }
    if (key === undefined) return [`cx-feedback: strings: expected an object of strings, got ${show(json)}`];
    bad.add(key);
    return [`cx-feedback: strings.${String(key)}: expected a non-empty string, got ${show((json as Record<PropertyKey, unknown>)[key])}`];
  });
  // Keep the good entries, so that one typo does not undo a whole translation.
  const rest = json !== null && typeof json === 'object' && !Array.isArray(json) ? Object.entries(json).filter(([k]) => !bad.has(k)) : [];
  return { value: Overrides.safeParse(Object.fromEntries(rest)).data ?? {}, problems };
}
