'use client';
// What works with client rendering (examples/react-vite), put through server rendering and hydration.
import type {} from 'cx-feedback/react';
import 'cx-feedback/define';
import { useState } from 'react';
import { survey } from '../../survey';
import { useHydratedMark } from '../hydrated';

export function PropertyFeedback() {
  useHydratedMark();
  const [submittedId, setSubmittedId] = useState('');
  // A different object on each click, so the re-render changes the prop.
  const [current, setCurrent] = useState(survey);
  return (
    <>
      <cx-feedback
        endpoint="/responses"
        touchpoint="examples"
        survey={current}
        oncx-submit={(event) => {
          // Written at once, so the check needs not wait for React to re-render to know the handler ran.
          document.documentElement.dataset.heard = event.detail.id;
          setSubmittedId(event.detail.id);
        }}
      />
      <button id="rerender" onClick={() => setCurrent({ ...survey })}>
        Re-render with a new survey object
      </button>
      <output id="submitted">{submittedId}</output>
    </>
  );
}
