import type { Answer, PayloadV1 } from '../schema/payload.ts';

/**
 * Every public event of <cx-feedback>, in one place. All bubble and are composed (they cross the shadow root so a
 * site can listen on document); `cx-show` and `cx-recovery` are cancelable. Nothing fires for programmatic property changes.
 */
export type CxEventMap = {
  /** About to show (after the trigger and frequency rules allowed it); `preventDefault()` keeps it hidden. */
  'cx-show': { surveyId: string; touchpoint: string; trigger: string };
  /** The visitor picked or typed an answer (before anything is sent). */
  'cx-answer': Answer & { surveyId: string };
  /** A response was built and handed to the outbox; detail is the exact payload that will be POSTed. */
  'cx-submit': PayloadV1;
  /**
   * The visitor's first answer was negative (a low rating, a negative reaction, worse than expected, task not done):
   * a chance to help at once. `preventDefault()` hides the built-in `recovery` offer, e.g. to open the site's own chat.
   */
  'cx-recovery': { payload: PayloadV1; sentiment: 'negative' };
  /** The endpoint acknowledged a response (2xx, including "duplicate"). */
  'cx-sent': { id: string; status: number };
  /**
   * Something went wrong: `config` (bad attributes; see console), `delivery` (given up / paused), `storage`, `load`
   * (a part of the widget did not download; the next trigger tries again).
   */
  'cx-error': {
    kind: 'config' | 'delivery' | 'storage' | 'load' | 'internal';
    message: string;
    id?: string;
    problems?: string[];
  };
  /** The card closed: answered and done, dismissed (close button / Escape), snoozed ("Ask me later"), or its page went away. */
  'cx-close': { reason: 'done' | 'dismiss' | 'escape' | 'snooze' | 'route' | 'api' };
};

export type CxEventName = keyof CxEventMap;
export type CxEvent<K extends CxEventName> = CustomEvent<CxEventMap[K]>;

export function emit<K extends CxEventName>(target: EventTarget, name: K, detail: CxEventMap[K]): boolean {
  return target.dispatchEvent(
    new CustomEvent(name, {
      detail,
      bubbles: true,
      composed: true,
      cancelable: name === 'cx-show' || name === 'cx-recovery',
    }),
  );
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cx-show': CxEvent<'cx-show'>;
    'cx-answer': CxEvent<'cx-answer'>;
    'cx-submit': CxEvent<'cx-submit'>;
    'cx-recovery': CxEvent<'cx-recovery'>;
    'cx-sent': CxEvent<'cx-sent'>;
    'cx-error': CxEvent<'cx-error'>;
    'cx-close': CxEvent<'cx-close'>;
  }
}
