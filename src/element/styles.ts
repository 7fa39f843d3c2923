import { css } from 'lit';

/**
 * Public knobs are --cx-* custom properties read once on :host into private --_* ones (docs/theming.md). Sizes are
 * px, not rem, so a host page's `html { font-size }` cannot shrink the widget; what should grow with the text (icons,
 * option widths, breakpoints) is in em of --cx-font-size. Colours are only ever used in colour properties (never in
 * `background` shorthands) so a hostile `--cx-accent: url(//evil)` cannot trigger a request. Logical properties only,
 * so right-to-left languages mirror the whole card.
 */
export const styles = css`
  :host {
    --_accent: var(--cx-accent, #2563eb);
    --_on-accent: var(--cx-accent-text, #fff);
    --_bg: var(--cx-background, #fff);
    --_text: var(--cx-text, #111827);
    --_muted: var(--cx-muted, #6b7280);
    --_radius: var(--cx-radius, 12px);
    --_font: var(--cx-font, inherit);
    --_size: var(--cx-font-size, 15px);
    --_space: var(--cx-spacing, 12px);
    --_ring: var(--cx-focus-ring, var(--_accent));
    --_z: var(--cx-z-index, 2147483000);
    --_shadow: var(--cx-shadow, 0 12px 32px rgb(15 23 42 / 0.14), 0 2px 6px rgb(15 23 42 / 0.08));
    --_max: var(--cx-max-width, 448px);
    --_option: 40px;
    --_line: color-mix(in srgb, var(--_muted) 45%, transparent);
    --_speed: 0.16s;
    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--_size);
    line-height: 1.4;
    color: var(--_text);
    text-align: start;
    color-scheme: light;
  }
  /* Page CSS can reach the host element (it wins over :host) and everything inherited through it, e.g. a careless
     "* { all: unset }" or "body { font-size: 2px }". So the card and the launcher set their own text properties. */
  .card,
  .launcher {
    font-family: var(--_font);
    font-size: var(--_size);
    font-style: normal;
    font-weight: 400;
    line-height: 1.4;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-align: start;
    white-space: normal;
    color: var(--_text);
  }
  :host([hidden]) {
    display: none;
  }
  :host([density='compact']) {
    --_space: var(--cx-spacing, 8px);
    --_option: 32px;
  }
  /* Dark: light text on a slate card; a lighter accent (on which dark text reads, hence --_on-accent). */
  :host([theme='dark']) {
    --_accent: var(--cx-accent, #60a5fa);
    --_on-accent: var(--cx-accent-text, #0b1220);
    --_bg: var(--cx-background, #1f2937);
    --_text: var(--cx-text, #f9fafb);
    --_muted: var(--cx-muted, #9ca3af);
    --_shadow: var(--cx-shadow, 0 12px 32px rgb(0 0 0 / 0.45), 0 2px 6px rgb(0 0 0 / 0.3));
    color-scheme: dark;
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      --_accent: var(--cx-accent, #60a5fa);
      --_on-accent: var(--cx-accent-text, #0b1220);
      --_bg: var(--cx-background, #1f2937);
      --_text: var(--cx-text, #f9fafb);
      --_muted: var(--cx-muted, #9ca3af);
      --_shadow: var(--cx-shadow, 0 12px 32px rgb(0 0 0 / 0.45), 0 2px 6px rgb(0 0 0 / 0.3));
      color-scheme: dark;
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  /* ── card ─────────────────────────────────────────────────────────────── */
  .card {
    position: relative;
    max-inline-size: var(--_max);
    padding: var(--_space) calc(var(--_space) * 1.33);
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    background-color: var(--_bg);
    color: var(--_text);
  }
  /* Vertical rhythm: one spacing unit between blocks, none after the last (an empty status line takes no room). */
  .card > * {
    margin-block: 0;
  }
  .card > * + * {
    margin-block-start: var(--_space);
  }
  .card > .close + * {
    margin-block-start: 0;
  }
  .card > [part='status']:not(:has(.thanks, .status:not(:empty))) {
    margin-block-start: 0;
  }

  /* ── questions ────────────────────────────────────────────────────────── */
  .q {
    /* The NPS row picks its layout from the width it gets, wherever the widget sits. */
    container: cx-q / inline-size;
    border: 0;
    margin: 0;
    padding: 0;
    min-inline-size: 0;
  }
  .prompt {
    display: block;
    padding: 0;
    margin-block-end: calc(var(--_space) * 0.75);
    font-weight: 600;
  }
  .hint {
    display: block;
    font-weight: 400;
    color: var(--_muted);
    font-size: 0.87em;
  }
  .options {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  .option {
    position: relative;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 6px;
    min-inline-size: var(--_option);
    min-block-size: var(--_option);
    padding: 4px 10px;
    border: 1px solid var(--_line);
    border-radius: 8px;
    background-color: var(--_bg);
    color: var(--_text);
    font-variant-numeric: tabular-nums;
    cursor: pointer;
    user-select: none;
    -webkit-tap-highlight-color: transparent;
    transition:
      background-color var(--_speed),
      border-color var(--_speed),
      box-shadow var(--_speed),
      color var(--_speed),
      transform var(--_speed);
  }
  /* Numeric scales: equal cells that share the row, never narrower than 24 px (WCAG 2.5.8). */
  .q-nps .options,
  .q-ces .options,
  .q-csat .options {
    gap: 4px;
  }
  .q-nps .option,
  .q-ces .option,
  .q-csat .option {
    flex: 1 1 0;
    min-inline-size: 24px;
    padding-inline: 2px;
  }
  /* Eleven NPS cells need about 23em in a row; narrower, they wrap into two even rows (0–5, 6–10), then three. */
  @container cx-q (inline-size < 23em) {
    .q-nps .options {
      display: grid;
      grid-template-columns: repeat(6, minmax(24px, 1fr));
    }
  }
  @container cx-q (inline-size < 13em) {
    .q-nps .options {
      grid-template-columns: repeat(4, minmax(24px, 1fr));
    }
  }
  /* Faces and reactions: the picture with its name under it, in equal columns (five faces always share one row). */
  .q-emoji .options,
  .q-reaction .options {
    display: grid;
    grid-template-columns: repeat(5, minmax(0, 1fr));
    gap: 4px;
  }
  .q-reaction .options {
    grid-template-columns: repeat(auto-fit, minmax(4.6em, 1fr));
  }
  .q-emoji .option,
  .q-reaction .option {
    flex-direction: column;
    gap: 2px;
    min-inline-size: 24px;
    padding: 4px 2px;
  }
  .q-emoji .text,
  .q-reaction .text {
    font-size: 0.8em;
    line-height: 1.2;
    text-align: center;
    overflow-wrap: break-word;
  }
  /* Narrow cards: smaller names, so that "Very unhappy" wraps between words, not inside them. */
  @container cx-q (inline-size < 22em) {
    .q-emoji .text {
      font-size: 0.7em;
    }
  }
  .emoji {
    font-size: 1.6em;
    line-height: 1.2;
  }
  .q-expectation .option,
  .q-task .option {
    flex: 1 1 0;
    text-align: center;
    /* At 200 % text on a 320 px screen a word can be wider than the card (Firefox rounds it 1 px over). */
    max-inline-size: 100%;
    overflow-wrap: anywhere;
  }
  .q-emoji .option {
    border-color: transparent;
    color: var(--_muted);
  }
  .q-emoji svg {
    inline-size: 1.9em;
    block-size: 1.9em;
  }
  .icon svg {
    inline-size: 1.5em;
    block-size: 1.5em;
  }
  .icon {
    display: inline-flex;
  }
  .icon.down {
    transform: rotate(180deg);
  }
  .option:hover {
    border-color: var(--_accent);
    background-color: color-mix(in srgb, var(--_accent) 6%, var(--_bg));
  }
  .q-emoji .option:hover {
    color: var(--_text);
    transform: scale(1.08);
  }
  .option:active {
    transform: scale(0.96);
  }
  /* The real control covers its label: one hit target, native focus, keyboard and announcements. */
  .option input {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .option:has(input:focus-visible) {
    outline: 2px solid var(--_ring);
    outline-offset: 2px;
  }
  /* Selected: an accent edge drawn inside (so nothing moves or reflows) and a light tint. */
  .option:has(input:checked) {
    border-color: var(--_accent);
    background-color: color-mix(in srgb, var(--_accent) 14%, var(--_bg));
    box-shadow: inset 0 0 0 1px var(--_accent);
    color: var(--_text);
  }
  .q-emoji .option:has(input:checked) {
    color: var(--_accent);
    transform: scale(1.08);
  }
  /* The face takes the accent; its name keeps the text colour, which has the contrast on the tinted background. */
  .q-emoji .option:has(input:checked) .text {
    color: var(--_text);
  }
  .ends {
    display: flex;
    justify-content: space-between;
    gap: var(--_space);
    margin-block-start: 6px;
    color: var(--_muted);
    font-size: 0.8em;
  }
  .ends > :last-child {
    text-align: end;
  }
  textarea,
  .other {
    display: block;
    inline-size: 100%;
    margin-block-start: 6px;
    padding: 8px 10px;
    border: 1px solid color-mix(in srgb, var(--_muted) 70%, transparent);
    border-radius: 8px;
    background-color: var(--_bg);
    color: var(--_text);
    font: inherit;
    resize: vertical;
  }
  .other {
    margin-block-start: var(--_space);
  }
  textarea::placeholder,
  .other::placeholder {
    color: var(--_muted);
    opacity: 1;
  }
  textarea:focus-visible,
  .other:focus-visible,
  button:focus-visible,
  .thanks:focus-visible {
    outline: 2px solid var(--_ring);
    outline-offset: 2px;
  }
  .count {
    display: block;
    margin-block-start: 2px;
    color: var(--_muted);
    font-size: 0.8em;
    text-align: end;
  }

  /* ── buttons ──────────────────────────────────────────────────────────── */
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  button {
    min-block-size: 36px;
    padding: 6px 14px;
    border: 1px solid var(--_line);
    border-radius: 8px;
    background-color: transparent;
    color: var(--_text);
    font: inherit;
    cursor: pointer;
    transition:
      background-color var(--_speed),
      border-color var(--_speed),
      box-shadow var(--_speed),
      transform var(--_speed),
      translate var(--_speed);
  }
  button:hover {
    background-color: color-mix(in srgb, var(--_muted) 12%, transparent);
  }
  button.primary {
    border-color: var(--_accent);
    background-color: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  button.primary:hover {
    background-color: color-mix(in srgb, var(--_accent) 86%, var(--_text));
  }
  button.link {
    min-block-size: 24px;
    padding: 0 4px;
    border: 0;
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 2px;
  }
  button.link:hover {
    background-color: transparent;
    text-decoration-thickness: 2px;
  }
  .close {
    position: absolute;
    inset-block-start: 6px;
    inset-inline-end: 6px;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-inline-size: 32px;
    min-block-size: 32px;
    padding: 0;
    border: 0;
    border-radius: 8px;
    color: var(--_muted);
  }
  .close:hover {
    color: var(--_text);
  }
  /* "Ask me later": a quiet way out, not a second call to action. */
  .card > .later {
    margin-block-start: calc(var(--_space) * 0.5);
    margin-inline-start: -4px;
  }
  .later button {
    color: var(--_muted);
    font-size: 0.87em;
  }
  .later button:hover {
    color: var(--_text);
  }

  /* ── popover, floating card, launcher ─────────────────────────────────── */
  /* Popover and floating: fixed cards and launcher take no space in the page, so they never shift its layout. */
  :host([mode='popover']),
  :host([mode='floating']) {
    display: block;
    inline-size: 0;
    block-size: 0;
  }
  .float {
    position: fixed;
    inset-block-start: 0;
    inset-inline-start: 0;
    z-index: var(--_z);
    inline-size: min(var(--_max), calc(100vw - 16px));
    max-block-size: calc(100vh - 16px);
    overflow: auto;
    padding: calc(var(--_space) * 1.33);
    border-color: color-mix(in srgb, var(--_muted) 30%, transparent);
    box-shadow: var(--_shadow);
    animation: cx-in 0.18s ease-out;
  }
  /* Keep the first line of text clear of the close button; the options below use the full width. */
  .float .q:first-of-type > .prompt,
  .float .thanks {
    padding-inline-end: 32px;
  }
  /* Invisible until Floating UI has placed it (a frame), so it never flashes at the top of the page; opacity rather
     than visibility keeps it focusable, so a card the customer opened can take focus at once. */
  .float:not([data-placement]) {
    opacity: 0;
    pointer-events: none;
  }
  .float[data-placement='corner'] {
    inset: auto 16px 16px auto;
  }
  /* A floating card placed without Floating UI (its module did not load) stays clear of the launcher below it. */
  :host([mode='floating']) .float[data-placement='corner'] {
    inset-block-end: 72px;
  }
  :host([mode='floating'][position='bottom-left']) .float[data-placement='corner'] {
    right: auto;
    left: 16px;
  }
  @keyframes cx-in {
    from {
      opacity: 0;
      transform: translateY(6px);
    }
  }
  .launcher {
    position: fixed;
    inset: auto 16px 16px auto;
    z-index: var(--_z);
    display: inline-flex;
    align-items: center;
    gap: 8px;
    min-block-size: 44px;
    padding: 8px 18px 8px 14px;
    border: 0;
    border-radius: 999px;
    background-color: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
    box-shadow: var(--_shadow);
  }
  /* translate, not transform: a side launcher is centred with transform, which a hover must not undo. */
  .launcher:hover {
    background-color: color-mix(in srgb, var(--_accent) 88%, var(--_text));
    translate: 0 -1px;
  }
  .launcher:focus-visible {
    outline-offset: 3px;
  }
  :host([position='bottom-left']) .launcher {
    inset: auto auto 16px 16px;
  }
  :host([position='right']) .launcher,
  :host([position='left']) .launcher {
    inset: 50% 0 auto auto;
    padding: 14px 8px;
    border-radius: 8px 0 0 8px;
    writing-mode: vertical-rl;
    transform: translateY(-50%);
  }
  :host([position='left']) .launcher {
    inset: 50% auto auto 0;
    border-radius: 0 8px 8px 0;
  }

  /* ── outcome ──────────────────────────────────────────────────────────── */
  .thanks {
    display: flex;
    align-items: center;
    gap: 8px;
    margin: 0;
    font-weight: 600;
    animation: cx-fade 0.24s ease-out;
  }
  /* A drawn check mark (no icon font, no image: nothing for a CSP to block). */
  .thanks::before {
    content: '';
    flex: none;
    inline-size: 0.4em;
    block-size: 0.75em;
    margin-inline: 0.3em 0.25em;
    border: solid var(--_accent);
    border-width: 0 2px 2px 0;
    transform: translateY(-0.1em) rotate(45deg);
  }
  .line {
    margin: 4px 0 0;
    color: var(--_muted);
  }
  /* The help offered after a negative answer: a real link, at least 24 px tall to tap. */
  .recovery {
    display: inline-block;
    min-block-size: 24px;
    padding-block: 2px;
    color: var(--_accent);
    font-weight: 600;
    text-decoration: underline;
    text-underline-offset: 2px;
  }
  .recovery:focus-visible {
    outline: 2px solid var(--_ring);
    outline-offset: 2px;
    border-radius: 2px;
  }
  .status {
    margin: 0;
    color: var(--_muted);
    font-size: 0.87em;
  }
  .thanks + .line + .status:not(:empty) {
    margin-block-start: 8px;
  }
  @keyframes cx-fade {
    from {
      opacity: 0;
    }
  }

  /* ── preferences ──────────────────────────────────────────────────────── */
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition: none !important;
      animation: none !important;
    }
    .option:active,
    .q-emoji .option:hover,
    .q-emoji .option:has(input:checked) {
      transform: none;
    }
    .launcher:hover {
      translate: none;
    }
  }
  @media (forced-colors: active) {
    .option:has(input:checked) {
      outline: 3px solid Highlight;
      forced-color-adjust: none;
      background-color: Highlight;
      color: HighlightText;
    }
    .q-emoji .option,
    .launcher {
      border: 1px solid ButtonText;
    }
    button.primary {
      border: 1px solid ButtonText;
    }
  }
`;
