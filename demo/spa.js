// A tiny hash router standing in for the site's SPA framework: one view visible per route, no reloads.
const sections = [...document.querySelectorAll('[data-route]')];
function render() {
  const route = sections.some((s) => s.dataset.route === location.hash) ? location.hash : '#/orders';
  for (const s of sections) s.hidden = s.dataset.route !== route;
}
addEventListener('hashchange', render);
render();
