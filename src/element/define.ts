import { CxFeedback } from './cx-feedback.ts';

/**
 * Registers <cx-feedback>. Guarded, because an embed script can be loaded twice on a customer's page (two tags, two
 * versions); the second copy must not throw NotSupportedError into the host.
 */
export function defineCxFeedback(): void {
  // Nothing to register into where there is no registry (a worker, a server without a DOM shim).
  if (typeof customElements == 'undefined') return;
  if (!customElements.get('cx-feedback')) customElements.define('cx-feedback', CxFeedback);
}
