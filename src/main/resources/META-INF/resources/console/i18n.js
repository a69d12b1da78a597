// UI text: Chinese by default, English with ?lang=en (remembered in the ll_lang cookie by the server).
export const TEXT = {
  zh: {
    title: '规则控制台', logout: '退出登录', tenant: '租户', load: '加载', rules: '规则', search: '搜索',
    intent: '意图', kind: '类型', keyword: '关键词', enabled: '启用', note: '备注', add: '添加到草稿',
    disable: '停用', enable: '启用', prev: '上一页', next: '下一页', tester: '试一条消息', useDraft: '使用草稿',
    version: '规则版本', intents: '意图', draft: '草稿', pending: '待发布的更改', publish: '发布', discard: '丢弃',
    impact: '影响预览', days: '天数', history: '历史', diff: '对比', rollback: '回滚到此版本', retag: '重新打标',
    start: '开始', cancel: '取消', lookup: '查询消息', messageId: '消息 ID', notAvailable: '此功能的接口尚不可用 (404)',
    negated: '否定词', excluded: '排除短语', none: '无', gained: '新增', lost: '失去', before: '发布前', after: '发布后', evaluated: '已评估消息', changed: '会变化', truncated: '已截断', edit: '修改', save: '保存', routing: '线索分配', pool: '线索池', precedence: '优先级', defaultPool: '默认线索池', routingVersion: '分配规则版本', newIntent: '新建意图', words: '词（用 | 分隔）', partA: '词组 A（| 分隔，@词集）', partB: '词组 B', window: '间隔字数', ordered: 'A 在 B 前', sentence: '可跨逗号（同一句）', setName: '词集名称', mention: '提及框架',
  },
  en: {
    title: 'Rules console', logout: 'Sign out', tenant: 'Tenant', load: 'Load', rules: 'Rules', search: 'Search',
    intent: 'Intent', kind: 'Kind', keyword: 'Keyword', enabled: 'Enabled', note: 'Note', add: 'Add to draft',
    disable: 'Disable', enable: 'Enable', prev: 'Previous', next: 'Next', tester: 'Try a message', useDraft: 'Use draft',
    version: 'Rule-set version', intents: 'Intents', draft: 'Draft', pending: 'Pending changes', publish: 'Publish',
    discard: 'Discard', impact: 'Impact preview', days: 'Days', history: 'History', diff: 'Diff',
    rollback: 'Roll back to this version', retag: 'Re-tag', start: 'Start', cancel: 'Cancel', lookup: 'Look up a message',
    messageId: 'Message id', notAvailable: 'This feature\'s endpoint is not available yet (404)',
    negated: 'negation cue', excluded: 'exclusion phrase', none: 'none', gained: 'gained', lost: 'lost', before: 'before', after: 'after', evaluated: 'messages evaluated', changed: 'would change', truncated: 'truncated', edit: 'Edit', save: 'Save', routing: 'Lead routing', pool: 'Pool', precedence: 'Precedence', defaultPool: 'Default pool', routingVersion: 'Routing version', newIntent: 'Create intent', words: 'words (| between)', partA: 'part A (| between, @set)', partB: 'part B', window: 'window', ordered: 'A before B', sentence: 'across commas (one sentence)', setName: 'set name', mention: 'mention frame',
  },
};
