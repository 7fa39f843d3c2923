import { listen, timer, type ArmContext } from './context.ts';

const INPUT = 'pointermove pointerdown keydown wheel scroll'.split(' ');

/**
 * `idle:<seconds>`: no pointer, key, wheel or scroll input for that long. Input only stamps a time (pointermove is
 * frequent); one timer re-checks when the quiet period could have ended.
 */
export function armIdle({ fire, signal }: ArmContext, seconds: number): void {
  const ms = seconds * 1000;
  const set = timer(signal);
  let last = performance.now();
  const tick = () => {
    const left = last + ms - performance.now();
    if (left > 0) set(tick, left);
    else fire();
  };
  for (const type of INPUT) addEventListener(type, () => (last = performance.now()), listen(signal));
  set(tick, ms);
}
