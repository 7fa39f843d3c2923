import { autoUpdate, computePosition, flip, hide, offset, platform, shift, type Placement } from '@floating-ui/dom';
import { offsetParent } from 'composed-offset-position';
import { avoidFocus } from './avoid-focus.ts';

export type PopoverOptions = {
  /** Preferred side of the anchor (default `bottom`); flip picks the other side when this one has no room. */
  placement?: Placement;
  /** Gap between anchor and card, px (default 8). */
  gap?: number;
  /** Minimum distance from the viewport edges, px (default 8). */
  padding?: number;
};

/**
 * The card is position: fixed inside our shadow root. offsetParent does not report ancestors across shadow boundaries
 * (https://github.com/w3c/csswg-drafts/issues/159), so Floating UI would miss a transformed or contained ancestor;
 * composed-offset-position restores the old behaviour.
 */
const shadowPlatform = { ...platform, getOffsetParent: (el: Element) => platform.getOffsetParent(el, offsetParent) };

/**
 * Anchors `floating` to `anchor` and keeps it there through scroll, resize and layout shifts, until the returned stop
 * is called. Call it when the card opens and stop when it closes: autoUpdate's listeners and observers only exist
 * while it is open. `fixed` keeps the page's layout untouched. The card hides (visibility) while its anchor is
 * scrolled out of view, and data-placement tells CSS the side it ended up on.
 */
export function anchorPopover(
  anchor: Element,
  floating: HTMLElement,
  { placement = 'bottom', gap = 8, padding = 8 }: PopoverOptions = {},
): () => void {
  let live = true;
  const update = () =>
    computePosition(anchor, floating, {
      strategy: 'fixed',
      placement,
      middleware: [offset(gap), flip({ padding }), shift({ padding }), avoidFocus, hide()],
      platform: shadowPlatform,
    }).then(({ x, y, placement: side, middlewareData }) => {
      if (!live) return;
      Object.assign(floating.style, {
        position: 'fixed',
        left: `${x}px`,
        top: `${y}px`,
        visibility: middlewareData.hide?.referenceHidden ? 'hidden' : '',
      });
      floating.dataset.placement = side;
    });
  const cleanup = autoUpdate(anchor, floating, update);
  return () => {
    live = false;
    cleanup();
  };
}
