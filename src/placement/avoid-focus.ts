import type { Middleware, Placement } from '@floating-ui/dom';

const SIDES: Record<string, string> = { top: 'bottom', bottom: 'top', left: 'right', right: 'left' };

/**
 * Floating UI middleware: if the card would cover the element the visitor has focused (a field they are filling in,
 * a button they tabbed to), try the opposite side once. Runs after flip and shift; if the opposite side covers it
 * too, or flip sends the card back, the first result stands (bounded: one retry). document.activeElement is the
 * outermost focused element, so focus inside our own card reads as our host and is ignored.
 */
export const avoidFocus: Middleware = {
  name: 'avoidFocus',
  fn({ x, y, placement, rects, elements, middlewareData }) {
    const el = document.activeElement;
    const host = (elements.floating.getRootNode() as ShadowRoot).host;
    if (middlewareData.avoidFocus || !el || el == document.body || el == host || elements.floating.contains(el))
      return {};
    const r = el.getBoundingClientRect();
    const covers =
      x < r.right && x + rects.floating.width > r.left && y < r.bottom && y + rects.floating.height > r.top;
    return covers
      ? { data: { tried: 1 }, reset: { placement: placement.replace(/^\w+/, (s) => SIDES[s]) as Placement } }
      : {};
  },
};
