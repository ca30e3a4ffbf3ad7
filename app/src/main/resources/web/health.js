// The dashboard's health panel, beside dashboard.js (whose helpers it uses): the processor's state,
// the entries waiting and the internal work, throughput since the last refresh, dead letters and the
// feed's status, from /api/summary (or /api/health on a server without it).
'use strict';

let previousTotals = null;

function number(n) { return n === null || n === undefined ? '—' : Number(n).toLocaleString('en'); }

function when(iso) {
  if (!iso) return 'never';
  const date = new Date(iso);
  return date.toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'medium' });
}

/** /api/summary when the server has it; else the same figures from /api/health (never all of /metrics). */
async function summary() {
  try {
    return await getJson('/api/summary');
  } catch (error) {
    if (error.status !== 404) throw error;
  }
  const health = await getJson('/api/health');
  const lag = health.lag || {};
  const waiting = Object.entries(lag).filter(([topic]) => topic.endsWith('raw-entries'))
      .reduce((sum, [, n]) => sum + n, 0);
  const total = Object.values(lag).reduce((sum, n) => sum + n, 0);
  return { status: health.status, state: health.state, papers: null, feed: health.feed,
    instances: health.instances, lag: { waiting, internal: total - waiting } };
}

function throughput(totals) {
  const before = previousTotals;
  previousTotals = totals;
  if (!before || totals.in === null) return '—';
  const seconds = (totals.at - before.at) / 1000;
  const perSecond = name => Math.max(0, ((totals[name] || 0) - (before[name] || 0)) / seconds).toFixed(1);
  return perSecond('in') + ' entries in/s, ' + perSecond('out') + ' papers out/s';
}

function feedRows(feed) {
  if (!feed) return [];
  const status = feed.state || (feed.failuresInARow > 0 ? 'failing' : 'ok');
  const rows = [['feed', status]];
  if (feed.lastSuccessAt !== undefined) rows.push(['feed: last success', when(feed.lastSuccessAt)]);
  if (feed.failuresInARow) rows.push(['feed: failures in a row', number(feed.failuresInARow)]);
  if (feed.lastError) rows.push(['feed: last error', feed.lastError]);
  if (feed.nextAttemptAt) rows.push(['feed: next attempt', when(feed.nextAttemptAt)]);
  if (feed.pages) rows.push(['feed: pages', Object.entries(feed.pages).map(([k, v]) => k + ' ' + v).join(', ')]);
  return rows;
}

async function refreshHealth() {
  const data = await summary();
  const deadLetters = data.deadLetters || {};
  const deadTotal = Object.values(deadLetters).reduce((sum, n) => sum + n, 0);
  const entries = data.entries || {};
  const rows = [
    ['status', data.status], ['processor', data.state],
    ['papers', data.papers === null || data.papers === undefined ? '—' : number(data.papers)],
    ['entries waiting', number(data.lag && data.lag.waiting)],
    ['internal work', number(data.lag && data.lag.internal)],
    ['throughput', throughput({ at: Date.now(), in: entries.in === undefined ? null : entries.in, out: entries.out })]
  ];
  if (entries.in !== undefined) {
    rows.push(['entries in / papers out', number(entries.in) + ' / ' + number(entries.out)]);
  }
  if (data.deadLetters) {
    rows.push(['dead letters', number(deadTotal) + ' (' + Object.entries(deadLetters)
        .map(([stage, n]) => stage + ' ' + n).join(', ') + ')']);
  }
  if (Array.isArray(data.instances) && data.instances.length > 1) rows.push(['instances', data.instances.length]);
  rows.push(...feedRows(data.feed));
  $('health').replaceChildren(...rows.flatMap(([key, value]) => {
    const dd = element('dd', value);
    if (value === 'RUNNING' || value === 'UP' || value === 'ok') dd.className = 'good';
    if (value === 'ERROR' || value === 'DOWN' || value === 'failing') dd.className = 'bad';
    return [element('dt', key), dd];
  }));
  return data;
}
