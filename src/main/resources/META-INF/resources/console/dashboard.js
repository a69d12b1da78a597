// 看板: leads and tagged messages per day by intent (an SVG chart), the period's totals, capture latency, alerts
// sent and the keywords that matched most — all from GET …/stats, days in the console's zone.
import { el, api, t, showError, formatDay, session, label, turns } from './common.js';

const SVG = 'http://www.w3.org/2000/svg';
const PALETTE = ['#2f6fed', '#f08c2e', '#2aa876', '#9b59b6', '#e0447c', '#16a2b8', '#8a6d3b', '#6c757d'];

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children.flat()) if (child != null) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

/** @param context tenant(), intentLabel(id), intents() as for the leads screen */
export function dashboardScreen(panel, context) {
  const period = el('select', { id: 'dashboard-period' }, [7, 30, 90].map((days) =>
    el('option', { value: days, selected: days === 30 }, t(`period${days}`))));
  const measure = el('select', { id: 'dashboard-measure' },
    el('option', { value: 'messagesTagged' }, t('chartMessages')), el('option', { value: 'leadsCreated' }, t('chartLeads')));
  const cards = el('div', { class: 'cards', id: 'dashboard-cards' });
  const chart = el('figure', { id: 'dashboard-chart', class: 'chart' });
  const keywords = el('div', { id: 'dashboard-keywords' });
  const splits = el('div', { id: 'dashboard-splits', class: 'splits' });
  const status = el('p', { id: 'dashboard-status', 'aria-live': 'polite' });
  let report = null;
  panel.append(el('h2', { class: 'visually-hidden' }, t('dashboardTitle')),
    el('div', { class: 'filters' }, el('label', { class: 'field' }, el('span', {}, t('period')), period),
      el('label', { class: 'field' }, el('span', {}, t('perDay')), measure)),
    status, cards, el('div', { class: 'dashboard-grid' }, chart, el('div', {}, keywords, splits)));
  period.addEventListener('change', load);
  measure.addEventListener('change', () => { if (report) drawChart(report); });

  const loads = turns();
  async function load() {
    status.textContent = '…';
    const current = loads();
    const to = new Date();
    const from = new Date(to.getTime() - (Number(period.value) - 1) * 86400000);
    const params = new URLSearchParams({ from: from.toISOString(), to: to.toISOString(), bucket: 'day', zone: session.zone });
    try {
      const answer = await api('GET', `/api/v1/tenants/${encodeURIComponent(context.tenant())}/stats?${params}`);
      if (!current()) return;
      report = answer;
      status.textContent = report.totals.messagesTagged.total || report.totals.leadsCreated.total ? '' : t('noData');
      drawCards(report.totals);
      drawChart(report);
      drawKeywords(report.totals.messagesTagged.byKeyword ?? {});
      drawSplits(report.totals);
    } catch (error) { showError(status, error); }
  }

  function drawCards(totals) {
    const latency = totals.captureLatencyMs;
    const duration = (ms) => (ms == null ? '—' : ms < 1000 ? `${Math.round(ms)} ${t('ms')}` : `${(ms / 1000).toFixed(1)} ${t('seconds')}`);
    const card = (id, title, value, note) => el('div', { class: 'card', id }, el('div', { class: 'card-title' }, title),
      el('div', { class: 'card-value' }, value), note ? el('div', { class: 'card-note muted' }, note) : null);
    cards.replaceChildren(
      card('kpi-leads', t('leadsCreated'), totals.leadsCreated.total),
      card('kpi-messages', t('messagesTagged'), totals.messagesTagged.total),
      card('kpi-alerts', t('alertsSent'), totals.alertsSent),
      card('kpi-latency', t('latency'), duration(latency.p50),
        latency.count ? `${t('latencyP50')} · ${t('latencyP95')} ${duration(latency.p95)}${t('within')}` : null));
  }

  function drawChart(data) {
    const which = measure.value;
    const intents = [...new Set(data.buckets.flatMap((b) => Object.keys(b[which].byIntent)))].sort();
    const color = (intent) => PALETTE[intents.indexOf(intent) % PALETTE.length];
    const width = 760;
    const height = 260;
    const top = 12;
    const left = 36;
    const bottom = 24;
    const max = Math.max(1, ...data.buckets.map((b) => Object.values(b[which].byIntent).reduce((a, n) => a + n, 0)));
    const step = (width - left) / data.buckets.length;
    const bar = Math.max(2, step * 0.7);
    const y = (value) => top + (height - bottom - top) * (1 - value / max);
    const ticks = [0, Math.round(max / 2), max];
    const nodes = [];
    ticks.forEach((tick) => nodes.push(svg('line', { x1: left, x2: width, y1: y(tick), y2: y(tick), class: 'grid' }),
      svg('text', { x: left - 6, y: y(tick) + 4, 'text-anchor': 'end', class: 'axis' }, tick)));
    data.buckets.forEach((bucket, i) => {
      let base = 0;
      const x = left + i * step + (step - bar) / 2;
      const day = formatDay(bucket.start);
      for (const intent of intents) {
        const n = bucket[which].byIntent[intent] ?? 0;
        if (!n) continue;
        nodes.push(svg('rect', { x, y: y(base + n), width: bar, height: y(base) - y(base + n), fill: color(intent),
          'data-day': bucket.start, 'data-intent': intent, 'data-count': n }, svg('title', {}, `${day} ${context.intentLabel(intent)}: ${n}`)));
        base += n;
      }
      const every = Math.ceil(data.buckets.length / 10);
      if (i % every === 0) nodes.push(svg('text', { x: x + bar / 2, y: height - 6, 'text-anchor': 'middle', class: 'axis' }, day));
    });
    const total = data.totals[which];
    chart.replaceChildren(
      svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'chart-caption', class: 'bars' }, nodes),
      el('figcaption', { id: 'chart-caption' }, `${t('perDay')}: ${which === 'leadsCreated' ? t('chartLeads') : t('chartMessages')}`,
        el('ul', { class: 'legend' }, intents.map((intent) => el('li', { 'data-intent': intent },
          el('span', { class: `swatch swatch-${PALETTE.indexOf(color(intent))}` }), `${context.intentLabel(intent)} ${total.byIntent[intent] ?? 0}`)))));
  }

  function drawKeywords(byKeyword) {
    const ranked = Object.entries(byKeyword).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 10);
    keywords.replaceChildren(el('h3', {}, t('topKeywords')), ranked.length
      ? el('table', { class: 'data compact', id: 'top-keywords' }, el('thead', {}, el('tr', {},
        el('th', { scope: 'col' }, t('keyword')), el('th', { scope: 'col', class: 'num' }, t('count')))),
      el('tbody', {}, ranked.map(([keyword, n]) => el('tr', { 'data-keyword': keyword },
        el('td', { title: keyword }, keyword.length > 24 ? `${keyword.slice(0, 24)}…` : keyword), el('td', { class: 'num' }, n)))))
      : el('p', { class: 'muted' }, t('noData')));
  }

  function drawSplits(totals) {
    const list = (titleKey, map, name) => el('div', {}, el('h3', {}, t(titleKey)), el('ul', { class: 'plain' },
      Object.entries(map).sort((a, b) => b[1] - a[1]).map(([key, n]) => el('li', {}, `${name(key)} `, el('strong', {}, n)))));
    splits.replaceChildren(list('byPool', totals.messagesTagged.byPool, (key) => key),
      list('byChannel', totals.messagesTagged.byChannel, (key) => label('channel', key)));
  }

  return { refresh: load };
}
