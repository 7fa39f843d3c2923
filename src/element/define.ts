import { CxFeedback } from './cx-feedback.ts';

/**
 * Registers <cx-feedback>. Guarded, because an embed script can be loaded twice on a customer's page (two tags, two
 * versions); the second copy must not throw NotSupportedError into the host.
 */
export function defineCxFeedback(): void {
  if (!customElements.get('cx-feedback')) customElements.define('cx-feedback', CxFeedback);
}
