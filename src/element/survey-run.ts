import type { ReactiveControllerHost } from 'lit';
import type { Answer, PayloadV1 } from '../schema/payload.ts';
import type { Question, Recovery, Survey } from '../schema/survey.ts';
import type { Config } from '../survey/config.ts';
import { answerSentiment, followUps, isOneTap } from '../survey/flow.ts';
import { buildPayload, type PayloadInput } from '../survey/payload.ts';
import { answerList, pick, type Answers, type Others } from '../survey/session.ts';
import { newId } from '../transport/uuid.ts';
import { emit } from './events.ts';
import type { Phase } from './render-card.ts';

/** What a run needs of <cx-feedback>: updates, events, and the card's radios. */
export type RunHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** Where the payload's context comes from: the element's attributes and the showing's circumstances. */
export type PayloadContext = Pick<PayloadInput, 'locale' | 'placement' | 'keepParams' | 'scrubText'>;

export type RunCallbacks = {
  /** The checked configuration; undefined while it is not valid. */
  config(): Config | undefined;
  context(): PayloadContext;
  /** Arrow keys are browsing a radio group: the click browsers fire for it is not an answer. */
  browsing(): boolean;
  /** The first answer was given: the frequency rules count it at once. */
  answered(): void;
  /** Hands a response to delivery; `first` is the showing's first answer. */
  deliver(endpoint: string, payload: PayloadV1, first: boolean): void;
  /** The first answer moved the card on (to its follow-ups or the thank-you). */
  phaseChanged(phase: 'follow-up' | 'thanks'): void;
  fail(error: unknown): void;
};

/**
 * One showing of the survey: its phase (asking, follow-up, thanks), the answers given so far, and the responses they
 * make. The first answer of a one-tap question is sent as it is picked; follow-ups go as a second response linked to
 * it. A double tap (or Enter and a click) makes one response (matrix C03).
 */
export class SurveyRun {
  phase: Phase = 'hidden';
  answers: Answers = new Map();
  others: Others = new Map();
  /** The first answer was given in this showing. */
  answered = false;
  /** The help link to offer with the thank-you: the first answer was negative and no listener took over. */
  offer?: Recovery;
  /** The trigger that opened this showing, sent as `context.trigger`. */
  private shownBy = 'load';
  private firstId?: string;
  private busy = false;

  constructor(
    private readonly host: RunHost,
    private readonly callbacks: RunCallbacks,
  ) {}

  /** A new showing, opened by `trigger`: nothing answered yet. */
  begin(trigger: string): void {
    this.shownBy = trigger;
    this.answered = false;
    this.answers = new Map();
    this.others = new Map();
    this.busy = false;
    this.offer = undefined;
    this.firstId = undefined;
    this.setPhase('asking');
  }

  /** The card closed, or must not show (invalid configuration, a contained failure). */
  end(): void {
    this.setPhase('hidden');
  }

  /** The questions the card shows in this phase. */
  questions(survey: Survey): Question[] {
    return this.phase === 'asking' ? [survey.questions[0]] : followUps(survey, this.answers);
  }

  readonly pick = (question: Question, value: number | string): void => {
    this.answers = pick(this.answers, question, value);
    this.host.requestUpdate();
    this.announce(question);
    if (!this.callbacks.browsing() && this.phase === 'asking' && isOneTap(question)) this.submitFirst();
  };

  readonly text = (question: Question, value: string, field: 'value' | 'other'): void => {
    if (field === 'other') this.others = new Map(this.others).set(question.id, value);
    else this.answers = new Map(this.answers).set(question.id, value);
    this.host.requestUpdate();
  };

  /** The Send button: the first answer, or the follow-ups after it. */
  readonly send = (): void => (this.phase === 'asking' ? this.submitFirst() : this.submitFollowUps());

  readonly skip = (): void => this.setPhase('thanks');

  private announce(question: Question): void {
    const config = this.callbacks.config();
    const value = this.answers.get(question.id);
    if (config && value !== undefined)
      emit(this.host, 'cx-answer', {
        surveyId: config.survey.id,
        questionId: question.id,
        type: question.type,
        value,
      });
  }

  private submitFirst(): void {
    const config = this.callbacks.config();
    if (this.busy || !config) return;
    const first = config.survey.questions[0];
    const answers = answerList([first], this.answers, this.others);
    if (!answers.length) return;
    this.busy = true;
    this.answered = true;
    this.callbacks.answered();
    this.firstId = newId();
    const payload = this.respond(config, this.firstId, answers);
    if (payload && answerSentiment(first, answers[0].value) === 'negative') this.offerRecovery(config, payload);
    this.setPhase(followUps(config.survey, this.answers).length ? 'follow-up' : 'thanks');
  }

  private submitFollowUps(): void {
    const config = this.callbacks.config();
    if (!config || this.phase !== 'follow-up') return;
    const answers = answerList(followUps(config.survey, this.answers), this.answers, this.others);
    if (answers.length) this.respond(config, newId(), answers, this.firstId);
    this.setPhase('thanks');
  }

  /** Fires `cx-recovery`; unless a listener took over, the thank-you offers the configured help link. */
  private offerRecovery(config: Config, payload: PayloadV1): void {
    if (emit(this.host, 'cx-recovery', { payload, sentiment: 'negative' })) this.offer = config.survey.recovery;
  }

  /** Builds the payload and hands it to delivery; returns it, or undefined where it could not be built. */
  private respond(config: Config, id: string, answers: Answer[], followUpOf?: string): PayloadV1 | undefined {
    let payload: PayloadV1;
    try {
      payload = buildPayload({
        ...this.callbacks.context(),
        id,
        surveyId: config.survey.id,
        touchpoint: config.touchpoint,
        answers,
        metadata: config.metadata,
        followUpOf,
        trigger: this.shownBy,
        stage: config.survey.stage,
      });
    } catch (error) {
      this.callbacks.fail(error);
      return undefined;
    }
    emit(this.host, 'cx-submit', payload);
    this.callbacks.deliver(config.endpoint, payload, id === this.firstId);
    return payload;
  }

  private setPhase(phase: Phase): void {
    if (phase === this.phase) return;
    // Chromium keeps radio inputs removed from a shadow root in that root's radio-group registry while they have a
    // name, and with them the whole card they belonged to (the benchmark's open/close growth gate found it). A phase
    // change replaces the questions, so the old radios lose their names first.
    this.host.renderRoot?.querySelectorAll?.('input[type=radio][name]').forEach((i) => i.removeAttribute('name'));
    this.phase = phase;
    this.host.requestUpdate();
    if (phase === 'follow-up' || phase === 'thanks') this.callbacks.phaseChanged(phase);
  }
}
