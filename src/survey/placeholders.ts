import type { Metadata } from '../schema/payload.ts';
import type { Question, Survey } from '../schema/survey.ts';

const PLACEHOLDER = /\{([\w.-]{1,40})\}/g;

/**
 * Personalised prompts: `{name}` in a question's prompt and in option labels is filled from the widget's metadata
 * (`prompt="How was the delivery of {product}?"`). Values become text, never markup (Lit renders them as text). A
 * key the metadata lacks stays as it is and is returned in `missing`, for a configuration warning.
 */
export function fillPlaceholders(survey: Survey, metadata: Metadata): { survey: Survey; missing: string[] } {
  const missing = new Set<string>();
  const fill = (text: string) =>
    text.replace(PLACEHOLDER, (whole, key: string) => {
      if (Object.hasOwn(metadata, key)) return String(metadata[key]);
      missing.add(key);
      return whole;
    });
  const question = (q: Question): Question => {
    const filled: Question = { ...q };
    if (q.prompt) filled.prompt = fill(q.prompt);
    if (q.options) {
      filled.options = q.options.map((o) =>
        typeof o === 'string' ? { value: o, label: fill(o) } : o.label ? { ...o, label: fill(o.label) } : o,
      );
    }
    return filled;
  };
  return { survey: { ...survey, questions: survey.questions.map(question) }, missing: [...missing] };
}
