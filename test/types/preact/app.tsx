// What a Preact app writes: one opt-in line for the JSX types.
import type {} from 'cx-feedback/preact';

export const Help = () => (
  <cx-feedback
    endpoint="/responses"
    touchpoint="help-article-42"
    question="reaction"
    oncx-sent={(event) => event.detail.status}
  />
);

// @ts-expect-error hide-labels takes a boolean
export const Wrong = () => <cx-feedback hide-labels="maybe" />;
