// @ts-check
// A plain page: the survey is a property, the handler a listener. This runs before the deferred script defines the
// element; the widget (Lit) keeps a property set before its upgrade, so no whenDefined() is needed.
/** @type {import('cx-feedback').Survey} */
const survey = {
  id: 'examples-nps',
  questions: [{ id: 'nps', type: 'nps', prompt: 'How likely are you to recommend the example shop?' }],
};
const widget = document.querySelector('cx-feedback');
const output = document.querySelector('output#submitted');
if (widget && output) {
  widget.survey = survey;
  widget.addEventListener('cx-submit', (event) => (output.textContent = event.detail.id));
}
