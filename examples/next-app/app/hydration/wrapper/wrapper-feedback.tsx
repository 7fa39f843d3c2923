'use client';
// A @lit/react wrapper: it sets properties and adds listeners in a layout effect, which also runs after hydration.
import { createComponent, type EventName } from '@lit/react';
import { CxFeedback, type CxEvent } from 'cx-feedback';
import 'cx-feedback/define';
import * as React from 'react';
import { useState } from 'react';
import { survey } from '../../survey';
import { useHydratedMark } from '../hydrated';

const Widget = createComponent({
  tagName: 'cx-feedback',
  elementClass: CxFeedback,
  react: React,
  events: { onCxSubmit: 'cx-submit' as EventName<CxEvent<'cx-submit'>> },
});

export function WrapperFeedback() {
  useHydratedMark();
  const [submittedId, setSubmittedId] = useState('');
  return (
    <>
      <Widget endpoint="/responses" touchpoint="examples" survey={survey} onCxSubmit={(event) => setSubmittedId(event.detail.id)} />
      <output id="submitted">{submittedId}</output>
    </>
  );
}
