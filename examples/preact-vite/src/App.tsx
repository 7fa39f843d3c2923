// Preact sets `survey` as a property (the defined element has one) and adds `oncx-submit` as a listener for the
// `cx-submit` event. The first line is the documented opt-in for the JSX types.
import type {} from 'cx-feedback/preact';
import 'cx-feedback/define';
import type { Survey } from 'cx-feedback';
import { useState } from 'preact/hooks';

const survey: Survey = {
  id: 'examples-nps',
  questions: [{ id: 'nps', type: 'nps', prompt: 'How likely are you to recommend the example shop?' }],
};

export function App() {
  const [submittedId, setSubmittedId] = useState('');
  return (
    <main>
      <cx-feedback
        endpoint="/responses"
        touchpoint="examples"
        survey={survey}
        oncx-submit={(event) => setSubmittedId(event.detail.id)}
      />
      <output id="submitted">{submittedId}</output>
    </main>
  );
}
