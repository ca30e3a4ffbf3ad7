// The dashboard's discovery panels, beside dashboard.js (whose helpers and state they use): the
// emerging keywords of the chosen date, and the papers related to the paper picked with its
// "related" button (kept in the URL as paper=ID). Text from the data goes in as text only.
'use strict';

/** The "related" button of a paper in any list: shows its related papers in their panel. */
function relatedButton(paper) {
  const button = element('button', 'related', 'chip related-button');
  button.type = 'button';
  button.dataset.paper = paper.paperId;
  button.addEventListener('click', () => selectPaper(paper.paperId));
  return button;
}

function selectPaper(paperId) {
  state.paper = paperId;
  writeUrl(true);
  refreshRelated().then(() => showError(null), showError);
  $('related-panel').scrollIntoView({ block: 'nearest' });
}

function formatP(p) { return p < 0.0001 ? Number(p).toExponential(1) : Number(p).toFixed(4); }

async function refreshEmerging() {
  const data = await getJson('/api/emerging' + query({ date: state.date, limit: 10 }));
  const keywords = listOf(data, 'keywords');
  $('emerging-window').textContent = data.from ? data.from + ' – ' + data.date : '';
  empty('emerging-empty', keywords.length ? '' : 'No keyword is new or bursting in the 7 days to '
      + (data.date || 'this date') + ' against its own 8 weeks before.');
  $('emerging').replaceChildren(...keywords.map(k => {
    const item = element('li');
    const chip = element('button', k.keyword, 'chip');
    chip.type = 'button';
    chip.addEventListener('click', () => selectKeyword(k.keyword));
    const kind = element('span', k.kind === 'NEW' ? 'new' : 'burst', k.kind === 'NEW' ? 'kind new' : 'kind burst');
    item.append(kind, ' ', chip, element('span', ' ' + k.count + (k.count === 1 ? ' paper' : ' papers')
        + ' (' + Number(k.expected).toFixed(1) + ' expected) · ×' + Number(k.ratio).toFixed(1)
        + ' · p ' + formatP(k.pValue), 'muted'));
    return item;
  }));
}

async function refreshRelated() {
  if (!state.paper) {
    $('related-title').textContent = '—';
    $('related').replaceChildren();
    empty('related-empty', 'Pick “related” on a paper to see the papers that share its most specific keywords.');
    return;
  }
  const data = await getJson('/api/papers/' + encodeURIComponent(state.paper) + '/related' + query({ limit: 10 }));
  const related = listOf(data, 'related');
  $('related-title').textContent = data.title || state.paper;
  empty('related-empty', related.length ? '' : 'No paper shares a specific keyword with this one yet.');
  $('related').replaceChildren(...related.map(r => {
    const paper = r.paper || {};
    const item = element('li');
    const url = paper.arxivUrl || '/api/papers/' + encodeURIComponent(paper.paperId);
    const title = link(paper.title, url);
    title.classList.add('title');
    item.append(title, element('div', [paper.publishedDate, 'shares ' + (r.shared || []).join(', '),
      'score ' + Number(r.score).toFixed(2)].filter(Boolean).join(' · '), 'meta'), relatedButton(paper));
    return item;
  }));
}
