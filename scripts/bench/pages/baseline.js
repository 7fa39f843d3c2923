// The benchmark's baseline: a bare Lit element of the same role as <cx-feedback mode="inline" question="csat">
// (a card with a prompt and five radio options in a shadow root) and none of its features: no outbox, no
// validation, no triggers, no positioning, no i18n. Bundled by esbuild (lib/assets.mjs) into one classic script.
import { LitElement, css, html } from 'lit';

class BenchBaseline extends LitElement {
  static properties = { picked: { state: true } };
  static styles = css`
    :host { display: block; font-size: 15px; }
    .card { max-inline-size: 448px; padding: 12px 16px; border: 1px solid #d1d5db; border-radius: 12px; background: #fff; }
    .options { display: flex; gap: 6px; }
    label { flex: 1 1 0; min-block-size: 40px; display: inline-flex; align-items: center; justify-content: center; border: 1px solid #9ca3af; border-radius: 8px; }
    input { position: absolute; opacity: 0; }
  `;

  constructor() {
    super();
    this.picked = 0;
  }

  render() {
    if (this.picked) return html`<div class="card" part="card"><p>Thank you!</p></div>`;
    return html`<div class="card" part="card">
      <fieldset>
        <legend>How satisfied are you with checkout?</legend>
        <div class="options">
          ${[1, 2, 3, 4, 5].map((v) => html`<label part="option" data-value=${v}><input type="radio" name="r" @change=${() => (this.picked = v)} />${v}</label>`)}
        </div>
      </fieldset>
    </div>`;
  }
}

customElements.get('bench-baseline') || customElements.define('bench-baseline', BenchBaseline);
