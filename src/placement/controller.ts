import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { safeQuery } from '../util/query.ts';
import { warnOnce } from '../util/warn.ts';
import { loadPopover } from './load.ts';
import { parsePosition } from './position.ts';

/** What the controller needs of <cx-feedback>. */
export type PlacementHost = ReactiveControllerHost &
  HTMLElement & {
    readonly renderRoot: HTMLElement | DocumentFragment;
    readonly anchor: string;
    readonly position: string;
  };

/**
 * Places an open popover or floating card next to its anchor or launcher with Floating UI, loaded when a card first
 * needs it; keeps it there while it is open (autoUpdate) and lets go when it closes. Without an anchor, or when the
 * placement chunk cannot load, the card opens in the corner. Never moves anything of the page's.
 */
export class PlacementController implements ReactiveController {
  private unanchor?: () => void;
  private placing = false;

  constructor(
    private readonly host: PlacementHost,
    /** The card's mode and whether it is open, read at each update. */
    private readonly state: () => { mode: string; open: boolean },
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    this.schedule();
  }

  hostDisconnected(): void {
    this.release();
  }

  /** The card closed (or is about to be re-rendered as a new one): stop following the anchor. */
  release(): void {
    this.unanchor?.();
    this.unanchor = undefined;
  }

  /**
   * A card is about to open (a hovered or focused launcher, a trigger that fired and waits for its turn): fetch the
   * placement chunk now rather than when the card is placed.
   */
  readonly warm = (): void => void loadPopover().catch(() => undefined);

  private schedule(): void {
    const { mode, open } = this.state();
    if (!open || mode == 'inline' || this.unanchor || this.placing) return;
    // Placed in a task after the frame that rendered the card: rendering it and Floating UI's first layout read in
    // one animation frame made a long frame (npm run bench); the card stays transparent until it is placed anyway.
    this.placing = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        this.placing = false;
        this.place();
      }),
    );
  }

  private place(): void {
    const { mode, open } = this.state();
    if (!open || mode == 'inline' || this.unanchor) return;
    const root = this.host.renderRoot;
    const card = root.querySelector<HTMLElement>('.card');
    const reference =
      mode == 'floating' ? root.querySelector('.launcher') : this.host.anchor ? safeQuery(this.host.anchor) : null;
    if (!card) return;
    // No anchor on this page: a card in the corner, still never shifting anything.
    const corner = () => void (card.dataset.placement = 'corner');
    if (!reference) return corner();
    const { placement, problem } = parsePosition(mode, this.host.position);
    if (problem) warnOnce(`cx-feedback: ${problem}`);
    this.placing = true;
    loadPopover().then(
      ({ anchorPopover }) => {
        this.placing = false;
        // Closed, or closed and opened again (a new card), while the chunk loaded.
        if (!this.state().open || this.unanchor) return;
        if (!card.isConnected) return this.schedule();
        try {
          this.unanchor = anchorPopover(reference, card, { placement });
        } catch {
          corner(); // contained: the card works in the corner
        }
      },
      () => {
        this.placing = false;
        // The card still works where it is; the next card tries the chunk again.
        warnOnce(
          'cx-feedback: the placement module (Floating UI, next to the script) did not load; the card opens in the corner',
        );
        if (card.isConnected) corner();
        else this.schedule();
      },
    );
  }
}
