import { css } from 'lit';

/**
 * Public knobs are --cx-* custom properties read once on :host into private --_* ones. Sizes are px, not rem, so a
 * host page's `html { font-size }` cannot shrink the widget; colours are only ever used in colour properties (never in
 * `background` shorthands) so a hostile `--cx-accent: url(//evil)` cannot trigger a request.
 */
export const styles = css`
  :host {
    --_accent: var(--cx-accent, #2563eb);
    --_bg: var(--cx-background, #fff);
    --_text: var(--cx-text, #111827);
    --_muted: var(--cx-muted, #6b7280);
    --_radius: var(--cx-radius, 12px);
    --_font: var(--cx-font, inherit);
    --_size: var(--cx-font-size, 15px);
    --_space: var(--cx-spacing, 12px);
    --_ring: var(--cx-focus-ring, var(--_accent));
    --_z: var(--cx-z-index, 2147483000);
    --_shadow: var(--cx-shadow, 0 10px 30px rgb(0 0 0 / 0.12), 0 2px 6px rgb(0 0 0 / 0.08));
    --_max: var(--cx-max-width, 448px);
    --_option: 40px;
    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--_size);
    line-height: 1.4;
    color: var(--_text);
    text-align: start;
  }
  :host([hidden]) {
    display: none;
  }
  :host([density='compact']) {
    --_space: var(--cx-spacing, 8px);
    --_option: 32px;
  }
  :host([theme='dark']) {
    --_bg: var(--cx-background, #1f2937);
    --_text: var(--cx-text, #f9fafb);
    --_muted: var(--cx-muted, #9ca3af);
    --_accent: var(--cx-accent, #60a5fa);
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      --_bg: var(--cx-background, #1f2937);
      --_text: var(--cx-text, #f9fafb);
      --_muted: var(--cx-muted, #9ca3af);
      --_accent: var(--cx-accent, #60a5fa);
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .card {
    position: relative;
    max-inline-size: var(--_max);
    padding: var(--_space) calc(var(--_space) * 1.33);
    border: 1px solid color-mix(in srgb, var(--_muted) 35%, transparent);
    border-radius: var(--_radius);
    background-color: var(--_bg);
    color: var(--_text);
  }
  .q {
    border: 0;
    margin: 0 0 var(--_space);
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
    border: 1px solid color-mix(in srgb, var(--_muted) 55%, transparent);
    border-radius: 8px;
    background-color: var(--_bg);
    color: var(--_text);
    font-variant-numeric: tabular-nums;
    cursor: pointer;
    user-select: none;
    transition: background-color 0.15s, border-color 0.15s, transform 0.15s;
  }
  .q-nps .option,
  .q-ces .option,
  .q-csat .option {
    flex: 1 1 0;
    min-inline-size: 24px;
    padding-inline: 2px;
  }
  .q-emoji .option {
    border-color: transparent;
    padding: 2px;
    color: var(--_muted);
  }
  .option:hover {
    border-color: var(--_accent);
  }
  .q-emoji .option:hover {
    color: var(--_text);
    transform: scale(1.08);
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
  .option:has(input:checked) {
    border-color: var(--_accent);
    background-color: color-mix(in srgb, var(--_accent) 14%, var(--_bg));
    color: var(--_text);
  }
  .q-emoji .option:has(input:checked) {
    color: var(--_accent);
  }
  .icon.down {
    display: inline-flex;
    transform: rotate(180deg);
  }
  .ends {
    display: flex;
    justify-content: space-between;
    gap: var(--_space);
    margin-block-start: 6px;
    color: var(--_muted);
    font-size: 0.8em;
  }
  textarea,
  .other {
    display: block;
    inline-size: 100%;
    margin-block-start: 6px;
    padding: 8px;
    border: 1px solid color-mix(in srgb, var(--_muted) 60%, transparent);
    border-radius: 8px;
    background-color: var(--_bg);
    color: var(--_text);
    font: inherit;
    resize: vertical;
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
    color: var(--_muted);
    font-size: 0.8em;
    text-align: end;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  button {
    min-block-size: 36px;
    padding: 6px 14px;
    border: 1px solid color-mix(in srgb, var(--_muted) 55%, transparent);
    border-radius: 8px;
    background-color: transparent;
    color: var(--_text);
    font: inherit;
    cursor: pointer;
  }
  button.primary {
    border-color: var(--_accent);
    background-color: var(--_accent);
    color: #fff;
  }
  button.link {
    min-block-size: 24px;
    padding: 0 4px;
    border: 0;
    color: var(--_accent);
    text-decoration: underline;
  }
  .close {
    position: absolute;
    inset-block-start: 4px;
    inset-inline-end: 4px;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-inline-size: 32px;
    min-block-size: 32px;
    padding: 0;
    border: 0;
    color: var(--_muted);
  }
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
    padding-inline-end: 40px;
    box-shadow: var(--_shadow);
    animation: cx-in 0.16s ease-out;
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
  @keyframes cx-in {
    from {
      opacity: 0;
      transform: translateY(4px);
    }
  }
  .later {
    margin: 0 0 4px;
  }
  .launcher {
    position: fixed;
    inset: auto 16px 16px auto;
    z-index: var(--_z);
    display: inline-flex;
    align-items: center;
    gap: 6px;
    min-block-size: 44px;
    padding: 8px 16px;
    border: 0;
    border-radius: 999px;
    background-color: var(--_accent);
    color: #fff;
    box-shadow: var(--_shadow);
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
  .thanks {
    margin: 0;
    font-weight: 600;
  }
  .line {
    margin: 4px 0 0;
    color: var(--_muted);
  }
  .status {
    margin: 0;
    color: var(--_muted);
    font-size: 0.87em;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
    .q-emoji .option:hover {
      transform: none;
    }
  }
  @media (forced-colors: active) {
    .option:has(input:checked) {
      outline: 3px solid Highlight;
      forced-color-adjust: none;
      background-color: Highlight;
      color: HighlightText;
    }
    button.primary {
      border: 1px solid ButtonText;
    }
  }
`;
