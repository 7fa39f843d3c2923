import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { Answer, PayloadV1 } from '../schema/payload.ts';
import type { Question, Recovery, Survey } from '../schema/survey.ts';
import type { ConfigResult } from '../survey/config.ts';
import { answerSentiment, followUps, isOneTap } from '../survey/flow.ts';
import { buildPayload } from '../survey/payload.ts';
import { answerList, pick } from '../survey/session.ts';
import { newId } from '../transport/uuid.ts';
import { i18nController, type Strings } from '../i18n/index.ts';
import { warnOnce } from '../util/warn.ts';
import { emit, type CxEventMap } from './events.ts';
import { renderQuestion } from './render-question.ts';
import { renderCard, renderLauncher, type Phase } from './render-card.ts';
import { styles } from './styles.ts';
import { Touchpoint } from './touchpoint.ts';
import { safeQuery } from '../util/query.ts';
import { PlacementController } from '../placement/controller.ts';
import { DeliveryStatus } from './delivery-status.ts';
import { FocusKeys } from './focus-keys.ts';
import { Configuration } from './configuration.ts';

let instances = 0;

/**
 * A one-tap customer-experience micro-survey (emoji, thumbs, CSAT, NPS, CES, or a small multi-question survey)
 * that posts each response as a versioned JSON payload through a durable outbox.
 *
 * @summary Contextual feedback at a touchpoint: one tap to answer, never loses a response.
 * @tag cx-feedback
 *
 * @fires cx-show - About to show; cancelable. detail: { surveyId, touchpoint, trigger }
 * @fires cx-answer - An answer was picked or typed. detail: { surveyId, questionId, type, value }
 * @fires cx-submit - A response was queued. detail: the v1 payload
 * @fires cx-recovery - The first answer was negative; cancelable (hides the built-in offer). detail: { payload, sentiment }
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
 * @csspart actions - The row of buttons (send, skip).
 * @csspart button - Every text button; the primary one also has `button-primary`.
 * @csspart button-primary - The primary Send button (also has `button`).
 * @csspart later - The "Ask me later" button of a popover or floating card (also has `button`).
 * @csspart launcher - The floating launcher button (`mode="floating"`).
 * @csspart close - The close button (popover and floating).
 * @csspart thanks - The thank-you message.
 * @csspart recovery - The help link offered after a negative answer (`recovery`).
 * @csspart status - The live status line (sending, saved, error).
 *
 * @cssprop --cx-accent - Accent colour (selected option, primary button, focus ring). Default #2563eb (dark theme #60a5fa).
 * @cssprop --cx-accent-text - Text colour on the accent (primary button, launcher). Default #fff (dark theme #0b1220).
 * @cssprop --cx-background - Card background. Default white (dark theme #1f2937).
 * @cssprop --cx-text - Text colour. Default #111827 (dark theme #f9fafb).
 * @cssprop --cx-muted - Secondary text and borders. Default #6b7280 (dark theme #9ca3af).
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

  // Lit's reactive properties, declared here rather than with decorators: ~0.4 KiB less in the script-tag bundle.
  static override properties: PropertyDeclarations = {
    endpoint: {},
    touchpoint: {},
    question: {},
    prompt: {},
    followUp: { attribute: 'follow-up' },
    followUpWhen: { attribute: 'follow-up-when' },
    surveyId: { attribute: 'survey-id' },
    metadata: {},
    survey: { attribute: false },
    stage: {},
    recovery: {},
    hideLabels: { attribute: 'hide-labels', type: Boolean },
    keepParams: { attribute: 'keep-params' },
    scrub: {},
    strings: { converter: { fromAttribute: (v) => v } },
    locales: {},
    theme: { reflect: true },
    density: { reflect: true },
    mode: { reflect: true },
    anchor: {},
    position: { reflect: true },
    trigger: {},
    url: {},
    frequency: {},
    recontactDays: { attribute: 'recontact-days' },
    cooldownDays: { attribute: 'cooldown-days' },
    snoozeDays: { attribute: 'snooze-days' },
    sample: {},
    priority: {},
    phase: { state: true },
    answers: { state: true },
    others: { state: true },
    targeted: { state: true },
  };

  /** URL that receives responses: absolute, or relative to the page. https unless the page is http. */
  endpoint = '';
  /** The moment of contact this widget measures, e.g. `checkout` or `help-article-42`. */
  touchpoint = '';
  /** Kind of the single question: `emoji` | `thumbs` | `csat` | `nps` | `ces` | `reaction` | `expectation` | `task`. */
  question = '';
  /** Question text; defaults to a sensible prompt per kind in the visitor's language. */
  prompt = '';
  /** Prompt of an optional free-text follow-up shown after the answer; empty = none. */
  followUp = '';
  /** When the follow-up shows: `always` | `negative` | `positive` | `not-positive`. */
  followUpWhen = 'always';
  /** Survey id in the payload; default `<touchpoint>-<question>`. */
  surveyId = '';
  /** JSON object of string / number / boolean values copied into every payload. */
  metadata = '';
  /** A full survey definition (takes precedence over attributes and the child JSON script); checked at run time. */
  survey?: Survey;
  /** Journey stage of this touchpoint, sent as `context.stage`: `discover`, `consider`, `purchase`, `receive`, `use`, `support`, `loyalty` or your own. */
  stage = '';
  /** Help offered after a negative answer: JSON `{"text": "Sorry about that. Chat with us", "href": "/support"}`. */
  recovery = '';
  /** Faces and reactions without their visible names (the names stay for screen readers). */
  hideLabels = false;
  /** Query parameters kept in `context.url` (space- or comma-separated); all others are dropped. */
  keepParams = '';
  /** `off` turns off the in-browser scrubbing of e-mails, phone and card numbers, IBANs in free text. */
  scrub = 'on';
  /** Per-element overrides of built-in strings: an object, or JSON in the attribute. */
  strings?: string | Partial<Strings>;
  /** Where locale files live: a folder or a URL template with `{lang}`; default `locales/` next to the script. */
  locales = '';
  /** `auto` (follows prefers-color-scheme) | `light` | `dark`. */
  theme = 'auto';
  /** `comfortable` | `compact`. */
  density = 'comfortable';

  // Touchpoint attributes (docs/touchpoints.md); parsed and validated by the Touchpoint controller.
  /** `inline` (in the page flow) | `popover` (card anchored to `anchor`) | `floating` (launcher that opens the card). */
  mode = 'inline';
  /** CSS selector of the element a popover points at (and that `trigger="visible"` watches). */
  anchor = '';
  /** Popover: side of the anchor (`top`, `bottom-start`, …). Floating: `bottom-right` | `bottom-left` | `right` | `left`. */
  position = '';
  /** When it opens by itself: `load`, `delay:<s>`, `scroll:<%>`, `visible`, `exit`, `event:<name>`, `click:<selector>`, `idle:<s>`, `manual`. */
  trigger = '';
  /** Only on matching pages: `contains:<text>` | `exact:<url or path>` | `regex:<pattern>`. */
  url = '';
  /** `once` | `until-answered` | `always` | `max:<n>`. */
  frequency = '';
  /** Days before this survey asks again after an answer or dismissal. */
  recontactDays = '';
  /** Days without any other interrupting survey after one was shown. */
  cooldownDays = '';
  /** Days "Ask me later" waits. */
  snoozeDays = '';
  /** Percentage of visitors asked (0–100), stable per visitor. */
  sample = '';
  /** Higher opens first when several interrupting widgets qualify at once. */
  priority = '';

  private phase: Phase = 'hidden';
  private answers = new Map<string, Answer['value']>();
  private others = new Map<string, string>();
  /** A floating launcher shows only on pages its `url` matches. */
  private targeted = true;

  private readonly i18n = i18nController(this, { strings: () => this.strings, locales: () => this.locales });
  private readonly configuration = new Configuration(this, {
    stop: () => this.tp.stop(),
    valid: (config) => this.tp.start({ id: config.survey.id, touchpoint: config.touchpoint }),
    invalid: () => void (this.phase = 'hidden'),
  });
  private readonly uid = `cx${++instances}`;
  private firstId?: string;
  /** The first answer is on its way: a double tap (or Enter and a click) makes one response (matrix C03). */
  private busy = false;
  private stops: Array<() => void> = [];
  private shownBy = 'load';
  private readonly tp = new Touchpoint(this, {
    reveal: (trigger) => this.reveal(trigger),
    conceal: (reason) => {
      if (this.tp.mode != 'inline' || reason == 'api') this.hide(reason);
    },
    setTargeted: (on) => void (this.targeted = on),
    prepare: () => this.placement.warm(),
  });
  private readonly delivery = new DeliveryStatus(this);
  private readonly placement = new PlacementController(this, () => ({
    mode: this.tp.mode,
    open: this.phase != 'hidden',
  }));
  private readonly keys = new FocusKeys(this, {
    state: () => ({ open: this.phase != 'hidden', inline: this.tp.mode == 'inline' }),
    escape: () => this.hide('escape'),
  });
  private answered = false;
  /** The card may be drawn: false during the first update (see firstUpdated). */
  private ready = false;
  private drawn?: Promise<void>;
  /** The help link to offer with the thank-you: the first answer was negative and no listener took over. */
  private offer?: Recovery;
  private get config(): ConfigResult {
    return this.configuration.result;
  }

  // ── lifecycle ──────────────────────────────────────────────────────────────

  override connectedCallback(): void {
    super.connectedCallback();
    this.guard(() =>
      this.stops.push(() => {
        if (this.phase != 'hidden') this.tp.closed();
        this.phase = 'hidden';
      }),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stops.splice(0).forEach((stop) => this.guard(stop));
  }

  protected override willUpdate(changed: PropertyValues): void {
    this.guard(() => {
      const configKeys = [
        'endpoint',
        'touchpoint',
        'question',
        'prompt',
        'followUp',
        'followUpWhen',
        'surveyId',
        'metadata',
        'survey',
        'stage',
        'recovery',
        'hideLabels',
        'mode',
        'anchor',
        'trigger',
        'url',
        'frequency',
        'recontactDays',
        'cooldownDays',
        'snoozeDays',
        'sample',
        'priority',
      ];
      if (!this.hasUpdated || configKeys.some((k) => changed.has(k))) this.configuration.read(false);
    });
  }

  protected override update(changed: PropertyValues): void {
    // Contain our own bugs: a render error must not reach the host page's error handlers (matrix H04).
    try {
      // Chromium keeps radio inputs removed from a shadow root in that root's radio-group registry while they have a
      // name, and with them the whole card they belonged to (found by the benchmark's open/close growth gate: ~8 KB
      // per cycle). A phase change replaces the questions, so the old radios lose their names first.
      if (changed.has('phase'))
        this.renderRoot?.querySelectorAll?.('input[type=radio][name]').forEach((i) => i.removeAttribute('name'));
      super.update(changed);
    } catch (error) {
      this.fail(error);
    }
  }

  // ── public API ─────────────────────────────────────────────────────────────

  /**
   * Opens the card now, skipping trigger and frequency rules (the site asked). An interrupting widget still waits for
   * its turn if another one is open. Returns whether it is (or will be) shown.
   */
  show(trigger = 'api'): boolean {
    if (!this.config.ok) return false;
    return this.phase !== 'hidden' || this.tp.open(trigger);
  }

  /** Hides the card without answering. */
  hide(reason: CxEventMap['cx-close']['reason'] = 'api'): void {
    if (this.phase === 'hidden') return;
    this.keys.closing();
    this.phase = 'hidden';
    this.placement.release();
    // An answer was recorded when it was given; closing unanswered is a dismissal (or a snooze) for the rules.
    if (!this.answered && reason != 'route' && reason != 'api')
      this.tp.note(reason == 'snooze' ? 'snoozed' : 'dismissed');
    this.tp.closed();
    emit(this, 'cx-close', { reason: this.answered ? 'done' : reason });
  }

  // ── opening (asked by the Touchpoint controller) ───────────────────────────

  private reveal(trigger: string): boolean {
    if (!this.config.ok) return false;
    if (this.phase !== 'hidden') return true;
    const { survey, touchpoint } = this.config.config;
    if (!emit(this, 'cx-show', { surveyId: survey.id, touchpoint, trigger })) return false;
    if (this.tp.mode == 'popover' && this.anchor && !safeQuery(this.anchor)) {
      warnOnce(
        `cx-feedback (touchpoint "${touchpoint}"): anchor="${this.anchor}" matches no element; the popover opens in the corner instead`,
      );
    }
    this.shownBy = trigger;
    this.answered = false;
    this.answers = new Map();
    this.others = new Map();
    this.delivery.reset();
    this.busy = false;
    this.offer = undefined;
    this.phase = 'asking';
    this.keys.opened(trigger == 'launcher');
    return true;
  }

  private readonly toggleLauncher = (): void => {
    if (this.phase == 'hidden') this.tp.open('launcher');
    else this.hide('dismiss');
  };

  // ── configuration ──────────────────────────────────────────────────────────

  /**
   * `updateComplete` also waits for a JSON survey's check and for configuration problems to be reported, so that it
   * resolves once the widget has settled.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    // The configuration is first read in the first update, and the card first drawn in the next task: wait for both,
    // then for what the reading started.
    await super.getUpdateComplete();
    await this.drawn;
    await this.configuration.settled();
    return super.getUpdateComplete();
  }

  protected override firstUpdated(): void {
    // The first update reads the configuration and arms the trigger at once, but draws nothing: drawing the card is
    // the widget's largest piece of main-thread work, and in a task of its own it never makes the host page's frame
    // that upgraded the element a long one.
    this.drawn = new Promise((resolve) =>
      setTimeout(() => {
        this.ready = true;
        this.requestUpdate();
        resolve();
      }),
    );
  }

  // ── answering ──────────────────────────────────────────────────────────────

  private onPick = (q: Question, value: number | string): void => {
    this.answers = pick(this.answers, q, value);
    this.announceAnswer(q);
    if (!this.keys.arrowNav && this.phase === 'asking' && isOneTap(q)) this.submitFirst();
  };

  private onText = (q: Question, value: string, field: 'value' | 'other'): void => {
    if (field === 'other') this.others = new Map(this.others).set(q.id, value);
    else this.answers = new Map(this.answers).set(q.id, value);
  };

  private announceAnswer(q: Question): void {
    if (!this.config.ok) return;
    const value = this.answers.get(q.id);
    if (value !== undefined)
      emit(this, 'cx-answer', { surveyId: this.config.config.survey.id, questionId: q.id, type: q.type, value });
  }

  private submitFirst(): void {
    if (this.busy || !this.config.ok) return; // double tap / Enter + click: one response (matrix C03)
    const first = this.config.config.survey.questions[0];
    const answers = answerList([first], this.answers, this.others);
    if (!answers.length) return;
    this.busy = true;
    this.answered = true;
    this.tp.note('answered');
    this.firstId = newId();
    const payload = this.send(this.firstId, answers);
    if (payload && answerSentiment(first, answers[0].value) === 'negative') this.offerRecovery(payload);
    this.phase = followUps(this.config.config.survey, this.answers).length ? 'follow-up' : 'thanks';
    this.afterPhaseChange();
  }

  private submitFollowUps(): void {
    if (!this.config.ok || this.phase !== 'follow-up') return;
    const answers = answerList(followUps(this.config.config.survey, this.answers), this.answers, this.others);
    if (answers.length) this.send(newId(), answers, this.firstId);
    this.phase = 'thanks';
    this.afterPhaseChange();
  }

  private skipFollowUps = (): void => {
    this.phase = 'thanks';
    this.afterPhaseChange();
  };

  /** Fires `cx-recovery`; unless a listener took over, the thank-you offers the configured help link. */
  private offerRecovery(payload: PayloadV1): void {
    const offer = this.config.ok ? this.config.config.survey.recovery : undefined;
    if (emit(this, 'cx-recovery', { payload, sentiment: 'negative' })) this.offer = offer;
  }

  /** Builds the payload and hands it to delivery; returns it, or undefined where it could not be built. */
  private send(id: string, answers: Answer[], followUpOf?: string): PayloadV1 | undefined {
    if (!this.config.ok) return undefined;
    const { config } = this.config;
    let payload: PayloadV1;
    try {
      payload = buildPayload({
        id,
        surveyId: config.survey.id,
        touchpoint: config.touchpoint,
        answers,
        metadata: config.metadata,
        locale: this.i18n.requested,
        followUpOf,
        placement: this.tp.mode,
        trigger: this.shownBy,
        keepParams: this.keepParams.split(/[\s,]+/).filter(Boolean),
        scrubText: this.scrub !== 'off',
        stage: config.survey.stage,
      });
    } catch (error) {
      this.fail(error);
      return undefined;
    }
    emit(this, 'cx-submit', payload);
    void this.delivery.send(config.endpoint, payload, id === this.firstId);
    return payload;
  }

  private afterPhaseChange(): void {
    this.keys.phaseChanged(this.phase === 'thanks');
    // An inline card is done at the thank-you; a popover's closes when the customer closes it (no auto-dismiss).
    if (this.phase === 'thanks' && this.tp.mode == 'inline') emit(this, 'cx-close', { reason: 'done' });
  }

  // ── rendering ──────────────────────────────────────────────────────────────

  protected override render(): TemplateResult | typeof nothing {
    if (!this.ready || !this.config.ok) return nothing;
    const { survey } = this.config.config;
    const view = { strings: this.i18n.t, lang: this.i18n.lang, dir: this.i18n.dir };
    const open = this.phase !== 'hidden';
    const launcher =
      this.tp.mode == 'floating' && this.targeted
        ? renderLauncher({ ...view, open, toggle: this.toggleLauncher, warm: this.placement.warm })
        : nothing;
    const asking = this.phase === 'asking';
    const card = () =>
      renderCard({
        ...view,
        phase: this.phase,
        float: this.tp.mode != 'inline',
        questions: asking ? [survey.questions[0]] : followUps(survey, this.answers),
        oneTap: isOneTap(survey.questions[0]),
        offer: this.offer,
        status: this.delivery.status,
        renderQuestion: (question) =>
          renderQuestion({
            question,
            strings: view.strings,
            uid: this.uid,
            value: this.answers.get(question.id),
            other: this.others.get(question.id) ?? '',
            disabled: false,
            onPick: this.onPick,
            onText: this.onText,
          }),
        send: () => (asking ? this.submitFirst() : this.submitFollowUps()),
        skip: this.skipFollowUps,
        close: (reason) => this.hide(reason),
        retry: () => this.delivery.retry(),
      });
    // One template for both states, so the launcher stays the same element (and keeps focus) as the card opens.
    return html`${launcher}${open ? card() : nothing}`;
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
    this.configuration.result = { ok: false, problems: [message] };
    this.phase = 'hidden';
    try {
      emit(this, 'cx-error', { kind: 'internal', message });
    } catch {
      /* a throwing host listener is the host's business, not a reason to break */
    }
  }
}
