import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Answer, PayloadV1 } from '../schema/payload.ts';
import type { Question } from '../schema/survey.ts';
import { resolveConfig, type ConfigResult } from '../survey/config.ts';
import { followUps, isOneTap } from '../survey/flow.ts';
import { buildPayload } from '../survey/payload.ts';
import { getDelivery, type DeliveryEvent } from '../transport/index.ts';
import { newId } from '../transport/uuid.ts';
import { strings, type Strings } from '../i18n/index.ts';
import { resolveLang } from '../i18n/resolve.ts';
import { warnOnce } from '../util/warn.ts';
import { emit, type CxEventMap } from './events.ts';
import { renderQuestion } from './render-question.ts';
import { close as closeIcon } from './icons.ts';
import { styles } from './styles.ts';

type Phase = 'hidden' | 'asking' | 'follow-up' | 'thanks' | 'error';
type Delivery = 'idle' | 'queued' | 'memory' | 'sent' | 'failed';

let instances = 0;

/**
 * A one-tap customer-experience micro-survey (emoji, thumbs, CSAT, NPS, CES, or a small multi-question survey)
 * that posts each response as a versioned JSON payload through a durable outbox.
 *
 * @summary Contextual feedback at a touchpoint: one tap to answer, never loses a response.
 *
 * @fires cx-show - About to show; cancelable. detail: { surveyId, touchpoint, trigger }
 * @fires cx-answer - An answer was picked or typed. detail: { surveyId, questionId, type, value }
 * @fires cx-submit - A response was queued. detail: the v1 payload
 * @fires cx-sent - The endpoint acknowledged a response. detail: { id, status }
 * @fires cx-error - Configuration, delivery or storage problem. detail: { kind, message, id?, problems? }
 * @fires cx-close - The card closed. detail: { reason }
 *
 * @slot - A `<script type="application/json">` child holding a full survey definition (never rendered).
 *
 * @csspart card - The card around everything.
 * @csspart question - One question (fieldset).
 * @csspart prompt - A question's prompt (legend or label).
 * @csspart options - The row of answer options.
 * @csspart option - One answer option a customer clicks; carries `data-value`.
 * @csspart option-selected - Added to the selected option(s).
 * @csspart labels - The end labels under a numeric scale.
 * @csspart textarea - A free-text field.
 * @csspart input - The "Other" text field.
 * @csspart actions - The row of buttons (send, skip, later).
 * @csspart button - Every text button; the primary one also has `button-primary`.
 * @csspart close - The close button (popover and floating).
 * @csspart thanks - The thank-you message.
 * @csspart status - The live status line (sending, saved, error).
 *
 * @cssprop --cx-accent - Accent colour (selected option, primary button, focus ring). Default #2563eb.
 * @cssprop --cx-background - Card background. Default white (dark theme #1f2937).
 * @cssprop --cx-text - Text colour. Default #111827 (dark theme #f9fafb).
 * @cssprop --cx-muted - Secondary text and borders. Default #6b7280.
 * @cssprop --cx-radius - Corner radius of the card. Default 12px.
 * @cssprop --cx-font - Font family. Default: inherited from the page.
 * @cssprop --cx-font-size - Base font size. Default 15px (px so a hostile `html{font-size}` cannot shrink it).
 * @cssprop --cx-spacing - Base spacing unit. Default 12px (compact 8px).
 * @cssprop --cx-focus-ring - Focus outline colour. Default: the accent.
 * @cssprop --cx-z-index - Stacking order of popover and launcher. Default 2147483000.
 * @cssprop --cx-shadow - Shadow of the floating card. Default a soft shadow.
 * @cssprop --cx-max-width - Largest width of the card. Default 28rem in px (448px).
 */
export class CxFeedback extends LitElement {
  static override styles = styles;

  /** URL that receives responses: absolute, or relative to the page. https unless the page is http. */
  @property() endpoint = '';
  /** The moment of contact this widget measures, e.g. `checkout` or `help-article-42`. */
  @property() touchpoint = '';
  /** Kind of the single question: `emoji` | `thumbs` | `csat` | `nps` | `ces`. */
  @property() question = '';
  /** Question text; defaults to a sensible prompt per kind in the visitor's language. */
  @property() prompt = '';
  /** Prompt of an optional free-text follow-up shown after the answer; empty = none. */
  @property({ attribute: 'follow-up' }) followUp = '';
  /** When the follow-up shows: `always` | `negative` | `positive` | `not-positive`. */
  @property({ attribute: 'follow-up-when' }) followUpWhen = 'always';
  /** Survey id in the payload; default `<touchpoint>-<question>`. */
  @property({ attribute: 'survey-id' }) surveyId = '';
  /** JSON object of string / number / boolean values copied into every payload. */
  @property() metadata = '';
  /** A full survey definition (takes precedence over attributes and the child JSON script). */
  @property({ attribute: false }) survey?: unknown;
  /** Query parameters kept in `context.url` (space- or comma-separated); all others are dropped. */
  @property({ attribute: 'keep-params' }) keepParams = '';
  /** `off` turns off the in-browser scrubbing of e-mails, phone and card numbers, IBANs in free text. */
  @property() scrub = 'on';
  /** Per-element overrides of built-in strings: an object, or JSON in the attribute. */
  @property({ converter: { fromAttribute: (v) => v } }) strings?: string | Partial<Strings>;
  /** `auto` (follows prefers-color-scheme) | `light` | `dark`. */
  @property({ reflect: true }) theme = 'auto';
  /** `comfortable` | `compact`. */
  @property({ reflect: true }) density = 'comfortable';

  @state() private phase: Phase = 'hidden';
  @state() private delivery: Delivery = 'idle';
  @state() private answers = new Map<string, Answer['value']>();
  @state() private others = new Map<string, string>();

  private config: ConfigResult = { ok: false, problems: [] };
  private readonly uid = `cx${++instances}`;
  private responseIds = new Set<string>();
  private firstId?: string;
  private busy = false;
  private arrowNav = false;
  private stops: Array<() => void> = [];
  private trigger = 'load';

  // ── lifecycle ──────────────────────────────────────────────────────────────

  override connectedCallback(): void {
    super.connectedCallback();
    this.guard(() => {
      const delivery = getDelivery();
      this.stops.push(delivery.start(), delivery.subscribe((e) => this.onDelivery(e)));
      // A child <script> is only there once the parser has passed it: wait for the document when still loading.
      if (document.readyState === 'loading') {
        const ready = () => this.reconfigure();
        document.addEventListener('DOMContentLoaded', ready, { once: true });
        this.stops.push(() => document.removeEventListener('DOMContentLoaded', ready));
      }
      this.addEventListener('keydown', this.onKeydown);
      this.stops.push(() => this.removeEventListener('keydown', this.onKeydown));
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Delivery is not tied to the element: queued responses keep going after it is removed.
    this.stops.splice(0).forEach((stop) => this.guard(stop));
  }

  protected override willUpdate(changed: PropertyValues): void {
    this.guard(() => {
      const configKeys = ['endpoint', 'touchpoint', 'question', 'prompt', 'followUp', 'followUpWhen', 'surveyId', 'metadata', 'survey'];
      if (!this.hasUpdated || configKeys.some((k) => changed.has(k))) this.reconfigure(false);
    });
  }

  protected override update(changed: PropertyValues): void {
    // Contain our own bugs: a render error must not reach the host page's error handlers (matrix H04).
    try {
      super.update(changed);
    } catch (error) {
      this.fail(error);
    }
  }

  // ── public API ─────────────────────────────────────────────────────────────

  /** Shows the question (subject to `cx-show` being cancelled). Returns whether it is now visible. */
  show(trigger = 'api'): boolean {
    if (!this.config.ok) return false;
    if (this.phase !== 'hidden') return true;
    const { survey, touchpoint } = this.config.config;
    if (!emit(this, 'cx-show', { surveyId: survey.id, touchpoint, trigger })) return false;
    this.trigger = trigger;
    this.phase = 'asking';
    return true;
  }

  /** Hides the card without answering. */
  hide(reason: CxEventMap['cx-close']['reason'] = 'api'): void {
    if (this.phase === 'hidden') return;
    this.phase = 'hidden';
    emit(this, 'cx-close', { reason });
  }

  // ── configuration ──────────────────────────────────────────────────────────

  private reconfigure(request = true): void {
    const script = this.querySelector('script[type="application/json"]');
    this.config = resolveConfig({
      endpoint: this.endpoint,
      touchpoint: this.touchpoint,
      question: this.question,
      prompt: this.prompt,
      followUp: this.followUp,
      followUpWhen: this.followUpWhen,
      surveyId: this.surveyId,
      metadata: this.metadata,
      survey: this.survey,
      surveyJson: script?.textContent,
      baseUrl: document.baseURI,
      pageProtocol: location.protocol,
    });
    if (!this.config.ok) {
      // While the parser has not reached our children yet, the missing survey is not a mistake.
      if (document.readyState === 'loading' && !this.question && !this.survey) return;
      const who = `cx-feedback${this.touchpoint ? ` (touchpoint "${this.touchpoint}")` : ''}`;
      this.config.problems.forEach((p) => warnOnce(`${who}: ${p}`));
      emit(this, 'cx-error', { kind: 'config', message: `${who}: invalid configuration, see the console`, problems: this.config.problems });
      this.phase = 'hidden';
    } else if (this.phase === 'hidden' && !this.busy) {
      this.show('load');
    }
    if (request) this.requestUpdate();
  }

  // ── answering ──────────────────────────────────────────────────────────────

  private get s(): Strings {
    const overrides = typeof this.strings === 'string' ? safeJson(this.strings) : this.strings;
    return strings(resolveLang(this), overrides as Partial<Strings> | undefined);
  }

  private readonly onKeydown = (e: KeyboardEvent): void => {
    // Arrow keys move a radio group's selection and browsers fire a click for it: that is browsing, not answering.
    // The flag outlives the synchronous default action (the synthetic click) and is cleared in the next task.
    // Space confirms natively (it clicks the focused radio); Enter is made to do the same.
    const input = e.composedPath()[0];
    if (!(input instanceof HTMLInputElement) || input.type !== 'radio') return;
    if (e.key.startsWith('Arrow')) {
      this.arrowNav = true;
      setTimeout(() => (this.arrowNav = false));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      input.click();
    }
  };

  private onPick = (q: Question, value: number | string): void => {
    const next = new Map(this.answers);
    if (q.type === 'choice' && q.multiple) {
      const list = new Set(Array.isArray(next.get(q.id)) ? (next.get(q.id) as string[]) : []);
      list.has(String(value)) ? list.delete(String(value)) : list.add(String(value));
      next.set(q.id, [...list]);
    } else next.set(q.id, value);
    this.answers = next;
    this.announceAnswer(q);
    if (!this.arrowNav && this.phase === 'asking' && isOneTap(q)) this.submitFirst();
  };

  private onText = (q: Question, value: string, field: 'value' | 'other'): void => {
    if (field === 'other') this.others = new Map(this.others).set(q.id, value);
    else this.answers = new Map(this.answers).set(q.id, value);
  };

  private announceAnswer(q: Question): void {
    if (!this.config.ok) return;
    const value = this.answers.get(q.id);
    if (value !== undefined) emit(this, 'cx-answer', { surveyId: this.config.config.survey.id, questionId: q.id, type: q.type, value });
  }

  private answerList(questions: Question[]): Answer[] {
    return questions.flatMap((q) => {
      const value = this.answers.get(q.id);
      if (value === undefined || value === '' || (Array.isArray(value) && !value.length)) return [];
      const answer: Answer = { questionId: q.id, type: q.type, value: typeof value === 'string' && q.type === 'text' ? value.trim() : value };
      const other = this.others.get(q.id)?.trim();
      if (other && (value === 'other' || (Array.isArray(value) && value.includes('other')))) answer.other = other;
      return answer.value === '' ? [] : [answer];
    });
  }

  private submitFirst(): void {
    if (this.busy || !this.config.ok) return; // double tap / Enter + click: one response (matrix C03)
    const first = this.config.config.survey.questions[0];
    const answers = this.answerList([first]);
    if (!answers.length) return;
    this.busy = true;
    this.firstId = newId();
    void this.send(this.firstId, answers);
    this.phase = followUps(this.config.config.survey, this.answers).length ? 'follow-up' : 'thanks';
    this.afterPhaseChange();
  }

  private submitFollowUps(): void {
    if (!this.config.ok || this.phase !== 'follow-up') return;
    const answers = this.answerList(followUps(this.config.config.survey, this.answers));
    if (answers.length) void this.send(newId(), answers, this.firstId);
    this.phase = 'thanks';
    this.afterPhaseChange();
  }

  private skipFollowUps = (): void => {
    this.phase = 'thanks';
    this.afterPhaseChange();
  };

  private async send(id: string, answers: Answer[], followUpOf?: string): Promise<void> {
    if (!this.config.ok) return;
    const { config } = this.config;
    let payload: PayloadV1;
    try {
      payload = buildPayload({
        id,
        surveyId: config.survey.id,
        touchpoint: config.touchpoint,
        answers,
        metadata: config.metadata,
        locale: resolveLang(this),
        followUpOf,
        placement: 'inline',
        trigger: this.trigger,
        keepParams: this.keepParams.split(/[\s,]+/).filter(Boolean),
        scrubText: this.scrub !== 'off',
      });
    } catch (error) {
      return this.fail(error);
    }
    this.responseIds.add(id);
    emit(this, 'cx-submit', payload);
    try {
      const result = await getDelivery().submit(config.endpoint, payload);
      if (this.delivery !== 'sent' || id === this.firstId) this.delivery = result.durable ? 'queued' : 'memory';
    } catch (error) {
      this.delivery = 'failed';
      emit(this, 'cx-error', { kind: 'delivery', message: error instanceof Error ? error.message : String(error), id });
    }
  }

  private onDelivery(e: DeliveryEvent): void {
    if (!('id' in e) || !this.responseIds.has(e.id)) return;
    if (e.type === 'sent') {
      this.delivery = 'sent';
      emit(this, 'cx-sent', { id: e.id, status: e.status });
    } else if (e.type === 'dead') {
      this.delivery = 'failed';
      emit(this, 'cx-error', { kind: 'delivery', message: e.reason, id: e.id });
    } else if (e.type === 'retry' && this.delivery === 'memory') {
      this.delivery = 'failed'; // nothing durable holds it: offer a retry
    }
  }

  private retry = (): void => {
    this.delivery = 'memory';
    void getDelivery().drain();
  };

  /** Keeps keyboard users in place: when the control they were on disappears, focus moves to what replaced it. */
  private afterPhaseChange(): void {
    const hadFocus = this.matches(':focus-within');
    void this.updateComplete.then(() => {
      if (!hadFocus) return;
      const target = this.renderRoot.querySelector<HTMLElement>(this.phase === 'thanks' ? '.thanks' : 'textarea, input, button');
      target?.focus();
    });
    if (this.phase === 'thanks') emit(this, 'cx-close', { reason: 'done' });
  }

  // ── rendering ──────────────────────────────────────────────────────────────

  protected override render(): TemplateResult | typeof nothing {
    if (!this.config.ok || this.phase === 'hidden') return nothing;
    const s = this.s;
    const survey = this.config.config.survey;
    const first = survey.questions[0];
    let body: TemplateResult | undefined;
    if (this.phase === 'asking') {
      body = html`${this.renderQ(first, s)}${isOneTap(first) ? nothing : this.actions(s, () => this.submitFirst())}`;
    } else if (this.phase === 'follow-up') {
      body = html`${followUps(survey, this.answers).map((q) => this.renderQ(q, s))}${this.actions(s, () => this.submitFollowUps(), this.skipFollowUps)}`;
    }
    // The status region is rendered from the start so that screen readers announce what later appears in it.
    return html`<div class="card" part="card" lang=${resolveLang(this)}>
      ${body ?? nothing}
      <div part="status" role="status">
        ${this.phase === 'thanks' ? html`<p class="thanks" part="thanks" tabindex="-1">${s.thanks}</p><p class="line">${s.thanksLine}</p>` : nothing}
        <p class="status">${this.statusText(s)}${this.delivery === 'failed' ? html` <button part="button" class="link" @click=${this.retry}>${s.retry}</button>` : nothing}</p>
      </div>
    </div>`;
  }

  private renderQ(q: Question, s: Strings): TemplateResult {
    return renderQuestion({
      question: q,
      strings: s,
      uid: this.uid,
      value: this.answers.get(q.id),
      other: this.others.get(q.id) ?? '',
      disabled: false,
      onPick: this.onPick,
      onText: this.onText,
    });
  }

  private actions(s: Strings, send: () => void, skip?: () => void): TemplateResult {
    return html`<div class="actions" part="actions">
      <button part="button button-primary" class="primary" @click=${send}>${s.send}</button>
      ${skip ? html`<button part="button" @click=${skip}>${s.skip}</button>` : nothing}
    </div>`;
  }

  private statusText(s: Strings): string {
    if (this.phase !== 'thanks' && this.phase !== 'follow-up') return '';
    switch (this.delivery) {
      case 'memory':
        return s.sending;
      case 'failed':
        return s.error;
      default:
        return '';
    }
  }

  // ── failure containment ────────────────────────────────────────────────────

  private guard(fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.fail(error);
    }
  }

  private fail(error: unknown): void {
    const message = `cx-feedback: internal error, the widget hid itself (${error instanceof Error ? error.message : String(error)})`;
    warnOnce(message);
    this.config = { ok: false, problems: [message] };
    this.phase = 'hidden';
    try {
      emit(this, 'cx-error', { kind: 'internal', message });
    } catch {
      /* a throwing host listener is the host's business, not a reason to break */
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    warnOnce(`cx-feedback: strings="${text.slice(0, 40)}…" is not valid JSON; expected an object of string overrides`);
    return undefined;
  }
}
