import type { ArmContext } from './context.ts';

/** `visible`: the anchor (or the element itself) enters the viewport. */
export function armVisible({ element, anchor, fire, signal }: ArmContext): void {
  const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && fire());
  io.observe(anchor ?? element);
  signal.addEventListener('abort', () => io.disconnect());
}
