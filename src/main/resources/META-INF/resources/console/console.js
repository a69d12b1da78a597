// The console: 线索, 看板, 规则, 历史, 分配, 重新打标 — one screen at a time (the URL's #hash). Every piece of data goes
// through the admin REST API with the session cookie; state-changing calls carry the page's CSRF token. Untrusted
// text is only ever inserted as text (el()).
import { el, api, t, showError, debounce, session, label, formatTime, timeElement, confirmDialog, showFieldErrors, turns, highlight } from './common.js';
import { leadsScreen } from './leads.js';
import { dashboardScreen } from './dashboard.js';

document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
document.getElementById('user').textContent = session.user;

const SCREENS = ['leads', 'dashboard', 'rules', 'history', 'routing', 'retag'];
const screens = Object.fromEntries(SCREENS.map((name) => [name, document.getElementById(`screen-${name}`)]));
const remembered = new URLSearchParams(location.search).get('tenant') || localStorage.getItem('ll_tenant');
const state = { tenant: session.tenants.includes(remembered) ? remembered : (session.tenants[0] ?? ''), page: 0,
  intents: [] };

// ---- tenant picker: only the tenants this credential may open ------------------------------------------------
const tenantPicker = document.getElementById('tenant');
tenantPicker.replaceChildren(...session.tenants.map((tenant) => el('option', { value: tenant, selected: tenant === state.tenant }, tenant)));
tenantPicker.addEventListener('change', () => {
  state.tenant = tenantPicker.value;
  localStorage.setItem('ll_tenant', state.tenant);
  refreshAll();
});
const base = () => `/api/v1/tenants/${encodeURIComponent(state.tenant)}`;

/** An intent id in words: the built-in ones from the catalogue, a custom one by its tenant's label. */
function labelOfIntent(id) {
  const known = label('intent', id);
  if (known !== id) return known;
  return state.intents.find((intent) => intent.name === id)?.label || id;
}
const context = { tenant: () => state.tenant, intentLabel: labelOfIntent, intents: () => state.intents };

// ---- screens -------------------------------------------------------------------------------------------------
function show(name) {
  const screen = SCREENS.includes(name) ? name : 'leads';
  for (const candidate of SCREENS) {
    screens[candidate].hidden = candidate !== screen;
    const link = document.getElementById(`nav-${candidate}`);
    if (candidate === screen) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
}
window.addEventListener('hashchange', () => {
  show(location.hash.slice(1));
  // The dashboard is read again each time it is opened: its numbers move with every message.
  if (location.hash === '#dashboard' && state.tenant) dashboard.refresh();
});
const leads = leadsScreen(screens.leads, context);
const dashboard = dashboardScreen(screens.dashboard, context);

// ---- rules -----------------------------------------------------------------------------------------------------
const rulesBody = el('tbody', { id: 'rules-body' });
const rulesStatus = el('div', { id: 'rules-status' });
const search = el('input', { id: 'rule-search', type: 'search', placeholder: t('search'), 'aria-label': t('search') });
const newIntent = el('select', { id: 'new-intent', 'aria-label': t('intent') });
// The API's rule kinds (RuleKind codes); anything else is refused with 400.
const KINDS = ['keyword', 'exclusion', 'negation_cue', 'trailing_negation_cue', 'clause_break', 'topic_marker', 'word_set', 'combination', 'mention_frame'];
const newKind = el('select', { id: 'new-kind', 'aria-label': t('kindLabel') }, KINDS.map((k) => el('option', { value: k }, label('kind', k))));
const newKeyword = el('input', { id: 'new-keyword', placeholder: t('keyword'), 'aria-label': t('keyword'), size: 10 });
// Plain fields of the kinds that hold more than one word ('|' separates words; '@name' refers to a word set).
const newWords = el('input', { id: 'new-words', placeholder: t('words'), 'aria-label': t('words'), size: 24 });
const newPartA = el('input', { id: 'new-part-a', placeholder: t('partA'), 'aria-label': t('partA'), size: 16 });
const newPartB = el('input', { id: 'new-part-b', placeholder: t('partB'), 'aria-label': t('partB'), size: 16 });
const newWindow = el('input', { id: 'new-window', type: 'number', min: 1, max: 30, value: 8, size: 3, title: t('window') });
const newOrdered = el('input', { id: 'new-ordered', type: 'checkbox' });
const newSentence = el('input', { id: 'new-sentence', type: 'checkbox' });
const newEffect = el('select', { id: 'new-effect' }, ['tag', 'question'].map((e) => el('option', { value: e }, e)));
const wordsFields = el('span', { id: 'word-set-fields', hidden: true }, ' ', newWords);
const partsFields = el('span', { id: 'proximity-fields', hidden: true }, ' ', newPartA, ' … ', newPartB, ' ',
  el('label', {}, t('window'), ' ', newWindow), ' ', el('label', {}, newOrdered, ' ', t('ordered')), ' ',
  el('label', {}, newSentence, ' ', t('sentence')), ' ', newEffect);
newKind.addEventListener('change', showKindFields);
function showKindFields() {
  wordsFields.hidden = newKind.value !== 'word_set';
  partsFields.hidden = newKind.value !== 'combination' && newKind.value !== 'mention_frame';
  newEffect.hidden = newKind.value !== 'combination';
  newKeyword.hidden = !partsFields.hidden;
  newIntent.hidden = newKind.value === 'word_set'; // a word set serves every intent ('*')
  newKeyword.placeholder = newKind.value === 'word_set' ? t('setName') : t('keyword');
}
const splitWords = (value) => value.split('|').map((w) => w.trim()).filter((w) => w);
search.addEventListener('input', debounce(() => { state.page = 0; loadRules(); }, 300));
screens.rules.append(el('section', { id: 'rules' }, el('h2', {}, t('rules')), search, ' ',
  el('button', { id: 'rules-prev', onclick: () => { state.page = Math.max(0, state.page - 1); loadRules(); } }, t('prev')),
  el('button', { id: 'rules-next', onclick: () => { state.page += 1; loadRules(); } }, t('next')),
  el('table', {}, el('thead', {}, el('tr', {}, [t('intent'), t('kind'), t('keyword'), t('enabled'), ''].map((h) => el('th', {}, h)))), rulesBody),
  el('p', {}, newIntent, newKind, newKeyword, wordsFields, partsFields, ' ', el('button', { id: 'add-rule', onclick: addRule }, t('add'))), rulesStatus));

// Custom intents: created through the intents API, then usable in rules.
const intentName = el('input', { id: 'intent-name', placeholder: t('intentId'), 'aria-label': t('intentId'), size: 10 });
const intentLabel = el('input', { id: 'intent-label', placeholder: t('intentName'), 'aria-label': t('intentName'), size: 10 });
const intentList = el('span', { id: 'intent-list' });
document.getElementById('rules').append(el('p', {}, `${t('intents')}: `, intentList), el('p', {}, intentName, intentLabel,
  el('button', { id: 'create-intent', onclick: createIntent }, t('newIntent'))));

const intentsTurn = turns();
async function loadIntents() {
  try {
    const current = intentsTurn();
    const intents = await api('GET', `${base()}/intents`);
    if (!current()) return;
    state.intents = intents;
    const chosen = newIntent.value;
    newIntent.replaceChildren(...state.intents.map((i) => el('option', { value: i.name, selected: i.name === chosen }, labelOfIntent(i.name))));
    intentList.textContent = state.intents.map((i) => `${labelOfIntent(i.name)} (${i.name})`).join(', ');
  } catch (error) { state.intents = []; showError(rulesStatus, error); }
}

async function createIntent() {
  try {
    await api('POST', `${base()}/intents`, { name: intentName.value.trim(), label: intentLabel.value.trim() || intentName.value.trim(), description: '' });
    intentName.value = ''; intentLabel.value = '';
    await loadIntents();
  } catch (error) { showError(rulesStatus, error); }
}

const rulesTurn = turns();
async function loadRules() {
  try {
    const current = rulesTurn();
    const q = encodeURIComponent(search.value.trim());
    const page = await api('GET', `${base()}/intent-rules?state=draft&size=20&page=${state.page}&q=${q}`);
    if (!current()) return;
    // Grouped by intent, in the order the page has them: a heading row where the intent changes.
    const rows = [];
    let group = null;
    for (const rule of page.items) {
      if (rule.intent !== group) {
        group = rule.intent;
        rows.push(el('tr', { class: 'group' }, el('th', { colspan: 5, scope: 'rowgroup' }, rule.intent === '*' ? t('anyIntent') : labelOfIntent(rule.intent))));
      }
      rows.push(ruleRow(rule));
    }
    rulesBody.replaceChildren(...(rows.length ? rows : [el('tr', {}, el('td', { colspan: 5, class: 'muted' }, t('noRules')))]));
    rulesStatus.textContent = t('ruleCount', { total: page.total, page: state.page + 1 });
  } catch (error) { showError(rulesStatus, error); }
}

function ruleRow(rule) {
  return el('tr', { 'data-rule-id': rule.id },
    el('td', { 'data-intent': rule.intent }, rule.intent === '*' ? t('anyIntent') : labelOfIntent(rule.intent)),
    el('td', { 'data-kind': rule.kind }, label('kind', rule.kind)), el('td', { class: 'keyword' }, describeRule(rule)),
    el('td', {}, rule.enabled ? '✓' : '✗'),
    el('td', {}, el('button', { onclick: () => toggleRule(rule) }, rule.enabled ? t('disable') : t('enable')), ' ',
      el('button', { class: 'edit-rule', onclick: (event) => editRule(rule, event.target.closest('tr')) }, t('edit'))));
}

/** A rule's keyword, with a word set's words or a combination's window and order. */
function describeRule(rule) {
  if (rule.kind === 'word_set') return `${rule.keyword} = ${rule.words.join(' | ')}`;
  if (rule.a) {
    return `${rule.keyword} (${t('window')} ${rule.window}${rule.ordered ? `, ${t('ordered')}` : ''}`
      + `${rule.scope === 'sentence' ? `, ${t('sentence')}` : ''}${rule.effect === 'question' ? ', question' : ''})`;
  }
  return rule.keyword;
}

async function addRule() {
  const kind = newKind.value;
  const body = { intent: kind === 'word_set' ? '*' : newIntent.value, kind, keyword: newKeyword.value.trim() };
  if (kind === 'word_set') body.words = splitWords(newWords.value);
  if (kind === 'combination' || kind === 'mention_frame') {
    Object.assign(body, { a: splitWords(newPartA.value), b: splitWords(newPartB.value), window: Number(newWindow.value),
      ordered: newOrdered.checked, scope: newSentence.checked ? 'sentence' : 'clause' });
    if (kind === 'combination') body.effect = newEffect.value;
  }
  const fields = { intent: newIntent, kind: newKind, keyword: newKeyword, words: newWords, a: newPartA, b: newPartB,
    window: newWindow };
  try {
    await api('POST', `${base()}/intent-rules`, body);
    showFieldErrors(fields, null);
    newKeyword.value = ''; newWords.value = ''; newPartA.value = ''; newPartB.value = '';
    await Promise.all([loadRules(), loadDraft()]);
    rulesStatus.append(el('span', { class: 'ok', id: 'rule-added' }, ' ✓'));
    runTest();
  } catch (error) { showError(rulesStatus, error); showFieldErrors(fields, error); }
}

async function toggleRule(rule) {
  await saveRule({ ...rule, enabled: !rule.enabled });
}

/**
 * Turns the row's rule cell into the fields of its kind — a keyword; a word set's name and words; a combination's or
 * mention frame's two parts and window — Enter or "保存" puts the changed rule into the draft, Esc cancels.
 */
function editRule(rule, row) {
  const inputs = {};
  let changed;
  if (rule.kind === 'word_set') {
    inputs.keyword = el('input', { class: 'edit-keyword', value: rule.keyword, size: 10, 'aria-label': t('setName') });
    inputs.words = el('input', { class: 'edit-words', value: (rule.words ?? []).join(' | '), size: 24, 'aria-label': t('words') });
    changed = () => ({ ...rule, keyword: inputs.keyword.value.trim(), words: splitWords(inputs.words.value) });
  } else if (rule.a) {
    inputs.a = el('input', { class: 'edit-part-a', value: rule.a.join(' | '), size: 14, 'aria-label': t('partA') });
    inputs.b = el('input', { class: 'edit-part-b', value: rule.b.join(' | '), size: 14, 'aria-label': t('partB') });
    inputs.window = el('input', { class: 'edit-window', type: 'number', min: 1, max: 30, value: rule.window, size: 3, 'aria-label': t('window') });
    // The keyword of a combination is its parts' readable form, made by the API.
    changed = () => ({ ...rule, keyword: '', a: splitWords(inputs.a.value), b: splitWords(inputs.b.value), window: Number(inputs.window.value) });
  } else {
    inputs.keyword = el('input', { class: 'edit-keyword', value: rule.keyword, size: 12, 'aria-label': t('keyword') });
    changed = () => ({ ...rule, keyword: inputs.keyword.value.trim() });
  }
  const save = () => saveRule(changed(), inputs);
  Object.values(inputs).forEach((input) => input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') save();
    if (event.key === 'Escape') loadRules();
  }));
  row.querySelector('td.keyword').replaceChildren(...Object.values(inputs).flatMap((input) => [input, ' ']),
    el('button', { class: 'save-rule', onclick: save }, t('save')));
  const first = Object.values(inputs)[0];
  first.focus();
  first.setSelectionRange?.(first.value.length, first.value.length);
}

async function saveRule(rule, inputs = {}) {
  try {
    await api('PUT', `${base()}/intent-rules/${rule.id}`, { intent: rule.intent, kind: rule.kind, keyword: rule.keyword, enabled: rule.enabled, note: rule.note,
      words: rule.words, a: rule.a, b: rule.b, window: rule.window, ordered: rule.ordered, effect: rule.effect, scope: rule.scope });
    await Promise.all([loadRules(), loadDraft()]);
    runTest();
  } catch (error) { showError(rulesStatus, error); showFieldErrors(inputs, error); }
}

// ---- try a message ---------------------------------------------------------------------------------------------
const testerText = el('textarea', { id: 'tester-text', 'aria-label': t('tester') });
const useDraft = el('input', { type: 'checkbox', id: 'tester-draft' });
const testerOut = el('div', { id: 'tester-result' });
testerText.addEventListener('input', debounce(runTest, 300));
useDraft.addEventListener('change', runTest);
screens.rules.append(el('section', { id: 'tester' }, el('h2', {}, t('tester')), testerText,
  el('label', {}, useDraft, ' ', t('useDraft')), testerOut));

const testTurn = turns();
async function runTest() {
  const current = testTurn();
  const text = testerText.value;
  if (!text.trim()) { testerOut.replaceChildren(); return; }
  try {
    const result = await api('POST', '/api/v1/intents/test', { text, tenant: state.tenant, draft: useDraft.checked });
    if (!current()) return;
    testerOut.replaceChildren(
      el('p', {}, `${t('version')}: `, el('span', { id: 'tester-version' }, result.ruleSetVersion)),
      el('p', {}, `${t('intents')}: `, el('span', { id: 'tester-intents' }, result.intents.map(labelOfIntent).join('、') || t('none'))),
      el('p', { id: 'tester-highlighted' }, highlight(text, result.matches, labelOfIntent, result.suppressed)));
  } catch (error) { showError(testerOut, error); }
}


// ---- draft: pending changes, impact, publish, discard ----------------------------------------------------------
const draftOut = el('div', { id: 'draft-changes' });
const impactDays = el('input', { id: 'impact-days', type: 'number', value: 7, min: 1, max: 90, size: 4 });
const impactOut = el('div', { id: 'impact-result' });
const draftStatus = el('div', { id: 'draft-status' });
screens.rules.append(el('section', { id: 'draft' }, el('h2', {}, t('draft')), el('h3', {}, t('pending')), draftOut,
  el('p', {}, el('label', {}, t('days'), ' ', impactDays), el('button', { id: 'impact', onclick: previewImpact }, t('impact')),
    ' ', el('button', { id: 'publish', onclick: publish }, t('publish')), ' ', el('button', { id: 'discard', onclick: discard }, t('discard'))),
  impactOut, draftStatus));

/** A diff (draft, version to version) as a list in words: 新增：报价 · 关键词 “蓝鲸”. */
function describeChanges(diff) {
  const rows = [];
  for (const [key, list] of Object.entries(diff ?? {})) {
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      const rule = item.rule ?? item.after ?? item;
      const intent = rule.intent === '*' ? t('anyIntent') : labelOfIntent(rule.intent ?? '');
      rows.push(el('li', { 'data-change': key }, `${t(key === 'changed' ? 'changedRule' : key)}：${intent} · ${label('kind', rule.kind ?? '')} “${rule.keyword ?? ''}”`));
    }
  }
  return rows.length ? el('ul', {}, rows) : el('p', { class: 'muted' }, t('draftEmpty'));
}

/** How many changes a diff holds. */
function changeCount(diff) {
  return ['added', 'removed', 'changed'].reduce((n, key) => n + (diff?.[key]?.length ?? 0), 0);
}

const draftTurn = turns();
async function loadDraft() {
  const current = draftTurn();
  try {
    const draft = await api('GET', `${base()}/intent-rules/draft`);
    if (current()) draftOut.replaceChildren(describeChanges(draft));
  } catch (error) { if (current()) showError(draftOut, error); }
}

async function previewImpact() {
  impactOut.replaceChildren(el('p', {}, '…'));
  try {
    const impact = await api('POST', `${base()}/intent-rules/draft/impact`, { days: Number(impactDays.value), maxMessages: 5000 });
    impactOut.replaceChildren(
      el('p', { id: 'impact-summary' }, `${t('evaluated')}: ${impact.messagesEvaluated} · ${t('changed')}: ${impact.messagesChanged ?? ''} · `
        + `v${impact.baseVersion} · ${formatTime(impact.window?.from)} → ${formatTime(impact.window?.to)}${impact.truncated ? ` (${t('truncated')})` : ''}`),
      el('table', { id: 'impact-table', class: 'data compact' }, el('tr', {}, [t('intent'), t('before'), t('after'), t('gained'), t('lost')].map((h) => el('th', {}, h))),
        impact.intents.map((row) => el('tr', { 'data-intent': row.intent }, el('td', {}, labelOfIntent(row.intent)), el('td', { class: 'before num' }, row.before ?? ''),
          el('td', { class: 'after num' }, row.after ?? ''), el('td', { class: 'gained num' }, row.gained), el('td', { class: 'lost num' }, row.lost)))),
      ...impact.intents.flatMap((row) => [...(row.gainedExamples ?? []).map((ex) => ['+', row.intent, ex]),
        ...(row.lostExamples ?? []).map((ex) => ['−', row.intent, ex])]).map(([sign, intent, ex]) =>
        el('p', { class: 'impact-example', 'data-message-id': ex.messageId }, `${sign}${labelOfIntent(intent)} `, el('code', {}, ex.messageId), ' ', ex.text,
          ` [${(ex.intentsBefore ?? []).map(labelOfIntent).join('、')} → ${(ex.intentsAfter ?? []).map(labelOfIntent).join('、')}]`)));
  } catch (error) { showError(impactOut, error); }
}

/** Publishing asks first, with the impact preview's numbers for the days chosen. */
async function publish() {
  try {
    const days = Number(impactDays.value);
    const impact = await api('POST', `${base()}/intent-rules/draft/impact`, { days, maxMessages: 5000 });
    const ok = await confirmDialog('confirm-publish', t('confirmPublishTitle'), [
      el('p', {}, t('confirmPublishBody', { days, evaluated: impact.messagesEvaluated, changed: impact.messagesChanged ?? 0 })),
      el('table', { class: 'data compact', id: 'confirm-publish-impact' }, el('thead', {}, el('tr', {},
        [t('intent'), t('gained'), t('lost')].map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, impact.intents.map((row) => el('tr', { 'data-intent': row.intent }, el('td', {}, labelOfIntent(row.intent)),
        el('td', { class: 'num gained' }, `+${row.gained}`), el('td', { class: 'num lost' }, `−${row.lost}`)))))], t('confirmPublishOk'));
    if (!ok) return;
    const result = await api('POST', `${base()}/intent-rules/draft/publish`);
    draftStatus.replaceChildren(el('p', { class: 'ok', id: 'published-version' }, t('publishedVersion', { version: result.version })));
    await Promise.all([loadDraft(), loadHistory(), loadRules()]);
    runTest();
  } catch (error) { showError(draftStatus, error); }
}

async function discard() {
  try {
    const count = changeCount(await api('GET', `${base()}/intent-rules/draft`));
    if (!await confirmDialog('confirm-discard', t('confirmDiscardTitle'), el('p', {}, t('confirmDiscardBody', { count })), t('confirmDiscardOk'))) return;
    await api('DELETE', `${base()}/intent-rules/draft`);
    await Promise.all([loadDraft(), loadRules()]);
    runTest();
  } catch (error) { showError(draftStatus, error); }
}

// ---- history: versions, diff, rollback -------------------------------------------------------------------------
const historyBody = el('tbody', { id: 'history-body' });
const diffOut = el('div', { id: 'diff-result' });
const diffFrom = el('select', { id: 'diff-from', 'aria-label': t('chooseVersion') });
const diffTo = el('select', { id: 'diff-to', 'aria-label': t('chooseVersion') });
screens.history.append(el('section', { id: 'history' }, el('h2', {}, t('history')), el('table', {}, historyBody),
  el('p', {}, diffFrom, ' → ', diffTo, el('button', { id: 'diff', onclick: showDiff }, t('diff'))), diffOut));

const historyTurn = turns();
async function loadHistory() {
  try {
    const current = historyTurn();
    // Who and when come with the versions; what changed is in the audit trail (one entry per publish or rollback).
    const [versions, audit] = await Promise.all([api('GET', `${base()}/intent-rules/versions`),
      api('GET', `${base()}/intent-rules/audit?limit=500`)]);
    if (!current()) return;
    const what = new Map(audit.filter((entry) => entry.version != null).map((entry) => [entry.version, entry.changes]));
    const counts = (changes) => (changes?.added || changes?.removed || changes?.changed
      ? `${t('added')} ${changes.added?.length ?? 0} · ${t('removed')} ${changes.removed?.length ?? 0} · ${t('changedRule')} ${changes.changed?.length ?? 0}`
      : (changes?.summary ?? ''));
    const origin = (v) => (v.origin === 'rollback' ? t('originRollback', { version: v.rolledBackTo })
      : v.origin === 'seed' ? t('originSeed') : v.origin === 'publish' ? t('originPublish') : (v.origin ?? ''));
    historyBody.replaceChildren(...versions.map((v) => el('tr', { 'data-version': v.version }, el('td', {}, `v${v.version}`),
      el('td', {}, v.publishedBy ?? ''), el('td', {}, v.publishedAt ? timeElement(v.publishedAt) : ''), el('td', {}, origin(v)),
      el('td', { class: 'what' }, counts(what.get(v.version))),
      el('td', {}, el('button', { class: 'rollback', 'data-version': v.version, onclick: () => rollback(v.version) }, t('rollback'))))));
    // The pickers: newest last in "to", the one before it in "from".
    const options = (selected) => versions.map((v) => el('option', { value: v.version, selected: v.version === selected },
      `v${v.version} · ${formatTime(v.publishedAt)}`));
    diffFrom.replaceChildren(...options(versions[1]?.version ?? versions[0]?.version));
    diffTo.replaceChildren(...options(versions[0]?.version));
  } catch (error) { showError(diffOut, error); }
}

async function showDiff() {
  try { diffOut.replaceChildren(describeChanges(await api('GET', `${base()}/intent-rules/versions/${Number(diffFrom.value)}/diff/${Number(diffTo.value)}`))); } catch (error) { showError(diffOut, error); }
}

async function rollback(version) {
  try {
    if (!await confirmDialog('confirm-rollback', t('confirmRollbackTitle', { version }),
      el('p', {}, t('confirmRollbackBody', { version })), t('confirmRollbackOk'))) return;
    const result = await api('POST', `${base()}/intent-rules/versions/${version}/rollback`);
    diffOut.replaceChildren(el('p', { class: 'ok', id: 'rolled-back-version' }, t('rolledBackVersion', { version: result.version })));
    await Promise.all([loadHistory(), loadRules(), loadDraft()]);
    runTest();
  } catch (error) { showError(diffOut, error); }
}

// ---- re-tag ----------------------------------------------------------------------------------------------------
const retagDays = el('input', { id: 'retag-days', type: 'number', value: 7, min: 1, size: 4 });
const retagOut = el('div', { id: 'retag-status' });
let retagTimer = null;
screens.retag.append(el('section', { id: 'retag' }, el('h2', {}, t('retag')), el('label', {}, t('days'), ' ', retagDays),
  el('button', { id: 'retag-start', onclick: startRetag }, t('start')), retagOut));

async function startRetag() {
  try {
    const days = Number(retagDays.value);
    if (!await confirmDialog('confirm-retag', t('confirmRetagTitle'), el('p', {}, t('confirmRetagBody', { days })), t('confirmRetagOk'))) return;
    showJob(await api('POST', `${base()}/retag-jobs`, { days }));
  } catch (error) { showError(retagOut, error); }
}

function showJob(job) {
  const status = t(`job${job.status.charAt(0).toUpperCase()}${job.status.slice(1)}`);
  retagOut.replaceChildren(el('p', { id: 'retag-job', 'data-status': job.status }, t('jobStatus', { id: job.id, version: job.ruleSetVersion, status,
    processed: job.processed, total: job.total, changed: job.changed }), job.error ? ` ${job.error}` : ''),
    ['queued', 'running'].includes(job.status) ? el('button', { id: 'retag-cancel', onclick: async () => {
      try { showJob(await api('POST', `${base()}/retag-jobs/${job.id}/cancel`)); } catch (error) { showError(retagOut, error); } } }, t('cancel')) : '');
  clearTimeout(retagTimer);
  if (['queued', 'running'].includes(job.status)) {
    retagTimer = setTimeout(async () => {
      try { showJob(await api('GET', `${base()}/retag-jobs/${job.id}`)); } catch (error) { showError(retagOut, error); }
    }, 1000);
  }
}

// ---- 分配: intent → pool, precedence, default pool, and who is alerted about each pool's leads without an owner
// (each save is a new routing version) -------------------------------------------------------------------------
const routingBody = el('tbody', { id: 'routing-body' });
const recipientsBody = el('tbody', { id: 'recipients-body' });
const routingPrecedence = el('input', { id: 'routing-precedence', size: 30 });
const routingDefault = el('input', { id: 'routing-default', size: 14 });
const routingNewIntent = el('input', { id: 'routing-new-intent', placeholder: t('intent'), 'aria-label': t('intent'), size: 10 });
const routingNewPool = el('input', { id: 'routing-new-pool', placeholder: t('pool'), 'aria-label': t('pool'), size: 14 });
const routingOut = el('div', { id: 'routing-status' });
let routingVersion = null;
screens.routing.append(el('section', { id: 'routing' }, el('h2', {}, t('routing')),
  el('table', { class: 'data compact' }, el('thead', {}, el('tr', {}, [t('intent'), t('pool')].map((h) => el('th', { scope: 'col' }, h)))), routingBody),
  el('p', {}, routingNewIntent, ' → ', routingNewPool),
  el('p', {}, el('label', {}, t('precedence'), ' ', routingPrecedence)),
  el('p', {}, el('label', {}, t('defaultPool'), ' ', routingDefault)),
  el('h3', {}, t('recipients')), el('p', { class: 'muted' }, t('recipientsHelp')),
  el('table', { class: 'data compact' }, el('thead', {}, el('tr', {}, [t('pool'), t('recipientUsers'), t('recipientDepartments'),
    t('recipientRobots')].map((h) => el('th', { scope: 'col' }, h)))), recipientsBody),
  el('p', {}, el('button', { id: 'routing-save', class: 'primary', onclick: saveRouting }, t('save'))), routingOut));

/** "zhangsan、lisi, wangwu" → ["zhangsan", "lisi", "wangwu"] */
const listOf = (value) => value.split(/[,，、\s]+/).map((item) => item.trim()).filter(Boolean);

const routingTurn = turns();
async function loadRouting() {
  try {
    const current = routingTurn();
    const routing = await api('GET', `${base()}/routing`);
    if (!current()) return;
    routingVersion = routing.version;
    routingBody.replaceChildren(...Object.entries(routing.pools).sort(([a], [b]) => a.localeCompare(b)).map(([intent, pool]) =>
      el('tr', { 'data-intent': intent }, el('td', {}, labelOfIntent(intent)),
        el('td', {}, el('input', { class: 'routing-pool', 'data-intent': intent, value: pool, size: 14, 'aria-label': `${labelOfIntent(intent)} ${t('pool')}` })))));
    routingPrecedence.value = routing.precedence.join(', ');
    routingDefault.value = routing.defaultPool;
    const pools = [...new Set([...Object.values(routing.pools), routing.defaultPool, ...Object.keys(routing.recipients ?? {})])].sort();
    recipientsBody.replaceChildren(...pools.map((pool) => {
      const who = routing.recipients?.[pool] ?? {};
      const field = (name, values) => el('td', {}, el('input', { class: `recipient-${name}`, 'data-pool': pool, size: 18,
        value: (values ?? []).join(', '), 'aria-label': `${pool} ${t(`recipient${name.charAt(0).toUpperCase()}${name.slice(1)}`)}` }));
      return el('tr', { 'data-pool': pool }, el('th', { scope: 'row' }, pool), field('users', who.users),
        field('departments', who.departments), field('robots', who.robots));
    }));
    routingOut.replaceChildren(el('p', { id: 'routing-version' }, `${t('routingVersion')} ${routing.version}`));
  } catch (error) { showError(routingOut, error); }
}

async function saveRouting() {
  const pools = {};
  routingBody.querySelectorAll('input.routing-pool').forEach((input) => { if (input.value.trim()) pools[input.dataset.intent] = input.value.trim(); });
  if (routingNewIntent.value.trim()) pools[routingNewIntent.value.trim()] = routingNewPool.value.trim();
  const recipients = {};
  recipientsBody.querySelectorAll('tr[data-pool]').forEach((row) => {
    const read = (name) => listOf(row.querySelector(`input.recipient-${name}`).value);
    const users = read('users');
    const departments = read('departments').map(Number);
    const robots = read('robots');
    if (users.length || departments.length || robots.length) recipients[row.dataset.pool] = { users, departments, robots };
  });
  try {
    // baseVersion: refused (409) if someone else changed routing since it was loaded, instead of overwriting them.
    const result = await api('PUT', `${base()}/routing`, { pools, precedence: routingPrecedence.value.split(',').map((i) => i.trim()).filter(Boolean),
      defaultPool: routingDefault.value.trim(), recipients, baseVersion: routingVersion });
    routingNewIntent.value = ''; routingNewPool.value = '';
    await loadRouting();
    routingOut.append(el('p', { class: 'ok', id: 'routing-saved' }, `✓ ${t('routingVersion')} ${result.version}`));
  } catch (error) { showError(routingOut, error); }
}

// ---- look up a stored message ----------------------------------------------------------------------------------
const lookupId = el('input', { id: 'lookup-id', placeholder: t('messageId'), 'aria-label': t('messageId') });
const lookupOut = el('div', { id: 'lookup-result' });
screens.leads.append(el('section', { id: 'lookup' }, el('h2', {}, t('lookup')), lookupId,
  el('button', { id: 'lookup-go', onclick: lookup }, t('lookup')), lookupOut));

async function lookup() {
  try {
    const message = await api('GET', `${base()}/messages/${encodeURIComponent(lookupId.value.trim())}`);
    const tagging = message.tagging ?? message.tags ?? {};
    const intents = tagging.intents ?? message.intents ?? [];
    lookupOut.replaceChildren(el('p', { id: 'lookup-text' }, message.text ?? message.content ?? ''),
      el('p', {}, `${t('intents')}: `, el('span', { id: 'lookup-intents', 'data-intents': intents.join(',') },
        intents.map(labelOfIntent).join('、') || t('none'))),
      el('p', { class: 'muted' }, timeElement(message.receivedAt), ` · ${message.contactKey ?? ''}`,
        message.customerName ? ` · ${message.customerName}` : '', ` · ${message.status ?? ''}`),
      el('details', {}, el('summary', {}, t('technicalDetails')), el('pre', {}, JSON.stringify(message, null, 2))));
  } catch (error) { showError(lookupOut, error); }
}

// A WeCom alert links here with ?tenant=…&message=…: show that message straight away.
const linkedMessage = new URLSearchParams(location.search).get('message');
if (linkedMessage) {
  location.hash = '#leads';
  lookupId.value = linkedMessage;
  lookup();
  document.getElementById('lookup').scrollIntoView();
}


async function refreshAll() {
  loadRules(); loadDraft(); loadHistory(); loadRouting(); runTest();
  await loadIntents();
  leads.refresh();
  dashboard.refresh();
}
show(location.hash.slice(1));
if (state.tenant) refreshAll();
