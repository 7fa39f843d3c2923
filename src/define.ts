import { CxFeedback } from './element/cx-feedback.ts';

/**
 * The one side effect of the package: registers <cx-feedback>. Guarded, because an embed script can be loaded twice
 * on a customer's page (two tags, two versions); the second copy must not throw NotSupportedError into the host.
 */
if (!customElements.get('cx-feedback')) customElements.define('cx-feedback', CxFeedback);

declare global {
  interface HTMLElementTagNameMap {
    'cx-feedback': CxFeedback;
  }
}

export { CxFeedback };
