import { html, nothing, type TemplateResult } from 'lit';
import type { Answer } from '../schema/payload.ts';
import type { Question } from '../schema/survey.ts';
import { LIMITS } from '../schema/limits.ts';
import { format, type Strings } from '../i18n/index.ts';
import { face, thumb } from './icons.ts';
import { labelsFor, optionsFor, promptFor } from './options.ts';

export type QuestionView = {
  question: Question;
  strings: Strings;
  /** Unique per element instance, so two widgets on one page never share radio names or ids. */
  uid: string;
  value: Answer['value'] | undefined;
  other: string;
  disabled: boolean;
  /** The visitor chose an option (pointer or keyboard confirm). */
  onPick: (q: Question, value: number | string) => void;
  onText: (q: Question, value: string, field: 'value' | 'other') => void;
};

/**
 * One question as native form controls: a fieldset + legend with radios (ratings, single choice) or checkboxes
 * (multiple choice), or a labelled textarea. Native controls give arrow-key movement, focus and announcements for
 * free; the visible element a customer clicks is the <label part="option" data-value>.
 */
export function renderQuestion(v: QuestionView): TemplateResult {
  const { question: q, strings: s } = v;
  const id = `${v.uid}-${q.id}`;
  const prompt = promptFor(q, s);
  if (q.type === 'text') {
    const max = q.maxLength ?? 1000;
    const text = typeof v.value === 'string' ? v.value : '';
    return html`<div class="q q-text" part="question">
      <label part="prompt" class="prompt" for=${id}>${prompt}</label>
      <textarea id=${id} part="textarea" rows="3" maxlength=${max} .value=${text} ?disabled=${v.disabled}
        placeholder=${q.placeholder ?? s.followUpPlaceholder} aria-describedby=${`${id}-count`}
        @input=${(e: Event) => v.onText(q, (e.target as HTMLTextAreaElement).value, 'value')}></textarea>
      <span id=${`${id}-count`} class="count" aria-live="off">${format(s.charsLeft, { n: max - text.length })}</span>
    </div>`;
  }
  const multiple = (q.type === 'choice' || q.type === 'reaction') && q.multiple === true;
  const picked = (value: number | string) =>
    Array.isArray(v.value) ? v.value.includes(String(value)) : v.value === value;
  const ends = labelsFor(q, s);
  const options = optionsFor(q, s);
  return html`<fieldset class="q q-${q.type}" part="question" ?disabled=${v.disabled}>
    <legend part="prompt" class="prompt">${prompt}${multiple ? html`<span class="hint">${s.selectAll}</span>` : nothing}</legend>
    <div class="options" part="options">
      ${options.map(
        (
          o,
        ) => html`<label part="option${picked(o.value) ? ' option-selected' : ''}" class="option" data-value=${o.value}>
          <input type=${multiple ? 'checkbox' : 'radio'} name=${id} .value=${String(o.value)} .checked=${picked(o.value)}
            aria-label=${o.name} @click=${() => v.onPick(q, o.value)} />
          ${q.type === 'emoji' ? face(Number(o.value)) : q.type === 'thumbs' ? html`<span class=${o.value === 0 ? 'icon down' : 'icon'}>${thumb()}</span>` : nothing}
          ${o.emoji ? html`<span class="emoji" aria-hidden="true">${o.emoji}</span>` : nothing}
          ${o.text ? html`<span class="text">${o.text}</span>` : nothing}
        </label>`,
      )}
    </div>
    ${ends ? html`<div class="ends" part="labels" aria-hidden="true"><span>${ends[0]}</span><span>${ends[1]}</span></div>` : nothing}
    ${
      picked('other')
        ? html`<input class="other" part="input" type="text" aria-label=${s.otherPlaceholder} placeholder=${s.otherPlaceholder} maxlength=${LIMITS.labelLength * 4}
          .value=${v.other} @input=${(e: Event) => v.onText(q, (e.target as HTMLInputElement).value, 'other')} />`
        : nothing
    }
  </fieldset>`;
}
