// The paperstream dashboard: trending keywords, a keyword's daily series, the newest papers and
// the pipeline's health, refreshed every few seconds from the query API. Every text that comes
// from the data is put into the page with textContent, never as HTML.
'use strict';

const REFRESH_MS = 5000;
const state = { date: '', days: 7, keyword: '' };
let trendingChart = null;
let seriesChart = null;

function $(id) { return document.getElementById(id); }

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    let message = response.status + ' ' + response.statusText;
    try { message = (await response.json()).error || message; } catch (ignored) { /* not JSON */ }
    throw new Error(path + ': ' + message);
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

function query(params) {
  const search = new URLSearchParams();
  Object.entries(params).forEach(([k, v]) => { if (v !== '' && v !== null && v !== undefined) search.set(k, v); });
  const text = search.toString();
  return text ? '?' + text : '';
}

function listOf(data, name) {
  return data && Array.isArray(data[name]) ? data[name] : [];
}

async function refreshTrending() {
  const data = await getJson('/api/trending' + query({ date: state.date, days: state.days, limit: 20 }));
  const keywords = listOf(data, 'keywords');
  if (!state.date && data.date) {
    state.date = data.date;
    $('date').value = data.date;
  }
  $('trending-window').textContent = data.from ? data.from + ' – ' + data.date : '';
  const labels = keywords.map(k => k.keyword);
  const counts = keywords.map(k => k.count);
  if (!trendingChart) {
    trendingChart = new Chart($('trending-chart'), {
      type: 'bar',
      data: { labels, datasets: [{ label: 'papers', data: counts, backgroundColor: '#3b6fd8' }] },
      options: {
        indexAxis: 'y', animation: false, responsive: true,
        plugins: { legend: { display: false } },
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
        onClick: (event, elements) => {
          if (elements.length) selectKeyword(trendingChart.data.labels[elements[0].index]);
        }
      }
    });
  } else {
    trendingChart.data.labels = labels;
    trendingChart.data.datasets[0].data = counts;
    trendingChart.update();
  }
  const list = $('trending-list');
  list.replaceChildren(...keywords.map(k => {
    const item = element('li');
    const chip = element('button', k.keyword, 'chip');
    chip.type = 'button';
    chip.addEventListener('click', () => selectKeyword(k.keyword));
    item.append(chip, element('span', ' ' + k.count + ' · growth ' + Number(k.growth).toFixed(2), 'muted'));
    return item;
  }));
  if (!state.keyword && keywords.length) selectKeyword(keywords[0].keyword, false);
}

async function refreshSeries() {
  if (!state.keyword) return;
  const to = state.date || undefined;
  let from;
  if (to) {
    const start = new Date(to + 'T00:00:00Z');
    start.setUTCDate(start.getUTCDate() - 59);
    from = start.toISOString().slice(0, 10);
  }
  const data = await getJson('/api/keywords/' + encodeURIComponent(state.keyword) + '/series' + query({ from, to }));
  const points = listOf(data, 'days');
  $('series-keyword').textContent = data.canonical || state.keyword;
  const labels = points.map(p => p.date);
  const counts = points.map(p => p.count);
  if (!seriesChart) {
    seriesChart = new Chart($('series-chart'), {
      type: 'line',
      data: { labels, datasets: [{ label: 'papers per day', data: counts, borderColor: '#d8573b', tension: 0.2 }] },
      options: { animation: false, responsive: true, plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  } else {
    seriesChart.data.labels = labels;
    seriesChart.data.datasets[0].data = counts;
    seriesChart.update();
  }
}

async function refreshPapers() {
  const data = await getJson('/api/papers' + query({ keyword: state.keyword, limit: 20 }));
  const papers = listOf(data, 'papers');
  $('papers-filter').textContent = state.keyword ? 'with “' + state.keyword + '”' : '';
  $('papers').replaceChildren(...papers.map(paper => {
    const item = element('li');
    const title = paper.arxivUrl ? element('a', paper.title, 'title') : element('span', paper.title, 'title');
    if (paper.arxivUrl) { title.href = paper.arxivUrl; title.rel = 'noopener'; }
    item.append(title);
    const meta = [paper.publishedDate, paper.organization, paper.upvotes != null ? paper.upvotes + ' upvotes' : null]
        .filter(Boolean).join(' · ');
    item.append(element('div', meta, 'meta'));
    const links = element('div', null, 'meta');
    (paper.codeUrls || []).forEach(url => {
      const a = element('a', 'code', null);
      a.href = url; a.rel = 'noopener';
      links.append(a, document.createTextNode(' '));
    });
    if (paper.projectPage) {
      const a = element('a', 'project page', null);
      a.href = paper.projectPage; a.rel = 'noopener';
      links.append(a);
    }
    if (links.childNodes.length) item.append(links);
    const chips = element('div');
    (paper.keywords || []).slice(0, 8).forEach(keyword => {
      const chip = element('button', keyword, 'chip');
      chip.type = 'button';
      chip.addEventListener('click', () => selectKeyword(keyword));
      chips.append(chip);
    });
    item.append(chips);
    return item;
  }));
}

// Counters from the Prometheus endpoint, summed over their labels, e.g. paperstream_dead_letters_total.
async function counters() {
  const response = await fetch('/metrics');
  if (!response.ok) throw new Error('/metrics: ' + response.status);
  const totals = {};
  (await response.text()).split('\n').forEach(line => {
    const match = /^(paperstream_[a-z_]+_total)(\{[^}]*\})? ([0-9.eE+-]+)$/.exec(line);
    if (match) totals[match[1]] = (totals[match[1]] || 0) + Number(match[3]);
  });
  return totals;
}

let previousCounters = null;

function throughput(now) {
  const before = previousCounters;
  previousCounters = now;
  if (!before) return '—';
  const seconds = (now.at - before.at) / 1000;
  const perSecond = name => Math.max(0, ((now[name] || 0) - (before[name] || 0)) / seconds).toFixed(1);
  return perSecond('paperstream_entries_in_total') + ' entries in/s, '
      + perSecond('paperstream_entries_out_total') + ' papers out/s';
}

async function refreshHealth() {
  const [data, totals] = await Promise.all([getJson('/api/health'), counters()]);
  totals.at = Date.now();
  const rows = [
    ['throughput', throughput(totals)],
    ['dead letters', totals.paperstream_dead_letters_total || 0],
    ['entries in', totals.paperstream_entries_in_total || 0],
    ['papers out', totals.paperstream_entries_out_total || 0]
  ];
  Object.entries(data).forEach(([key, value]) => {
    if (value !== null && typeof value === 'object') {
      Object.entries(value).forEach(([k, v]) => rows.push([key + ' ' + k, v]));
    } else {
      rows.push([key, value]);
    }
  });
  $('health').replaceChildren(...rows.flatMap(([key, value]) => {
    const dd = element('dd', typeof value === 'number' ? value.toLocaleString() : value);
    if (value === 'RUNNING' || value === 'UP') dd.className = 'good';
    if (value === 'ERROR' || value === 'DOWN') dd.className = 'bad';
    return [element('dt', key), dd];
  }));
}

function selectKeyword(keyword, refresh = true) {
  state.keyword = keyword;
  $('keyword').value = keyword;
  if (refresh) refreshAll();
}

async function refreshAll() {
  const results = await Promise.allSettled([refreshTrending(), refreshPapers(), refreshHealth()]);
  await refreshSeries().catch(error => results.push({ status: 'rejected', reason: error }));
  const failed = results.find(r => r.status === 'rejected');
  showError(failed ? failed.reason : null);
  $('updated').textContent = 'updated ' + new Date().toLocaleTimeString();
  document.body.dataset.loaded = 'true';
}

window.addEventListener('DOMContentLoaded', () => {
  $('controls').addEventListener('submit', event => {
    event.preventDefault();
    state.date = $('date').value;
    state.days = Number($('days').value);
    state.keyword = $('keyword').value.trim();
    refreshAll();
  });
  refreshAll();
  setInterval(refreshAll, REFRESH_MS);
});
