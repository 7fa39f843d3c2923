// @ts-check
// Stands in for Google Tag Manager on gtm.html: after `load` (a "Window Loaded" trigger) it inserts the Custom HTML
// tag the way GTM does, and it shows the last cx-feedback response id pushed to the dataLayer in <output>.
// A block, because the pages' classic scripts share one global scope.
{
  const page = /** @type {{ dataLayer?: Record<string, unknown>[] }} */ (/** @type {unknown} */ (window));
  const dataLayer = (page.dataLayer ??= []);
  const shown = document.querySelector('output#submitted');
  const push = dataLayer.push.bind(dataLayer);
  /** @param {...Record<string, unknown>} items */
  dataLayer.push = (...items) => {
    for (const item of items) if (item.event === 'cx_submit' && shown) shown.textContent = String(item.cxResponseId);
    return push(...items);
  };

  window.addEventListener('load', () => {
    const tag = document.querySelector('template#custom-html-tag');
    if (!(tag instanceof HTMLTemplateElement)) return;
    // Script elements parsed from markup never run once inserted, so GTM creates each <script> of a tag anew; the
    // rest of the tag's markup is inserted as it is.
    for (const node of tag.content.childNodes) {
      if (node instanceof HTMLScriptElement) {
        const script = document.createElement('script');
        for (const { name, value } of node.attributes) script.setAttribute(name, value);
        script.text = node.text;
        document.body.appendChild(script);
      } else {
        document.body.appendChild(node.cloneNode(true));
      }
    }
  });
}
