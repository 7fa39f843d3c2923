import { listen, type ArmContext } from './context.ts';

/**
 * `exit`: exit intent, the pointer leaves the page through its top edge (towards tabs, address bar, close button).
 * Only on fine-pointer devices: touch screens have no such gesture, so there the trigger never fires.
 */
export function armExit({ fire, signal }: ArmContext): void {
  if (!matchMedia('(pointer:fine)').matches) return;
  document.addEventListener('mouseout', (e) => !e.relatedTarget && e.clientY < 10 && fire(), listen(signal));
}
