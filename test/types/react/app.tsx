// What a React 19 app writes: one opt-in line for the JSX types, nothing hand-written.
import type {} from 'cx-feedback/react';
import type { Survey } from 'cx-feedback';

const survey: Survey = { id: 'post-purchase', questions: [{ id: 'nps', type: 'nps' }] };

export const Checkout = () => (
  <cx-feedback
    endpoint="/responses"
    touchpoint="checkout"
    stage="purchase"
    survey={survey}
    oncx-submit={(event) => console.log(event.detail.id, event.detail.answers[0]?.value)}
    oncx-recovery={(event) => event.preventDefault()}
  />
);

// The survey property is typed: a string is not a survey.
// @ts-expect-error Type 'string' is not assignable to type 'Survey'
export const Wrong = () => <cx-feedback endpoint="/responses" touchpoint="checkout" survey="nps" />;

// Event details are typed from the element's event map.
// @ts-expect-error Property 'nope' does not exist on the cx-sent detail
export const WrongEvent = () => <cx-feedback oncx-sent={(event) => event.detail.nope} />;
