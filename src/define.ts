import { CxFeedback } from './element/cx-feedback.ts';
import { defineCxFeedback } from './element/define.ts';

/** The one side effect of the package: registers <cx-feedback> (guarded: see element/define.ts). */
defineCxFeedback();

declare global {
  interface HTMLElementTagNameMap {
    'cx-feedback': CxFeedback;
  }
}

export { CxFeedback };
