import { svg, type SVGTemplateResult } from 'lit';

/**
 * Drawn faces instead of emoji characters: platform emoji differ wildly (and some hosts have no colour emoji font),
 * these look the same everywhere, follow currentColor (so forced-colors and dark themes work) and cost ~300 bytes.
 * Mouth curvature runs from a frown (1) to a broad smile (5).
 */
const MOUTH = [0, 'M8 17q4-4 8 0', 'M8.5 16.5q3.5-2 7 0', 'M8.5 15.5h7', 'M8.5 14.5q3.5 2 7 0', 'M7.5 14q4.5 5 9 0'];

export const face = (value: number): SVGTemplateResult =>
  svg`<svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"><circle cx="12" cy="12" r="10"/><circle cx="8.5" cy="9.5" r=".6" fill="currentColor"/><circle cx="15.5" cy="9.5" r=".6" fill="currentColor"/><path d=${MOUTH[value] ?? MOUTH[3]}/></svg>`;

/** Thumb up; the "no" option is the same drawing rotated in CSS. */
export const thumb = (): SVGTemplateResult =>
  svg`<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round"><path d="M7 10v10H4V10zM7 10l4-7c1.5 0 2.5 1 2 3l-1 3h6a2 2 0 0 1 2 2.3l-1.2 7A2 2 0 0 1 16.8 20H7"/></svg>`;

export const close = (): SVGTemplateResult =>
  svg`<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" stroke="currentColor" stroke-width="2" stroke-linecap="round"><path d="M6 6l12 12M18 6L6 18"/></svg>`;

export const chat = (): SVGTemplateResult =>
  svg`<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"><path d="M4 5h16v11H9l-5 4z"/></svg>`;
