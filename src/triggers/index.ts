import { armClick } from './click.ts';
import type { ArmContext } from './context.ts';
import { timer } from './context.ts';
import { armDelay } from './delay.ts';
import { armEvent } from './event.ts';
import { armExit } from './exit.ts';
import { armIdle } from './idle.ts';
import { armLoad } from './load.ts';
import { describeTrigger, type Trigger } from './parse.ts';
import { whenQuiet, type QuietOptions } from './quiet.ts';
import { armScroll } from './scroll.ts';
import { armVisible } from './visible.ts';

export type TriggerOptions = {
  /** The <cx-feedback> element (observed by `visible` when there is no anchor). */
  element: HTMLElement;
  anchor?: Element | null;
  /** Called at most once per start, never synchronously, with the trigger's text (e.g. `delay:5`). */
  fire: (reason: string) => void;
  /** Aborting it stops the trigger, like calling the returned stop. */
  signal?: AbortSignal;
  /** Quiet-zone settings; `false` skips quiet zones (inline widgets do not interrupt anything). */
  quiet?: QuietOptions | false;
  /** Hears why a fired trigger is being held back (for debug mode). */
  onWait?: (reason: string) => void;
};

const PROMPT = ['event', 'click', 'manual'];

/** The `value` type of trigger kind K (never for kinds without one). */
type ValueOf<K> = Trigger extends infer T
  ? T extends { kind: infer C; value: infer V }
    ? K extends C
      ? V
      : never
    : never
  : never;
const ARMS: { [K in Trigger['kind']]: (ctx: ArmContext, value: ValueOf<K>) => void } = {
  load: armLoad,
  delay: armDelay,
  scroll: armScroll,
  visible: armVisible,
  exit: armExit,
  event: armEvent,
  click: armClick,
  idle: armIdle,
  manual: () => {},
};

/**
 * Arms one trigger and returns its stop. A trigger fires once: it then removes its own listeners and the element
 * re-arms it (a new start) if the widget may show again, e.g. after a route change. `manual` never fires: those
 * widgets open through show(), the launcher or the JS API.
 */
export function startTrigger(spec: Trigger, o: TriggerOptions): () => void {
  const life = new AbortController();
  const arming = new AbortController();
  const stop = () => {
    life.abort();
    arming.abort();
  };
  if (o.signal?.aborted) stop();
  o.signal?.addEventListener('abort', stop, { signal: life.signal });
  const go = () => o.fire(describeTrigger(spec));
  const fire = () => {
    if (arming.signal.aborted) return;
    arming.abort();
    if (o.quiet === false) timer(life.signal)(go, 0);
    else
      whenQuiet(go, PROMPT.includes(spec.kind) ? 'prompt' : 'automatic', {
        ...o.quiet,
        signal: life.signal,
        onWait: o.onWait,
      });
  };
  if (!arming.signal.aborted) {
    (ARMS[spec.kind] as (ctx: ArmContext, value?: number | string) => void)(
      { element: o.element, anchor: o.anchor, fire, signal: arming.signal },
      'value' in spec ? spec.value : undefined,
    );
  }
  return stop;
}
