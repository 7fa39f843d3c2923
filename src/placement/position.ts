import type { Placement } from '@floating-ui/dom';

export type Position = { placement: Placement; problem?: string };

const FLOATING: Record<string, Placement> = { left: 'right', right: 'left', 'bottom-left': 'top-start' };

/**
 * Where a card goes relative to its reference, from the `position` attribute. Floating: the launcher's corner decides
 * which way the card opens (`bottom-right`, the default, opens up and to the left). Popover: a side of the anchor,
 * optionally `-start` / `-end`; anything else is a problem and the default `bottom`.
 */
export function parsePosition(mode: string, position: string): Position {
  if (mode == 'floating') return { placement: FLOATING[position] ?? 'top-end' };
  if (/^(top|bottom|left|right)(-start|-end)?$/.test(position)) return { placement: position as Placement };
  if (!position) return { placement: 'bottom' };
  return {
    placement: 'bottom',
    problem: `position="${position}" is not valid for a popover; expected top, bottom, left or right, optionally with -start or -end`,
  };
}
