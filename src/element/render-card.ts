import { html, nothing, type TemplateResult } from 'lit';
import type { Strings } from '../i18n/index.ts';
import type { Question, Recovery } from '../schema/survey.ts';
import type { Status } from './delivery-status.ts';
import { chat, close as closeIcon } from './icons.ts';

export type Phase = 'hidden' | 'asking' | 'follow-up' | 'thanks' | 'error';

/** Everything the card shows, and what its buttons do. */
export type CardView = {
  phase: Phase;
  strings: Strings;
  lang: string;
  dir: string;
  /** A popover or floating card (a dialog with a close button and "Ask me later"), not an inline one. */
  float: boolean;
  /** The questions on screen now: the first one while asking, the follow-ups after it. */
  questions: readonly Question[];
  /** Whether the first question sends itself on a tap (no Send button). */
  oneTap: boolean;
  /** The help link offered with the thank-you after a negative answer. */
  offer?: Recovery;
  status: Status;
  renderQuestion(question: Question): TemplateResult;
  send(): void;
  skip(): void;
  close(reason: 'dismiss' | 'snooze'): void;
  retry(): void;
};

/** The floating launcher; one element across renders, so it keeps focus as the card opens. */
export function renderLauncher(view: {
  strings: Strings;
  lang: string;
  dir: string;
  open: boolean;
  toggle(): void;
  warm(): void;
}): TemplateResult {
  return html`<button class="launcher" part="launcher" lang=${view.lang} dir=${view.dir} aria-expanded=${view.open} aria-haspopup="dialog" @click=${view.toggle} @pointerenter=${view.warm} @focus=${view.warm}>${chat()}<span>${view.strings.launcher}</span></button>`;
}

export function renderCard(view: CardView): TemplateResult {
  const s = view.strings;
  const { phase, float } = view;
  let body: TemplateResult | typeof nothing = nothing;
  if (phase === 'asking')
    body = html`${view.questions.map(view.renderQuestion)}${view.oneTap ? nothing : actions(s, view.send)}`;
  else if (phase === 'follow-up')
    body = html`${view.questions.map(view.renderQuestion)}${actions(s, view.send, view.skip)}`;
  // The status region is rendered from the start so that screen readers announce what later appears in it.
  return html`<div class="card ${float ? 'float' : ''}" part="card" role=${float ? 'dialog' : nothing} aria-label=${float ? s.launcher : nothing} lang=${view.lang} dir=${view.dir}>
    ${float ? html`<button class="close" part="close" aria-label=${s.close} @click=${() => view.close('dismiss')}>${closeIcon()}</button>` : nothing}
    ${body}
    ${float && phase == 'asking' ? html`<p class="later"><button part="button later" class="link" @click=${() => view.close('snooze')}>${s.askLater}</button></p>` : nothing}
    <div part="status" role="status">
      ${phase === 'thanks' ? html`<p class="thanks" part="thanks" tabindex="-1">${s.thanks}</p><p class="line">${s.thanksLine}</p>` : nothing}
      ${phase === 'thanks' && view.offer ? html`<p class="line"><a part="recovery" class="recovery" href=${view.offer.href}>${view.offer.text}</a></p>` : nothing}
      <p class="status">${statusText(phase, view.status, s)}${view.status === 'failed' ? html` <button part="button" class="link" @click=${view.retry}>${s.retry}</button>` : nothing}</p>
    </div>
  </div>`;
}

function actions(s: Strings, send: () => void, skip?: () => void): TemplateResult {
  return html`<div class="actions" part="actions">
    <button part="button button-primary" class="primary" @click=${send}>${s.send}</button>
    ${skip ? html`<button part="button" @click=${skip}>${s.skip}</button>` : nothing}
  </div>`;
}

/** The status line once an answer was given: silent while all is well, honest when it is not. */
function statusText(phase: Phase, status: Status, s: Strings): string {
  if (phase !== 'thanks' && phase !== 'follow-up') return '';
  if (status == 'memory') return s.sending;
  if (status == 'offline') return s.savedOffline;
  return status == 'failed' ? s.error : '';
}
