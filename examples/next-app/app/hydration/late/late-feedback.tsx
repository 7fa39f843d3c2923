'use client';
// The survey set as a property a while after the element connected: through a ref, in an effect after hydration.
import type {} from 'cx-feedback/react';
import 'cx-feedback/define';
import type { CxFeedback } from 'cx-feedback';
import { useEffect, useRef, useState } from 'react';
import { survey } from '../../survey';
import { useHydratedMark } from '../hydrated';

export function LateFeedback() {
  useHydratedMark();
  const widget = useRef<CxFeedback>(null);
  const [submittedId, setSubmittedId] = useState('');
  useEffect(() => {
    const element = widget.current;
    if (!element) return;
    const setSurvey = () => {
      // Recorded for the check: the element had connected (and upgraded) before the survey arrived, and when.
      element.dataset.upgradedBeforeSurvey = String(element.matches(':defined') && element.shadowRoot !== null);
      element.dataset.surveySetAt = String(performance.now());
      element.survey = survey;
    };
    // ?delay=<ms> stands for a survey fetched from an API; not part of the CI check (see ../README.md).
    const delay = Number(new URLSearchParams(location.search).get('delay') ?? 0);
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (delay > 0) timer = setTimeout(setSurvey, delay);
    else setSurvey();
    const onSubmit = (event: HTMLElementEventMap['cx-submit']) => setSubmittedId(event.detail.id);
    element.addEventListener('cx-submit', onSubmit);
    return () => {
      clearTimeout(timer);
      element.removeEventListener('cx-submit', onSubmit);
    };
  }, []);
  return (
    <>
      <cx-feedback ref={widget} endpoint="/responses" touchpoint="examples" />
      <output id="submitted">{submittedId}</output>
    </>
  );
}
