import type { Survey } from 'cx-feedback';

export const survey: Survey = {
  id: 'examples-nps',
  questions: [{ id: 'nps', type: 'nps', prompt: 'How likely are you to recommend the example shop?' }],
};
