import { timer, type ArmContext } from './context.ts';

/** `delay:<seconds>`: that long after the trigger was started (the element's connect), not after navigation. */
export function armDelay({ fire, signal }: ArmContext, seconds: number): void {
  timer(signal)(fire, seconds * 1000);
}
