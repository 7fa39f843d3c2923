import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { register } from '../api/registry.ts';
import { coordinator } from '../coordinator/index.ts';
import { takeFired } from '../script/handoff.ts';
import { ask } from '../frequency/ask.ts';
import { record, type DecideInput, type Decision, type RecordEvent } from '../frequency/rules.ts';
import { store } from '../frequency/store.ts';
import { matchesUrl, watchRoute } from '../placement/route.ts';
import { startTrigger } from '../triggers/index.ts';
import { safeQuery } from '../util/query.ts';
import { explain, isDebug, warn } from '../triggers/debug.ts';
import type * as parse from '../triggers/parse.ts';
import { touchpointSettings, type Mode } from '../touchpoint/settings.ts';

/** The touchpoint attributes as the element holds them (properties: a framework may set them without reflecting). */
export type TouchpointAttributes = {
  readonly mode: string;
  readonly anchor: string;
  readonly trigger: string;
  readonly url: string;
  readonly frequency: string;
  readonly recontactDays: string;
  readonly cooldownDays: string;
  readonly snoozeDays: string;
  readonly sample: string;
  readonly priority: string;
};

/** What the controller does to the card, as callbacks: it never calls into the element otherwise. */
export type TouchpointCallbacks = {
  /** Opens the card; false when it stayed closed (cx-show cancelled, bad config). */
  reveal(trigger: string): boolean;
  /** Closes the card because its page went away (SPA route) or the API asked. */
  conceal(reason: 'route' | 'api'): void;
  /** The launcher of a floating widget is shown only on matching pages. */
  setTargeted(on: boolean): void;
  /** An interrupting card is queued to open: a chance to fetch what opening needs while it waits for its turn. */
  prepare(): void;
};

type Identity = { id: string; touchpoint: string };

/**
 * Where and when a widget opens (docs/touchpoints.md): parses the touchpoint attributes once per configuration, arms
 * the trigger, asks the frequency rules and, for interrupting widgets, the page coordinator; records what happened.
 * The element only renders. Everything started here is stopped by `stop()` (disconnect, reconfiguration).
 */
export class Touchpoint implements ReactiveController {
  private stops: Array<() => void> = [];
  private who?: Identity;
  private rules: Omit<DecideInput, 'id' | 'state' | 'now' | 'draw'> = {};
  private priority = 0;
  private openedBy = '';
  private triggerSpec: parse.Trigger = { kind: 'load' };
  private urlTarget?: parse.UrlTarget;
  /** Takes a still-queued open request out of the coordinator's queue. */
  private cancelOpen?: () => void;
  /**
   * The survey id whose open card holds the page's interrupting slot. It outlives a restart (an attribute changed
   * while the card is open) and is given back only when the card closes, so a second interrupting card cannot open.
   */
  private held?: string;
  private warned = new Set<string>();
  mode: Mode = 'inline';

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & TouchpointAttributes,
    private readonly card: TouchpointCallbacks,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** Whether this widget interrupts (popover, or floating that opens by itself): those queue and obey the cooldown. */
  get interrupting(): boolean {
    return this.mode == 'popover' || (this.mode == 'floating' && this.triggerSpec.kind != 'manual');
  }

  /** (Re)starts for a valid configuration: registers for the JS API, arms the trigger, watches SPA routes. */
  start(who: Identity): void {
    this.stop();
    this.who = who;
    const h = this.host;
    // Properties, not attributes: a framework may set them without reflecting.
    const values: Record<string, string> = {
      mode: h.mode,
      trigger: h.trigger,
      url: h.url,
      anchor: h.anchor,
      frequency: h.frequency,
      'recontact-days': h.recontactDays,
      'cooldown-days': h.cooldownDays,
      'snooze-days': h.snoozeDays,
      sample: h.sample,
      priority: h.priority,
    };
    const settings = touchpointSettings(
      (attr) => values[attr] ?? '',
      (problem, attr) => this.report(problem, attr),
    );
    this.mode = settings.mode;
    this.triggerSpec = settings.trigger;
    this.urlTarget = settings.url;
    this.rules = settings.rules;
    this.priority = settings.priority;
    this.stops.push(
      register({
        surveyId: who.id,
        touchpoint: who.touchpoint,
        show: (t = 'api') => this.open(t),
        hide: () => this.card.conceal('api'),
      }),
      watchRoute(() => this.arm(performance.now())),
      () => this.disarm?.(),
      () => this.cancelOpen?.(),
    );
    this.arm();
  }

  stop(): void {
    this.stops.splice(0).forEach((s) => s());
    this.cancelOpen = undefined;
  }

  private report({ problem }: parse.Problem, attr: string): void {
    if (this.warned.has(problem)) return;
    this.warned.add(problem);
    warn(
      this.host,
      `${problem} (${attr} of touchpoint "${this.host.getAttribute('touchpoint') ?? ''}"); using the default`,
    );
  }

  private disarm?: () => void;

  /** Arms the trigger on a matching page; on a page that no longer matches, closes the card. */
  private arm(since = 0): void {
    this.disarm?.();
    const targeted = !this.urlTarget || matchesUrl(this.urlTarget);
    this.card.setTargeted(targeted);
    if (!targeted) {
      this.cancelOpen?.();
      this.card.conceal('route');
      return explain(this.host, `url "${this.host.url}" does not match ${location.href}`);
    }
    // Inline + load shows in the same update that connects it: no extra frame in which the page could shift.
    if (this.mode == 'inline' && this.triggerSpec.kind == 'load') return this.fired('load');
    // The page's entry module heard this trigger fire, asked the rules and loaded us: open now, not next time.
    const fired = takeFired(this.host);
    if (fired) return this.fired(fired);
    const anchor = this.host.anchor ? safeQuery(this.host.anchor) : null;
    this.disarm = startTrigger(this.triggerSpec, {
      element: this.host,
      anchor,
      fire: (reason) => this.fired(reason),
      quiet: this.mode == 'inline' ? false : { since },
      onWait: (why) => explain(this.host, `waiting: ${why}`),
    });
  }

  private decision(): Decision {
    return ask(this.who!.id, { ...this.rules, interrupting: this.interrupting, debug: isDebug(this.host) });
  }

  /** A trigger fired: the rules decide, then an interrupting widget queues for its turn. */
  private fired(reason: string): void {
    if (!this.who) return;
    // An inline widget without frequency or sample has no rule to ask: skip reading the stored state at start-up.
    if (this.mode == 'inline' && !this.host.frequency && this.rules.sample === undefined)
      return void this.reveal(reason);
    const d = this.decision();
    if (d.reason) explain(this.host, d.reason);
    if (!d.show) return;
    if (!this.interrupting) return void this.reveal(reason);
    this.queue(reason, true);
  }

  private queue(reason: string, recheck: boolean): void {
    const id = this.who!.id;
    this.card.prepare();
    this.cancelOpen?.();
    this.cancelOpen = coordinator.requestOpen({
      id,
      priority: this.priority,
      denied: (why) => explain(this.host, why),
      // Re-decided at its turn: while it queued, another survey may have started the site-wide cooldown.
      open: () => {
        this.cancelOpen = undefined;
        if ((recheck && !this.decision().show) || !this.reveal(reason)) coordinator.release(id);
        else this.held = id;
      },
    });
  }

  /** Manual opens (launcher, show(), the JS API) skip the frequency rules: the visitor or the site asked. */
  open(reason: string): boolean {
    if (!this.who) return false;
    if (this.mode == 'inline' || reason == 'launcher') return this.reveal(reason);
    this.queue(reason, false);
    return true;
  }

  private reveal(reason: string): boolean {
    if (!this.card.reveal(reason)) return false;
    this.openedBy = reason;
    this.note('shown');
    return true;
  }

  /** Records shown / answered / dismissed / snoozed for the frequency rules; a closing card lets the next one open. */
  note(type: RecordEvent['type']): void {
    if (!this.who) return;
    // Inline widgets count only when the site asked for frequency rules; otherwise they keep no state at all.
    if (this.mode == 'inline' && !this.host.frequency) return;
    store.save(
      record(store.load(), {
        id: this.who.id,
        type,
        at: Date.now(),
        interrupting: type == 'shown' && this.interrupting && this.openedBy != 'launcher',
      }),
    );
  }

  closed(): void {
    if (this.held) coordinator.release(this.held);
    this.held = undefined;
    this.cancelOpen?.();
    this.cancelOpen = undefined;
  }
}
