import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { Survey } from '../schema/survey.ts';
import type { ConfigResult } from '../survey/config.ts';
import { isOneTap } from '../survey/flow.ts';
import { i18nController, type Strings } from '../i18n/index.ts';
import { warnOnce } from '../util/warn.ts';
import { emit, type CxEventMap } from './events.ts';
import { renderQuestion } from './render-question.ts';
import { renderCard, renderLauncher } from './render-card.ts';
import { styles } from './styles.ts';
import { Touchpoint } from './touchpoint.ts';
import { safeQuery } from '../util/query.ts';
import { PlacementController } from '../placement/controller.ts';
import { DeliveryStatus } from './delivery-status.ts';
import { FocusKeys } from './focus-keys.ts';
import { Configuration, RENDER_PROPERTIES } from './configuration.ts';
import { SurveyRun } from './survey-run.ts';

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

  /** A floating launcher shows only on pages its `url` matches. */
  private targeted = true;

  private readonly i18n = i18nController(this, { strings: () => this.strings, locales: () => this.locales });
  private readonly configuration = new Configuration(this, {
    stop: () => this.tp.stop(),
    valid: (config) => this.tp.start({ id: config.survey.id, touchpoint: config.touchpoint }),
    invalid: () => this.run.end(),
  });
  private readonly uid = `cx${++instances}`;
  private stops: Array<() => void> = [];
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
    open: this.run.phase != 'hidden',
  }));
  private readonly keys: FocusKeys = new FocusKeys(this, {
    state: () => ({ open: this.run.phase != 'hidden', inline: this.tp.mode == 'inline' }),
    escape: () => this.hide('escape'),
  });
  private readonly run: SurveyRun = new SurveyRun(this, {
    config: () => (this.config.ok ? this.config.config : undefined),
    context: () => ({
      locale: this.i18n.requested,
      placement: this.tp.mode,
      keepParams: this.keepParams.split(/[\s,]+/).filter(Boolean),
      scrubText: this.scrub !== 'off',
    }),
    browsing: () => this.keys.arrowNav,
    answered: () => this.tp.note('answered'),
    deliver: (endpoint, payload, first) => void this.delivery.send(endpoint, payload, first),
    phaseChanged: (phase) => {
      this.keys.phaseChanged(phase === 'thanks');
      // An inline card is done at the thank-you; a popover's closes when the customer closes it (no auto-dismiss).
      if (phase === 'thanks' && this.tp.mode == 'inline') emit(this, 'cx-close', { reason: 'done' });
    },
    fail: (error) => this.fail(error),
  });
  /** The card may be drawn: false during the first update (see firstUpdated). */
  private ready = false;
  private drawn?: Promise<void>;
  private get config(): ConfigResult {
    return this.configuration.result;
  }

  // ── lifecycle ──────────────────────────────────────────────────────────────

  override connectedCallback(): void {
    super.connectedCallback();
    this.guard(() =>
      this.stops.push(() => {
        if (this.run.phase != 'hidden') this.tp.closed();
        this.run.end();
      }),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stops.splice(0).forEach((stop) => this.guard(stop));
  }

  protected override willUpdate(changed: PropertyValues): void {
    this.guard(() => {
      if (!this.hasUpdated || [...changed.keys()].some((k) => !RENDER_PROPERTIES.has(k)))
        this.configuration.read(false);
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

  /**
   * Opens the card now, skipping trigger and frequency rules (the site asked). An interrupting widget still waits for
   * its turn if another one is open. Returns whether it is (or will be) shown.
   */
  show(trigger = 'api'): boolean {
    if (!this.config.ok) return false;
    return this.run.phase !== 'hidden' || this.tp.open(trigger);
  }

  /** Hides the card without answering. */
  hide(reason: CxEventMap['cx-close']['reason'] = 'api'): void {
    if (this.run.phase === 'hidden') return;
    this.keys.closing();
    this.run.end();
    this.placement.release();
    // An answer was recorded when it was given; closing unanswered is a dismissal (or a snooze) for the rules.
    if (!this.run.answered && reason != 'route' && reason != 'api')
      this.tp.note(reason == 'snooze' ? 'snoozed' : 'dismissed');
    this.tp.closed();
    emit(this, 'cx-close', { reason: this.run.answered ? 'done' : reason });
  }

  // ── opening (asked by the Touchpoint controller) ───────────────────────────

  private reveal(trigger: string): boolean {
    if (!this.config.ok) return false;
    if (this.run.phase !== 'hidden') return true;
    const { survey, touchpoint } = this.config.config;
    if (!emit(this, 'cx-show', { surveyId: survey.id, touchpoint, trigger })) return false;
    if (this.tp.mode == 'popover' && this.anchor && !safeQuery(this.anchor)) {
      warnOnce(
        `cx-feedback (touchpoint "${touchpoint}"): anchor="${this.anchor}" matches no element; the popover opens in the corner instead`,
      );
    }
    this.run.begin(trigger);
    this.delivery.reset();
    this.keys.opened(trigger == 'launcher');
    return true;
  }

  private readonly toggleLauncher = (): void => {
    if (this.run.phase == 'hidden') this.tp.open('launcher');
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

  // ── rendering ──────────────────────────────────────────────────────────────

  protected override render(): TemplateResult | typeof nothing {
    if (!this.ready || !this.config.ok) return nothing;
    const { survey } = this.config.config;
    const view = { strings: this.i18n.t, lang: this.i18n.lang, dir: this.i18n.dir };
    const { run } = this;
    const open = run.phase !== 'hidden';
    const launcher =
      this.tp.mode == 'floating' && this.targeted
        ? renderLauncher({ ...view, open, toggle: this.toggleLauncher, warm: this.placement.warm })
        : nothing;
    const card = () =>
      renderCard({
        ...view,
        phase: run.phase,
        float: this.tp.mode != 'inline',
        questions: run.questions(survey),
        oneTap: isOneTap(survey.questions[0]),
        offer: run.offer,
        status: this.delivery.status,
        renderQuestion: (question) =>
          renderQuestion({
            question,
            strings: view.strings,
            uid: this.uid,
            value: run.answers.get(question.id),
            other: run.others.get(question.id) ?? '',
            disabled: false,
            onPick: run.pick,
            onText: run.text,
          }),
        send: run.send,
        skip: run.skip,
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
    this.run.end();
    try {
      emit(this, 'cx-error', { kind: 'internal', message });
    } catch {
      /* a throwing host listener is the host's business, not a reason to break */
    }
  }
}
