import { KEYS, type StringKey, type Strings } from './en.ts';

const known = new Set<string>(KEYS);

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
 * locale files fetched at run time. Checked by hand, so that zod stays out of pages whose widgets are set by
 * attributes. Never throws.
 */
export function parseStrings(input: unknown): ParsedStrings {
  let json = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch {
      return {
        value: {},
        problems: [
          `cx-feedback: strings: not valid JSON (${show(input)}); expected an object such as {"send":"Submit"}`,
        ],
      };
    }
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { value: {}, problems: [`cx-feedback: strings: expected an object of strings, got ${show(json)}`] };
  }
  const value: Partial<Strings> = {};
  const problems: string[] = [];
  // Keep the good entries, so that one typo does not undo a whole translation.
  for (const [key, text] of Object.entries(json)) {
    if (!known.has(key)) problems.push(unknownKey(key));
    else if (typeof text !== 'string' || !text) {
      problems.push(`cx-feedback: strings.${key}: expected a non-empty string, got ${show(text)}`);
    } else value[key as StringKey] = text;
  }
  return { value, problems };
}
