// CUSTOM_ELEMENTS_SCHEMA lets the template use a tag Angular does not know. `[survey]` is set as a property, after
// Angular has put the element into the page, through CxFeedbackSurvey (so it is type-checked); `(cx-submit)` adds a
// listener, and strict templates type `$event` from the package's own HTMLElementTagNameMap and event map.
import 'cx-feedback/define';
import type { CxEvent, Survey } from 'cx-feedback';
import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import { CxFeedbackSurvey } from './cx-feedback-survey';

@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  imports: [CxFeedbackSurvey],
  template: `
    <main>
      <cx-feedback endpoint="/responses" touchpoint="examples" [survey]="survey" (cx-submit)="showSubmitted($event)"></cx-feedback>
      <output id="submitted">{{ submittedId() }}</output>
    </main>
  `,
})
export class App {
  protected readonly survey: Survey = {
    id: 'examples-nps',
    questions: [{ id: 'nps', type: 'nps', prompt: 'How likely are you to recommend the example shop?' }],
  };
  protected readonly submittedId = signal('');

  protected showSubmitted(event: CxEvent<'cx-submit'>): void {
    this.submittedId.set(event.detail.id);
  }
}
