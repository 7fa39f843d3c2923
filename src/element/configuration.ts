import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Survey } from '../schema/survey.ts';
import type { SurveyCheck } from '../survey/check-survey.ts';
import { resolveConfig, type Config, type ConfigResult } from '../survey/config.ts';
import { loadSurveyCheck } from '../survey/load-check.ts';
import { warnOnce } from '../util/warn.ts';
import { emit } from './events.ts';

/** How long configuration may stay incomplete after a change before it is reported (frameworks set props late). */
const SETTLE_MS = 50;
/** How long a widget with no question and no survey at all may wait for one (a page that fetches its survey). */
const UNSET_MS = 2000;
/** The JSON survey check, once a widget on the page needed it (shared by every instance). */
let surveyCheck: SurveyCheck | undefined;

/**
 * The element's properties that only change how the card looks or what it sends along, read where they are used:
 * a change of any other property means reading the configuration again (so does a property added later, by default).
 */
export const RENDER_PROPERTIES: ReadonlySet<PropertyKey> = new Set([
  'theme',
  'density',
  'strings',
  'locales',
  'position',
  'keepParams',
  'scrub',
  'targeted',
]);

/** The element's configuration properties, as the controller reads them. */
export type ConfigHost = ReactiveControllerHost &
  HTMLElement & {
    readonly endpoint: string;
    readonly touchpoint: string;
    readonly question: string;
    readonly prompt: string;
    readonly followUp: string;
    readonly followUpWhen: string;
    readonly surveyId: string;
    readonly metadata: string;
    readonly survey?: Survey;
    readonly stage: string;
    readonly recovery: string;
    readonly hideLabels: boolean;
    readonly hasUpdated: boolean;
  };

export type ConfigCallbacks = {
  /** Before each reading: whatever the previous configuration started stops. */
  stop(): void;
  /** A valid configuration, on a connected element. */
  valid(config: Config): void;
  /** An invalid one: the card closes. */
  invalid(): void;
};

/**
 * Reads and checks the element's configuration (attributes, the `survey` property or a child JSON survey, whose check
 * with zod loads first) and reports problems once they have settled: React and Angular set properties a task or so
 * after the element connected, so what is still wrong after a short pause is a real problem, what was only not set yet
 * is not (console warning and `cx-error` kind `config`, once per configuration). A widget with no question and no
 * survey at all waits longer: a page may fetch its survey before setting it.
 */
export class Configuration implements ReactiveController {
  result: ConfigResult = { ok: false, problems: [] };
  /** A JSON survey's check is loading. */
  private configuring?: Promise<void>;
  /** Problems wait to be reported. */
  private reporting?: Promise<void>;
  private stopWaiting?: () => void;

  constructor(
    private readonly host: ConfigHost,
    private readonly callbacks: ConfigCallbacks,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // A child <script> is only there once the parser has passed it: wait for the document when still loading.
    if (document.readyState === 'loading') {
      const ready = () => this.read();
      document.addEventListener('DOMContentLoaded', ready, { once: true });
      this.stopWaiting = () => document.removeEventListener('DOMContentLoaded', ready);
    }
    // Reconnected (moved in the DOM): start again with the configuration it had.
    if (this.host.hasUpdated) this.read();
  }

  hostDisconnected(): void {
    this.stopWaiting?.();
    this.stopWaiting = undefined;
  }

  /** Resolves once a JSON survey's check has loaded and problems are reported: the widget has settled. */
  async settled(): Promise<void> {
    await this.configuring;
    await this.reporting;
  }

  /** Reads the configuration again (a property changed, the document finished parsing, the check loaded). */
  read(request = true): void {
    const host = this.host;
    const surveyJson = host.querySelector('script[type="application/json"]')?.textContent;
    const result = resolveConfig(
      {
        endpoint: host.endpoint,
        touchpoint: host.touchpoint,
        question: host.question,
        prompt: host.prompt,
        followUp: host.followUp,
        followUpWhen: host.followUpWhen,
        surveyId: host.surveyId,
        metadata: host.metadata,
        survey: host.survey,
        surveyJson,
        stage: host.stage,
        recovery: host.recovery,
        hideLabels: host.hideLabels,
        baseUrl: document.baseURI,
        pageProtocol: location.protocol,
      },
      surveyCheck,
    );
    this.callbacks.stop();
    if (!result.ok && result.needsSurveyCheck) {
      // A JSON survey: its check (with zod) loads first; nothing is wrong yet, so nothing is reported.
      this.result = { ok: false, problems: [] };
      this.configuring = this.loadCheck();
      return;
    }
    this.result = result;
    if (!result.ok) {
      // While the parser has not reached our children yet, the missing survey is not a mistake.
      if (document.readyState === 'loading' && !host.question && !host.survey) return;
      this.callbacks.invalid();
      const unset = !host.question && !host.survey && !surveyJson?.trim();
      this.reporting = this.reportWhenSettled(result.problems, unset ? UNSET_MS : SETTLE_MS);
    } else if (host.isConnected) {
      const who = `cx-feedback (touchpoint "${result.config.touchpoint}")`;
      result.warnings.forEach((warning) => warnOnce(`${who}: ${warning}`));
      this.callbacks.valid(result.config);
    }
    if (request) host.requestUpdate();
  }

  private who(): string {
    return `cx-feedback${this.host.touchpoint ? ` (touchpoint "${this.host.touchpoint}")` : ''}`;
  }

  /** Reported once, unless the configuration changed in the meantime. */
  private async reportWhenSettled(problems: string[], ms: number): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, ms));
    if (this.result.ok || this.result.problems !== problems || !this.host.isConnected) return;
    problems.forEach((problem) => warnOnce(`${this.who()}: ${problem}`));
    emit(this.host, 'cx-error', {
      kind: 'config',
      message: `${this.who()}: invalid configuration, see the console`,
      problems,
    });
  }

  /** Loads the JSON survey check (tried twice); a failure is reported as a configuration problem. */
  private async loadCheck(): Promise<void> {
    try {
      surveyCheck ??= await loadSurveyCheck();
    } catch {
      const problem = `${this.who()}: the survey check (zod, next to the script) did not load, so the JSON survey cannot be shown; check that the files are served`;
      warnOnce(problem);
      emit(this.host, 'cx-error', { kind: 'config', message: problem, problems: [problem] });
      return;
    }
    if (this.host.isConnected) this.read();
  }
}
