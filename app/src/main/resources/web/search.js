// The dashboard's search box and its top-papers listings, beside dashboard.js (whose helpers and
// state they use): the results of the search in the URL (q=), with the matched words marked, and
// the papers of the chosen date's day, week or month ranked by upvotes (listing=). Text from the
// data goes in as text only: a highlight is text plus ranges, and each range becomes a <mark>
// whose textContent is set.
'use strict';

const PERIODS = ['day', 'week', 'month'];

/** A node holding a highlight's text, its matched ranges as <mark> elements. */
function highlighted(tag, highlight, className) {
  const node = element(tag, null, className);
  const text = (highlight && highlight.text) || '';
  let at = 0;
  ((highlight && highlight.matches) || []).forEach(([start, end]) => {
    if (start < at || end > text.length) return;
    node.append(document.createTextNode(text.slice(at, start)), element('mark', text.slice(start, end)));
    at = end;
  });
  node.append(document.createTextNode(text.slice(at)));
  return node;
}

async function refreshSearch() {
  $('search-panel').hidden = !state.q;
  document.body.dataset.q = state.q;
  if (!state.q) {
    $('search-results').replaceChildren();
    return;
  }
  $('search-query').textContent = '“' + state.q + '”';
  $('search-feed').href = '/feed.xml' + query({ q: state.q });
  let data;
  try {
    data = await getJson('/api/search' + query({ q: state.q, limit: 20 }));
  } catch (error) {
    if (error.status !== 400) throw error;
    // a query the reader can mend: the server says what is wrong with it
    $('search-results').replaceChildren();
    empty('search-empty', error.message.replace(/^\/api\/search: /, ''));
    return;
  }
  const results = listOf(data, 'results');
  empty('search-empty', results.length ? '' : 'No paper matches “' + state.q + '”.');
  $('search-results').replaceChildren(...results.map(result => {
    const paper = result.paper || {};
    const highlights = result.highlights || {};
    const item = element('li');
    const title = link('', paper.arxivUrl || '/api/papers/' + encodeURIComponent(paper.paperId));
    title.classList.add('title');
    title.append(highlighted('span', highlights.title || { text: paper.title }));
    item.append(title, element('div', [paper.publishedDate, (paper.authors || []).slice(0, 3).join(', '),
      'score ' + Number(result.score).toFixed(2)].filter(Boolean).join(' · '), 'meta'));
    if (highlights.abstract) item.append(highlighted('p', highlights.abstract, 'snippet'));
    item.append(relatedButton(paper));
    return item;
  }));
}

async function refreshListing() {
  PERIODS.forEach(period => {
    const tab = $('tab-' + period);
    tab.setAttribute('aria-selected', String(period === state.listing));
    tab.tabIndex = period === state.listing ? 0 : -1;
  });
  document.body.dataset.listing = state.listing;
  if (!state.date) {
    $('listing').replaceChildren();
    empty('listing-empty', 'No date yet: ingest pages, e.g. papers run FILE-OR-FOLDER.');
    return;
  }
  const data = await getJson('/api/listings/' + state.listing + '/' + state.date + query({ limit: 20 }));
  const papers = listOf(data, 'papers');
  $('listing-period').textContent = data.from === data.to ? data.from : data.from + ' – ' + data.to;
  empty('listing-empty', papers.length ? '' : 'No papers featured in this ' + state.listing + '.');
  $('listing').replaceChildren(...papers.map(paperItem));
}

function selectListing(period) {
  state.listing = period;
  writeUrl(true);
  refreshListing().then(() => showError(null), showError);
}

window.addEventListener('DOMContentLoaded', () => {
  PERIODS.forEach(period => $('tab-' + period).addEventListener('click', () => selectListing(period)));
  $('search-form').addEventListener('submit', event => {
    event.preventDefault();
    state.q = $('search').value.trim();
    writeUrl(true);
    refreshSearch().then(() => showError(null), showError);
    if (state.q) $('search-panel').scrollIntoView({ block: 'nearest' });
  });
});
