import { listen, type ArmContext } from './context.ts';

/**
 * `event:<name>`: an event of that name, dispatched on window, on document or on any element in the page, bubbling or
 * not. One capturing listener on window hears all of them: the capture phase starts at window even for events that
 * do not bubble, and an event dispatched on window itself reaches it at target.
 */
export function armEvent({ fire, signal }: ArmContext, name: string): void {
  addEventListener(name, fire, listen(signal));
}
