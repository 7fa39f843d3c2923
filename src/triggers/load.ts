import type { ArmContext } from './context.ts';

/** `load`: once the page has finished loading (at once if it already has). */
export function armLoad({ fire, signal }: ArmContext): void {
  if (document.readyState == 'complete') fire();
  else addEventListener('load', fire, { signal });
}
