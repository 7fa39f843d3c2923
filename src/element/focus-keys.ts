import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { deepActiveElement } from '../triggers/quiet.ts';
import { safeQuery } from '../util/query.ts';

/** What the controller needs of <cx-feedback>. */
export type FocusHost = ReactiveControllerHost &
  HTMLElement & {
    readonly renderRoot: HTMLElement | DocumentFragment;
    readonly anchor: string;
  };

export type FocusCallbacks = {
  /** Whether a card is open, and whether it floats (popover, floating): Escape closes only those. */
  state(): { open: boolean; inline: boolean };
  /** Escape closes the card. */
  escape(): void;
};

/**
 * Focus and keys of the card: radio groups answer on Space and Enter but not while arrow keys browse them; Escape
 * closes a floating card (unless it belongs to the page's own field or dialog); focus moves into a card only when the
 * visitor opened it, follows the controls a phase change replaces, and goes back where it was when the card closes.
 */
export class FocusKeys implements ReactiveController {
  /** Arrow keys are browsing a radio group: the click browsers fire for it is not an answer. */
  arrowNav = false;
  /** Where focus goes back to when the card closes (what had it before the visitor opened the card). */
  private returnFocus?: HTMLElement;

  constructor(
    private readonly host: FocusHost,
    private readonly callbacks: FocusCallbacks,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.onKeydown);
    document.addEventListener('keydown', this.onEscape);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onKeydown);
    document.removeEventListener('keydown', this.onEscape);
  }

  /** A card opened: focus moves into it only when the visitor opened it; an automatic open never steals focus. */
  opened(byVisitor: boolean): void {
    if (!byVisitor) return void (this.returnFocus = undefined);
    const active = deepActiveElement();
    this.returnFocus = active instanceof HTMLElement ? active : undefined;
    void this.host.updateComplete.then(() =>
      this.host.renderRoot.querySelector<HTMLElement>('.card :is(input, textarea, button:not(.close))')?.focus(),
    );
  }

  /** The card is closing: focus only comes back if it was ours, so a card closing elsewhere leaves focus alone. */
  closing(): void {
    if (!this.host.matches(':focus-within')) return;
    void this.host.updateComplete.then(() => {
      const launcher = this.host.renderRoot.querySelector<HTMLElement>('.launcher');
      const anchor = this.host.anchor ? safeQuery(this.host.anchor) : null;
      const target = [this.returnFocus, launcher, anchor].find(
        (el): el is HTMLElement => el instanceof HTMLElement && el.isConnected,
      );
      target?.focus();
    });
  }

  /** Keeps keyboard users in place: when the control they were on disappears, focus moves to what replaced it. */
  phaseChanged(thanks: boolean): void {
    if (!this.host.matches(':focus-within')) return;
    void this.host.updateComplete.then(() =>
      this.host.renderRoot.querySelector<HTMLElement>(thanks ? '.thanks' : 'textarea, input, button')?.focus(),
    );
  }

  private readonly onKeydown = (e: KeyboardEvent): void => {
    // Arrow keys move a radio group's selection and browsers fire a click for it: that is browsing, not answering.
    // The flag outlives the synchronous default action (the synthetic click) and is cleared in the next task.
    // Space and Enter confirm the focused option. Natively Space clicks only an unchecked radio, and arrow keys have
    // already checked the one they moved to, so both keys click it here (a second, native click is absorbed by the
    // double-submit guard).
    const input = e.composedPath()[0];
    if (!(input instanceof HTMLInputElement) || input.type !== 'radio') return;
    if (e.key.startsWith('Arrow')) {
      this.arrowNav = true;
      setTimeout(() => (this.arrowNav = false));
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      input.click();
    }
  };

  private readonly onEscape = (e: KeyboardEvent): void => {
    const { open, inline } = this.callbacks.state();
    if (e.key != 'Escape' || e.defaultPrevented || !open || inline) return;
    // Escape in the page's own text field or dialog belongs to the page.
    const active = deepActiveElement();
    if (
      !this.host.contains(active) &&
      !this.host.renderRoot.contains(active) &&
      active?.closest?.('input, textarea, select, [contenteditable], dialog')
    )
      return;
    this.callbacks.escape();
  };
}
