import { listen, type ArmContext } from './context.ts';

/**
 * `scroll:<percent>`: the page has been scrolled that far, as scrollY / (scrollHeight - innerHeight). A page too short
 * to scroll counts as 100 %, so `scroll:80` still fires there. Checked once at start (restored scroll positions).
 */
export function armScroll({ fire, signal }: ArmContext, percent: number): void {
  const check = () => {
    const range = document.documentElement.scrollHeight - innerHeight;
    if (range <= 0 || (scrollY / range) * 100 >= percent) fire();
  };
  addEventListener('scroll', check, listen(signal));
  check();
}
