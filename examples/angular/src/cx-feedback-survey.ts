// Strict templates type `(cx-submit)`'s $event from the package, but not DOM property bindings: without this,
// `[survey]="42"` compiles. Matching `<cx-feedback [survey]>`, this directive takes the binding as a typed input and
// sets the element's property itself, at the moment Angular would have.
import type { CxFeedback, Survey } from 'cx-feedback';
import { Directive, ElementRef, Input, inject } from '@angular/core';

@Directive({ selector: 'cx-feedback[survey]' })
export class CxFeedbackSurvey {
  private readonly element: CxFeedback = inject<ElementRef<CxFeedback>>(ElementRef).nativeElement;

  @Input({ required: true }) set survey(survey: Survey) {
    this.element.survey = survey;
  }
}
