// What every console screen shares: the page's language, session facts, building elements safely, calling the admin
// API with the session cookie (and the CSRF token on changes), showing times in the console's zone.
import { TEXT, LABELS } from './i18n.js';

export const lang = document.body.dataset.lang === 'en' ? 'en' : 'zh';
export const t = (key, values = {}) => (TEXT[lang][key] ?? TEXT.zh[key] ?? key)
  .replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
const meta = (name) => document.querySelector(`meta[name="${name}"]`)?.content ?? '';
export const csrf = meta('csrf-token');
export const session = {
  user: meta('console-user'),
  role: meta('console-role'),
  tenants: meta('console-tenants').split(',').filter(Boolean),
  zone: meta('console-zone') || 'Asia/Shanghai',
};

/** Builds an element; string children become text nodes, never markup. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else if (value !== false && value != null) node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['X-CSRF-Token'] = csrf;
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin' });
  if (response.status === 401) { window.location.assign('/console/login'); throw new Error('signed out'); }
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = null; }
  if (!response.ok) {
    // A 404 without a problem body means the endpoint itself is missing (e.g. not deployed in this version).
    const error = new Error(response.status === 404 && (!data?.detail || data.detail.includes('no resource at this path'))
      ? t('notAvailable') : `${response.status}: ${data?.detail ?? data?.title ?? response.statusText}`);
    error.status = response.status;
    error.fields = data?.errors ?? [];
    throw error;
  }
  return data;
}

export function showError(target, error) {
  target.replaceChildren(el('p', { class: 'error', role: 'alert' }, error.message));
}

export function debounce(fn, ms) {
  let timer;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms); };
}

/** The label of an id in a catalogue (intents, channels, event types …), else the id itself. */
export function label(catalogue, id) {
  return LABELS[lang][catalogue]?.[id] ?? id;
}

const locale = lang === 'en' ? 'en-GB' : 'zh-CN';
const dateTime = new Intl.DateTimeFormat(locale, { timeZone: session.zone, year: 'numeric', month: '2-digit',
  day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
const dayOnly = new Intl.DateTimeFormat(locale, { timeZone: session.zone, month: '2-digit', day: '2-digit' });
const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });

/** An instant in the console's zone, e.g. 2026/12/06 14:05. */
export function formatTime(instant) {
  return instant ? dateTime.format(new Date(instant)) : '';
}

/** A day's start in the console's zone, e.g. 12/06. */
export function formatDay(instant) {
  return dayOnly.format(new Date(instant));
}

/** How long ago, e.g. 3 分钟前. */
export function ago(instant, now = Date.now()) {
  if (!instant) return '';
  const seconds = Math.round((new Date(instant).getTime() - now) / 1000);
  const units = [['second', 1, 60], ['minute', 60, 3600], ['hour', 3600, 86400], ['day', 86400, 86400 * 30],
    ['month', 86400 * 30, 86400 * 365], ['year', 86400 * 365, Infinity]];
  const [unit, size] = units.find(([, , limit]) => Math.abs(seconds) < limit);
  return relative.format(Math.round(seconds / size), unit);
}

/** A <time> with the local time as text, the instant as its datetime and the relative time as its title. */
export function timeElement(instant, attrs = {}) {
  return el('time', { datetime: instant, title: ago(instant), ...attrs }, formatTime(instant));
}

/**
 * The text with each matched span in <mark> and each suppressed one (the tester's) struck through with its reason —
 * a combination part by part, so the words between its parts stay plain — all as text nodes; spans without offsets
 * inside the text are skipped.
 */
export function highlight(text, matches, intentLabel, suppressed = []) {
  const asSpans = (m, kind) => (m.parts?.length ? m.parts.map((p) => ({ ...m, start: p.start, end: p.end, kind })) : [{ ...m, kind }]);
  const spans = [...(matches ?? []).flatMap((m) => asSpans(m, 'match')), ...suppressed.flatMap((m) => asSpans(m, 'suppressed'))]
    .filter((m) => Number.isInteger(m.start) && m.end <= text.length).sort((a, b) => a.start - b.start || b.end - a.end);
  const nodes = [];
  let at = 0;
  for (const span of spans) {
    if (span.start < at) continue;
    nodes.push(text.slice(at, span.start));
    const piece = text.slice(span.start, span.end);
    if (span.kind === 'match') nodes.push(el('mark', { title: `${intentLabel(span.intent)}: ${span.keyword}` }, piece));
    else {
      const why = span.reason === 'negated' ? `${t('negated')} “${span.cue ?? ''}”`
        : span.reason === 'mention' ? `${t('mention')} “${span.frame ?? ''}”` : `${t('excluded')} “${span.phrase ?? ''}”`;
      nodes.push(el('s', { class: 'suppressed', title: why }, piece), el('small', {}, ` (${why})`));
    }
    at = span.end;
  }
  nodes.push(text.slice(at));
  return nodes;
}

/**
 * Asks before something that cannot be taken back (publish, discard, roll back, re-tag): a modal <dialog> with what
 * will happen and two buttons. Resolves true only when confirmed; Esc or 取消 resolve false.
 */
export function confirmDialog(id, title, body, confirmLabel) {
  return new Promise((resolve) => {
    const dialog = el('dialog', { id, class: 'confirm', 'aria-labelledby': `${id}-title` },
      el('h3', { id: `${id}-title` }, title), el('div', { class: 'confirm-body' }, body),
      el('div', { class: 'confirm-actions' },
        el('button', { type: 'button', id: `${id}-cancel`, onclick: () => dialog.close('cancel') }, t('cancel')),
        el('button', { type: 'button', id: `${id}-ok`, class: 'primary', onclick: () => dialog.close('ok') }, confirmLabel)));
    dialog.addEventListener('close', () => { dialog.remove(); resolve(dialog.returnValue === 'ok'); });
    document.body.append(dialog);
    dialog.showModal();
    dialog.querySelector(`#${id}-ok`).focus();
  });
}

/**
 * Puts each of the API's field errors (400 `errors[{field, detail}]`) next to the input it names, marked invalid;
 * clears the previous ones. @return whether any field error was placed
 */
export function showFieldErrors(inputs, error) {
  Object.values(inputs).forEach((input) => {
    input.removeAttribute('aria-invalid');
    if (input.nextElementSibling?.classList.contains('field-error')) input.nextElementSibling.remove();
  });
  let placed = false;
  for (const { field, detail } of error?.fields ?? []) {
    const input = inputs[field.split(/[.[]/)[0]];
    if (!input) continue;
    input.setAttribute('aria-invalid', 'true');
    input.after(el('span', { class: 'field-error', role: 'alert', 'data-field': field }, detail));
    placed = true;
  }
  return placed;
}

/**
 * For a screen part that reloads whenever its inputs change: each call starts a turn and returns a check that stays
 * true only while no later turn has started, so an answer that comes back after a newer request is dropped instead
 * of overwriting it.
 */
export function turns() {
  let latest = 0;
  return () => {
    const mine = ++latest;
    return () => mine === latest;
  };
}
