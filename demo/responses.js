// Lists what the collector stored. Text only (textContent), never HTML: answers are visitor input.
const rows = document.getElementById('rows');

const cell = (text) => {
  const td = document.createElement('td');
  td.textContent = text;
  return td;
};

async function refresh() {
  try {
    const res = await fetch('/responses?limit=100');
    const body = await res.json();
    const list = Array.isArray(body) ? body : (body.responses ?? []);
    rows.replaceChildren(
      ...list.map((r) => {
        const p = r.payload ?? r;
        const tr = document.createElement('tr');
        const answers = p.answers
          .map(
            (a) =>
              `${a.questionId}: ${Array.isArray(a.value) ? a.value.join(', ') : a.value}${a.other ? ` (${a.other})` : ''}`,
          )
          .join(' · ');
        tr.append(
          cell(r.receivedAt ?? p.createdAt),
          cell(p.touchpoint),
          cell(p.surveyId),
          cell(answers),
          cell(p.followUpOf ? p.followUpOf.slice(0, 8) : ''),
          cell(p.id.slice(0, 8)),
        );
        return tr;
      }),
    );
    if (!list.length) rows.replaceChildren(Object.assign(document.createElement('tr'), { className: 'muted' }));
  } catch (e) {
    rows.replaceChildren(cell(`Could not load responses: ${e}`));
  }
}
refresh();
setInterval(refresh, 3000);
