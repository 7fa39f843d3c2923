import { listen, type ArmContext } from './context.ts';

/**
 * `click:<selector>`: a click on (or inside) an element matching the selector, delegated on document so elements added
 * later count too. composedPath() sees through open shadow roots, where event.target would be the retargeted host.
 */
export function armClick({ fire, signal }: ArmContext, selector: string): void {
  document.addEventListener(
    'click',
    (e) => e.composedPath().some((n) => n instanceof Element && n.matches(selector)) && fire(),
    listen(signal),
  );
}
