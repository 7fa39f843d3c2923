'use client';
// React does not set custom-element properties or add `on*` listeners while it hydrates server HTML
// (facebook/react#35446), so the survey travels as a child <script type="application/json"> in the server HTML, and
// the cx-submit listener is added in an effect, which runs after hydration.
import type {} from 'cx-feedback/react';
import 'cx-feedback/define';
import type { CxFeedback } from 'cx-feedback';
import { useEffect, useRef, useState } from 'react';
import { survey } from './survey';

// "<" escaped, so a "</script>" inside a prompt cannot end the script element early.
const surveyJson = JSON.stringify(survey).replace(/</g, '\\u003c');

export function Feedback() {
  const widget = useRef<CxFeedback>(null);
  const [submittedId, setSubmittedId] = useState('');
  useEffect(() => {
    const element = widget.current;
    if (!element) return;
    // Typed by the package: event.detail is the cx-submit detail.
    const onSubmit = (event: HTMLElementEventMap['cx-submit']) => setSubmittedId(event.detail.id);
    element.addEventListener('cx-submit', onSubmit);
    return () => element.removeEventListener('cx-submit', onSubmit);
  }, []);
  return (
    <>
      <cx-feedback ref={widget} endpoint="/responses" touchpoint="examples">
        <script type="application/json" dangerouslySetInnerHTML={{ __html: surveyJson }} />
      </cx-feedback>
      <output id="submitted">{submittedId}</output>
    </>
  );
}
