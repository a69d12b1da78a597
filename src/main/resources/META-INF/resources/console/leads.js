// 线索: the tenant's leads with filters, the last tagged line highlighted, and a lead's timeline beside the list.
import { el, api, t, label, showError, timeElement, highlight, debounce, ago, turns } from './common.js';

const PERIODS = [['', 'periodAll'], ['1', 'period1'], ['7', 'period7'], ['30', 'period30'], ['90', 'period90']];
const CHANNELS = ['wecom-app', 'wecom-contact', 'wecom-kf', 'api'];

/**
 * @param panel   the screen's section
 * @param context tenant(): the tenant open now; intentLabel(id); intents(): the tenant's intents [{name, label}]
 */
export function leadsScreen(panel, context) {
  const intent = el('select', { id: 'leads-intent' });
  const pool = el('input', { id: 'leads-pool', size: 10 });
  const owner = el('input', { id: 'leads-owner', size: 10 });
  const channel = el('select', { id: 'leads-channel' }, el('option', { value: '' }, t('anyChannel')),
    CHANNELS.map((id) => el('option', { value: id }, label('channel', id))));
  const period = el('select', { id: 'leads-period' }, PERIODS.map(([days, key]) => el('option', { value: days }, t(key))));
  const search = el('input', { id: 'leads-q', type: 'search', size: 18, placeholder: t('filterSearch') });
  const body = el('tbody', { id: 'leads-body' });
  const status = el('p', { id: 'leads-status', class: 'muted', 'aria-live': 'polite' });
  const more = el('button', { id: 'leads-more', type: 'button', hidden: true, onclick: () => load(true) }, t('more'));
  const timeline = el('aside', { id: 'lead-timeline', class: 'timeline', 'aria-live': 'polite' },
    el('p', { class: 'muted' }, t('timelineEmpty')));
  const field = (key, input) => el('label', { class: 'field' }, el('span', {}, t(key)), input);
  let cursor = null;

  panel.append(el('h2', { class: 'visually-hidden' }, t('leadsTitle')),
    el('form', { class: 'filters', role: 'search', onsubmit: (event) => { event.preventDefault(); load(false); } },
      field('filterIntent', intent), field('filterPool', pool), field('filterOwner', owner), field('filterChannel', channel),
      field('filterPeriod', period), field('filterSearch', search),
      el('div', { class: 'filter-actions' }, el('button', { id: 'leads-apply', class: 'primary' }, t('apply')),
        el('button', { id: 'leads-reset', type: 'button', onclick: reset }, t('reset')))),
    el('div', { class: 'split' },
      el('div', { class: 'table-wrap' }, el('table', { id: 'leads-table', class: 'data' },
        el('thead', {}, el('tr', {}, ['customer', 'filterIntent', 'owner', 'filterPool', 'filterChannel', 'lastLine', 'lastSeen']
          .map((key) => el('th', { scope: 'col' }, t(key))))), body), status, more),
      timeline));
  [intent, channel, period].forEach((input) => input.addEventListener('change', () => load(false)));
  search.addEventListener('input', debounce(() => load(false), 400));

  function reset() {
    [intent, pool, owner, channel, period, search].forEach((input) => { input.value = ''; });
    load(false);
  }

  function query() {
    const params = new URLSearchParams({ limit: '50' });
    const add = (name, value) => { if (value.trim()) params.set(name, value.trim()); };
    add('intent', intent.value); add('pool', pool.value); add('owner', owner.value); add('channel', channel.value);
    add('q', search.value);
    if (period.value) params.set('createdFrom', new Date(Date.now() - Number(period.value) * 86400000).toISOString());
    return params;
  }

  const loads = turns();
  async function load(next) {
    const params = query();
    if (next && cursor) params.set('cursor', cursor);
    if (!next) status.textContent = '…';
    // Filters change faster than answers come: only the answer to the latest request is shown.
    const current = loads();
    try {
      const page = await api('GET', `/api/v1/tenants/${encodeURIComponent(context.tenant())}/leads?${params}`);
      if (!current()) return;
      const rows = page.items.map(row);
      if (next) body.append(...rows); else body.replaceChildren(...rows);
      cursor = page.nextCursor;
      more.hidden = !cursor;
      status.textContent = body.children.length ? '' : t('noLeads');
    } catch (error) { if (current()) showError(status, error); }
  }

  function row(lead) {
    const name = lead.name || lead.contact.id;
    const open = () => showTimeline(lead.leadId);
    return el('tr', { 'data-lead-id': lead.leadId, tabindex: 0, class: 'clickable', onclick: open,
      onkeydown: (event) => { if (event.key === 'Enter') open(); } },
      el('th', { scope: 'row' }, el('span', { class: 'customer-name' }, name),
        lead.name ? el('small', { class: 'muted block' }, lead.contact.id) : null,
        lead.contactRemovedAt ? el('small', { class: 'warning block' }, t('contactRemoved')) : null),
      el('td', { class: 'intents' }, Object.entries(lead.intents).map(([id, n]) =>
        el('span', { class: `chip intent-${cssId(id)}`, 'data-intent': id }, `${context.intentLabel(id)} ${n}`))),
      el('td', {}, lead.owner?.userId ?? el('span', { class: 'muted' }, t('noOwner'))),
      el('td', {}, lead.pool ?? ''),
      el('td', {}, label('channel', lead.channel)),
      el('td', { class: 'last-line' }, lastLine(lead.lastTagged)),
      el('td', { class: 'nowrap' }, timeElement(lead.lastSeenAt), el('small', { class: 'muted block ago' }, ago(lead.lastSeenAt))));
  }

  function lastLine(tagged) {
    if (!tagged) return '';
    if (tagged.text == null) return el('span', { class: 'muted' }, tagged.textAbsent === 'purged' ? t('textPurged') : t('textNotIncluded'));
    return highlight(tagged.text, tagged.matches, context.intentLabel);
  }

  async function showTimeline(leadId) {
    body.querySelectorAll('tr.selected').forEach((tr) => tr.classList.remove('selected'));
    body.querySelector(`tr[data-lead-id="${CSS.escape(leadId)}"]`)?.classList.add('selected');
    timeline.replaceChildren(el('p', {}, '…'));
    try {
      const detail = await api('GET', `/api/v1/tenants/${encodeURIComponent(context.tenant())}/leads/${encodeURIComponent(leadId)}`);
      const lead = detail.lead;
      timeline.replaceChildren(...[
        el('header', {}, el('h3', { id: 'timeline-title' }, lead.name || lead.contact.id),
          el('button', { type: 'button', class: 'link', id: 'timeline-close', onclick: () => timeline.replaceChildren(el('p', { class: 'muted' }, t('timelineEmpty'))) }, t('close'))),
        el('p', { class: 'muted' }, `${label('channel', lead.channel)} · ${lead.pool ?? ''} · ${lead.owner?.userId ?? t('noOwner')}`),
        detail.timelineTruncated ? el('p', { class: 'muted' }, t('timelineTruncated')) : null,
        el('ol', { id: 'timeline-list' }, detail.timeline.map(entry))].filter(Boolean));
    } catch (error) { showError(timeline, error); }
  }

  function entry(item) {
    const head = (kindKey) => el('div', { class: 'entry-head' }, el('span', { class: 'entry-kind' }, t(kindKey)), timeElement(item.at));
    switch (item.kind) {
      case 'message':
        return el('li', { class: 'entry entry-message', 'data-kind': 'message', 'data-message-id': item.messageId }, head('kindMessage'),
          el('p', { class: 'entry-text' }, item.text == null
            ? el('span', { class: 'muted' }, item.textAbsent === 'purged' ? t('textPurged') : t('textNotIncluded'))
            : highlight(item.text, item.matches, context.intentLabel)),
          el('div', {}, item.intents.map((id) => el('span', { class: `chip intent-${cssId(id)}`, 'data-intent': id }, context.intentLabel(id))),
            el('small', { class: 'muted' }, ` v${item.ruleSetVersion ?? ''}`)));
      case 'contact':
        return el('li', { class: 'entry entry-contact', 'data-kind': 'contact' }, head('kindContact'),
          el('p', {}, label('change', item.change), item.effect ? ` → ${label('effect', item.effect)}` : ''));
      case 'event':
        return el('li', { class: 'entry entry-event', 'data-kind': 'event' }, head('kindEvent'),
          el('p', {}, label('event', item.type)), el('small', { class: 'muted mono' }, item.eventId));
      default:
        return el('li', { class: `entry entry-action status-${cssId(item.status)}`, 'data-kind': 'action' }, head('kindAction'),
          el('p', {}, actionName(item.type), ' · ', label('status', item.status)),
          item.outcome || item.lastError ? el('small', { class: 'muted' }, item.outcome ?? item.lastError) : null);
    }
  }

  function actionName(type) {
    if (type.startsWith('robot-alert:')) return `${label('action', 'alert')}（${type.slice('robot-alert:'.length)}）`;
    if (type.startsWith('robot-digest:')) return `${label('action', 'digest')}（${type.slice('robot-digest:'.length)}）`;
    return label('action', type);
  }

  return {
    /** The tenant changed (or its intents loaded): refill the intent picker and the list. */
    refresh() {
      intent.replaceChildren(el('option', { value: '' }, t('anyIntent')),
        context.intents().map((i) => el('option', { value: i.name }, context.intentLabel(i.name))));
      timeline.replaceChildren(el('p', { class: 'muted' }, t('timelineEmpty')));
      return load(false);
    },
    showTimeline,
  };
}

/** An id as a CSS class part: custom intents may hold characters a class cannot. */
function cssId(id) {
  return String(id ?? '').replace(/[^a-zA-Z0-9_-]/g, '_');
}
