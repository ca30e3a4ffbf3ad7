// The paperstream dashboard: trending keywords of a date and window, a keyword's daily series, the
// papers of that date and window, and the pipeline's health (health.js), refreshed every few seconds
// from the query API and the small /api/summary. The state (date, window, keyword) lives in the URL,
// so a view can be shared and the back button works. Every text that comes from the data is put
// into the page with textContent, never as HTML.
'use strict';

const REFRESH_MS = 5000;
const TOP = 20;
const state = { date: '', days: 7, keyword: '', paper: '', q: '', listing: 'day' };
let trendingChart = null;
let seriesChart = null;

function $(id) { return document.getElementById(id); }

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    let message = response.status + ' ' + response.statusText;
    try { message = (await response.json()).error || message; } catch (ignored) { /* not JSON */ }
    const error = new Error(path.split('?')[0] + ': ' + message);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function showError(error) {
  const box = $('error');
  if (error) {
    box.textContent = String(error.message || error);
    box.hidden = false;
  } else {
    box.hidden = true;
  }
}

function empty(id, message) {
  const box = $(id);
  box.textContent = message || '';
  box.hidden = !message;
}

function query(params) {
  const search = new URLSearchParams();
  Object.entries(params).forEach(([k, v]) => { if (v !== '' && v !== null && v !== undefined) search.set(k, v); });
  const text = search.toString();
  return text ? '?' + text : '';
}

function listOf(data, name) {
  return data && Array.isArray(data[name]) ? data[name] : [];
}

function isoDay(date) { return date.toISOString().slice(0, 10); }

function shiftDays(day, delta) {
  const d = new Date(day + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + delta);
  return isoDay(d);
}

/** The first day of the window that ends on state.date. */
function windowStart() { return state.date ? shiftDays(state.date, 1 - state.days) : ''; }

function readUrl() {
  const params = new URLSearchParams(window.location.search);
  const date = params.get('date') || '';
  const days = Number(params.get('days'));
  state.date = /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : '';
  state.days = [1, 7, 28].includes(days) ? days : 7;
  state.keyword = (params.get('keyword') || '').trim();
  state.paper = (params.get('paper') || '').trim();
  state.q = (params.get('q') || '').trim();
  state.listing = ['week', 'month'].includes(params.get('listing')) ? params.get('listing') : 'day';
}

function writeUrl(push) {
  const url = window.location.pathname + query({ date: state.date, days: state.days, keyword: state.keyword,
    paper: state.paper, q: state.q, listing: state.listing === 'day' ? '' : state.listing });
  if (url !== window.location.pathname + window.location.search) {
    (push ? history.pushState : history.replaceState).call(history, null, '', url);
  }
}

function showState() {
  $('date').value = state.date;
  $('days').value = String(state.days);
  $('keyword').value = state.keyword;
  $('search').value = state.q;
  // the state as the page holds it, readable from the document (tests, bookmarklets)
  document.body.dataset.date = state.date;
  document.body.dataset.days = String(state.days);
  document.body.dataset.keyword = state.keyword;
}

async function refreshTrending() {
  const data = await getJson('/api/trending' + query({ date: state.date, days: state.days, limit: TOP }));
  const keywords = listOf(data, 'keywords');
  if (!state.date && data.date) {
    state.date = data.date;
    showState();
    writeUrl(false);
  }
  $('trending-window').textContent = data.from ? data.from + ' – ' + data.date : '';
  empty('trending-empty', keywords.length ? '' : 'No keywords for ' + (state.date || 'this date')
      + ' and a ' + state.days + '-day window yet. Pick another date, or ingest pages: papers run FILE-OR-FOLDER');
  const labels = keywords.map(k => k.keyword);
  const counts = keywords.map(k => k.count);
  // one readable row per bar: the canvas grows with the number of keywords, every label is drawn
  $('trending-box').style.height = Math.max(120, 26 * labels.length + 40) + 'px';
  if (!trendingChart) {
    trendingChart = new Chart($('trending-chart'), {
      type: 'bar',
      data: { labels, datasets: [{ label: 'papers', data: counts, backgroundColor: '#3b6fd8' }] },
      options: {
        indexAxis: 'y', animation: false, responsive: true, maintainAspectRatio: false,
        plugins: { legend: { display: false } },
        scales: {
          x: { beginAtZero: true, ticks: { precision: 0 } },
          y: { ticks: { autoSkip: false, font: { size: 12 },
            callback: function (value) {
              const label = this.getLabelForValue(value);
              const room = this.chart.width < 480 ? 18 : 28; // characters that fit beside the bars
              return label.length > room ? label.slice(0, room - 1) + '…' : label;
            } } }
        },
        onClick: (event, elements) => {
          if (elements.length) selectKeyword(trendingChart.data.labels[elements[0].index]);
        }
      }
    });
  } else {
    trendingChart.data.labels = labels;
    trendingChart.data.datasets[0].data = counts;
    trendingChart.resize();
    trendingChart.update();
  }
  $('trending-chart').dataset.labels = String(labels.length);
  const list = $('trending-list');
  list.replaceChildren(...keywords.map(k => {
    const item = element('li');
    const chip = element('button', k.keyword, 'chip');
    chip.type = 'button';
    chip.addEventListener('click', () => selectKeyword(k.keyword));
    item.append(chip, element('span', ' ' + k.count + (k.count === 1 ? ' paper' : ' papers')
        + ' · growth ' + Number(k.growth).toFixed(2), 'muted'));
    return item;
  }));
  if (!state.keyword && keywords.length) {
    state.keyword = keywords[0].keyword;
    showState();
    writeUrl(false);
  }
}

async function refreshSeries() {
  if (!state.keyword) {
    $('series-keyword').textContent = '—';
    empty('series-empty', 'Pick a keyword to see its papers per day.');
    return;
  }
  const to = state.date || undefined;
  const from = to ? shiftDays(to, -59) : undefined;
  const data = await getJson('/api/keywords/' + encodeURIComponent(state.keyword) + '/series' + query({ from, to }));
  const points = listOf(data, 'days');
  $('series-keyword').textContent = data.canonical || state.keyword;
  empty('series-empty', data.total === 0 || !points.length ? 'No papers with “' + state.keyword + '” up to '
      + (to || 'today') + '.' : '');
  const labels = points.map(p => p.date);
  const counts = points.map(p => p.count);
  if (!seriesChart) {
    seriesChart = new Chart($('series-chart'), {
      type: 'line',
      data: { labels, datasets: [{ label: 'papers per day', data: counts, borderColor: '#d8573b', tension: 0.2,
        pointRadius: 0, pointHitRadius: 6 }] },
      options: { animation: false, responsive: true, maintainAspectRatio: false, plugins: { legend: { display: false } },
        scales: { x: { ticks: { maxRotation: 0, autoSkipPadding: 12 } }, y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  } else {
    seriesChart.data.labels = labels;
    seriesChart.data.datasets[0].data = counts;
    seriesChart.update();
  }
}

function link(text, url) {
  const a = element('a', text, null);
  a.href = url; a.rel = 'noopener';
  return a;
}

// The abstract is fetched when the reader opens it (the list may come without abstracts).
function abstractOf(paper) {
  const details = element('details', null, 'abstract');
  details.append(element('summary', 'abstract'));
  const text = element('p');
  details.append(text);
  details.addEventListener('toggle', async () => {
    if (!details.open || details.dataset.loaded) return;
    details.dataset.loaded = 'true';
    if (paper.abstract) { text.textContent = paper.abstract; return; }
    text.textContent = 'loading…';
    try {
      const full = await getJson('/api/papers/' + encodeURIComponent(paper.paperId));
      text.textContent = full.abstract || 'No abstract.';
    } catch (error) {
      text.textContent = 'Could not load the abstract: ' + error.message;
      delete details.dataset.loaded;
    }
  });
  return details;
}

async function refreshPapers() {
  const data = await getJson('/api/papers' + query({ keyword: state.keyword, from: windowStart(), to: state.date,
    limit: 20 }));
  const papers = listOf(data, 'papers');
  $('papers-filter').textContent = (state.keyword ? 'with “' + state.keyword + '”, ' : '')
      + (state.date ? windowStart() + ' – ' + state.date : '');
  empty('papers-empty', papers.length ? '' : 'No papers ' + (state.keyword ? 'with “' + state.keyword + '” ' : '')
      + 'published ' + (state.date ? windowStart() + ' – ' + state.date : 'yet') + '.');
  $('papers').replaceChildren(...papers.map(paperItem));
}

/**
 * A paper in a list: its title and link, date, upvotes, the page's one-sentence summary, code links, abstract on
 * demand, related button, keywords.
 */
function paperItem(paper) {
  const item = element('li');
  const url = paper.arxivUrl || (paper.paperId ? '/api/papers/' + encodeURIComponent(paper.paperId) : null);
  item.append(url ? link(paper.title, url) : element('span', paper.title));
  item.firstChild.classList.add('title');
  const meta = [paper.publishedDate, paper.organization, paper.upvotes != null ? paper.upvotes + ' upvotes' : null]
      .filter(Boolean).join(' · ');
  item.append(element('div', meta, 'meta'));
  if (paper.aiSummary) item.append(element('p', paper.aiSummary, 'one-line'));
  const links = element('div', null, 'meta');
  (paper.codeUrls || []).forEach(code => links.append(link('code', code), document.createTextNode(' ')));
  if (paper.projectPage) links.append(link('project page', paper.projectPage));
  if (links.childNodes.length) item.append(links);
  item.append(abstractOf(paper), relatedButton(paper));
  const chips = element('div');
  (paper.keywords || []).slice(0, 8).forEach(keyword => {
    const chip = element('button', keyword, 'chip');
    chip.type = 'button';
    chip.addEventListener('click', () => selectKeyword(keyword));
    chips.append(chip);
  });
  item.append(chips);
  return item;
}

function selectKeyword(keyword) {
  state.keyword = keyword;
  showState();
  writeUrl(true);
  refreshAll();
}

async function refreshAll() {
  const results = await Promise.allSettled([refreshTrending(), refreshHealth()]);
  const more = await Promise.allSettled([refreshPapers(), refreshSeries(), refreshEmerging(), refreshRelated(),
    refreshListing(), refreshSearch()]);
  const failed = results.concat(more).find(r => r.status === 'rejected');
  showError(failed ? failed.reason : null);
  $('updated').textContent = 'updated ' + new Date().toLocaleTimeString('en-GB');
  document.body.dataset.url = window.location.pathname + window.location.search;
  document.body.dataset.overflows = String(document.documentElement.scrollWidth > window.innerWidth);
  document.body.dataset.loaded = 'true';
}

async function start() {
  readUrl();
  if (!state.date) {
    // the latest date with a meaningful number of papers, as the server judges it
    try {
      const data = await summary();
      if (data.defaultDate) state.date = data.defaultDate;
    } catch (ignored) { /* refreshAll shows the error */ }
  }
  showState();
  writeUrl(false);
  await refreshAll();
  setInterval(refreshAll, REFRESH_MS);
}

window.addEventListener('DOMContentLoaded', () => {
  $('controls').addEventListener('submit', event => {
    event.preventDefault();
    state.date = $('date').value;
    state.days = Number($('days').value);
    state.keyword = $('keyword').value.trim();
    writeUrl(true);
    refreshAll();
  });
  window.addEventListener('popstate', () => { readUrl(); showState(); refreshAll(); });
  start();
});
