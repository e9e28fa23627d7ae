import type { Bundle } from '../../app/i18n-core'

export const queueMessages: Bundle = {
  en: {
    title: 'Queue',
    kindShort: { incident: 'Incident', request: 'Request' },
    views: {
      mine: 'My open',
      unassigned: 'Unassigned',
      team: 'My team',
      open: 'All open',
      resolved: 'Recently resolved'
    },
    columns: {
      number: 'Number',
      kind: 'Type',
      priority: 'Priority',
      status: 'Status',
      title: 'Title',
      requester: 'Requester',
      category: 'Category',
      team: 'Team',
      assignee: 'Assignee',
      updated: 'Updated'
    },
    search: {
      placeholder: 'Search number, title or description  ( / )',
      label: 'Search tickets',
      numberMatch: 'Number match'
    },
    sort: { asc: 'Sorted ascending', desc: 'Sorted descending', by: 'Sort by {{column}}' },
    filter: {
      button: 'Filter {{column}}',
      any: 'Any',
      contains: 'Contains…',
      from: 'From',
      to: 'To',
      clear: 'Clear filter',
      clearAll_one: 'Clear {{count}} filter',
      clearAll_other: 'Clear {{count}} filters',
      noTeam: 'No team',
      pick: 'Choose values'
    },
    count: {
      range: '{{from}}–{{to}} of {{total}}',
      rangeCounting: '{{from}}–{{to}} of …',
      total_one: '{{total}} ticket',
      total_other: '{{total}} tickets',
      counting: 'Counting…',
      selected_one: '{{count}} selected',
      selected_other: '{{count}} selected'
    },
    empty: {
      mine: 'Nothing assigned to you is open. Pick up a ticket from "Unassigned" or "My team".',
      unassigned: 'Every open ticket has an owner. Nice work.',
      team: 'Your team has no open tickets.',
      noTeam: 'You are not in a team yet. Ask an administrator to add you to one in Settings.',
      open: 'No open tickets. New calls will appear here.',
      resolved: 'Nothing resolved or closed yet.',
      filtered: 'No tickets match these filters.',
      filteredHint: 'Clear the filters or the search to see more.',
      noData: 'The desk has no tickets yet. Log a call with "New ticket" (N), or load demo data in Settings.'
    },
    loading: 'Loading tickets…',
    loadingMore: 'Loading more…',
    error: 'Could not read the queue: {{message}}',
    select: { row: 'Select {{number}}', all: 'Select all loaded rows' },
    bulk: {
      assign: 'Assign…',
      transition: 'Change status…',
      clear: 'Clear selection',
      noCommonStatus: 'The selected tickets share no next status',
      assignTitle_one: 'Assign {{count}} ticket',
      assignTitle_other: 'Assign {{count}} tickets',
      transitionTitle_one: 'Move {{count}} ticket to "{{status}}"',
      transitionTitle_other: 'Move {{count}} tickets to "{{status}}"',
      team: 'Team',
      assignee: 'Assignee',
      anyone: 'Nobody (leave with the team)',
      noTeam: 'No team',
      pendingReason: 'Waiting for',
      resolutionCode: 'Resolution code',
      resolutionNotes: 'Resolution notes',
      reason: 'Reason',
      run: 'Apply to {{count}}',
      running: 'Working… {{done}} of {{total}}',
      summary: '{{done}} done, {{refused}} refused',
      refusedList: 'Refused',
      close: 'Close'
    },
    keys: 'J/K or ↑/↓ move · Enter open · X or Space select · Shift+click range · / search'
  },
  'zh-CN': {
    title: '工单队列',
    kindShort: { incident: '事件', request: '服务请求' },
    views: {
      mine: '我的待办',
      unassigned: '未分配',
      team: '我的团队',
      open: '全部未关闭',
      resolved: '最近解决'
    },
    columns: {
      number: '编号',
      kind: '类型',
      priority: '优先级',
      status: '状态',
      title: '标题',
      requester: '提交人',
      category: '分类',
      team: '团队',
      assignee: '处理人',
      updated: '更新时间'
    },
    search: {
      placeholder: '搜索编号、标题或描述（/）',
      label: '搜索工单',
      numberMatch: '编号匹配'
    },
    sort: { asc: '升序', desc: '降序', by: '按{{column}}排序' },
    filter: {
      button: '筛选{{column}}',
      any: '全部',
      contains: '包含…',
      from: '从',
      to: '至',
      clear: '清除筛选',
      clearAll_one: '清除 {{count}} 个筛选',
      clearAll_other: '清除 {{count}} 个筛选',
      noTeam: '无团队',
      pick: '选择'
    },
    count: {
      range: '第 {{from}}–{{to}} 条，共 {{total}} 条',
      rangeCounting: '第 {{from}}–{{to}} 条，共 … 条',
      total_one: '共 {{total}} 个工单',
      total_other: '共 {{total}} 个工单',
      counting: '正在统计…',
      selected_one: '已选 {{count}} 个',
      selected_other: '已选 {{count}} 个'
    },
    empty: {
      mine: '没有分配给你的未关闭工单。可以从“未分配”或“我的团队”中领取工单。',
      unassigned: '所有未关闭的工单都已分配处理人。',
      team: '你的团队目前没有未关闭的工单。',
      noTeam: '你还没有加入团队。请管理员在“设置”中把你加入团队。',
      open: '没有未关闭的工单。新的来电会显示在这里。',
      resolved: '还没有已解决或已关闭的工单。',
      filtered: '没有符合筛选条件的工单。',
      filteredHint: '清除筛选条件或搜索内容以查看更多。',
      noData: '服务台还没有工单。按“新建工单”（N）登记来电，或在“设置”中加载演示数据。'
    },
    loading: '正在加载工单…',
    loadingMore: '正在加载更多…',
    error: '无法读取工单队列：{{message}}',
    select: { row: '选择 {{number}}', all: '选择已加载的全部行' },
    bulk: {
      assign: '分配…',
      transition: '更新状态…',
      clear: '取消选择',
      noCommonStatus: '所选工单没有共同的下一状态',
      assignTitle_one: '分配 {{count}} 个工单',
      assignTitle_other: '分配 {{count}} 个工单',
      transitionTitle_one: '将 {{count}} 个工单更新为“{{status}}”',
      transitionTitle_other: '将 {{count}} 个工单更新为“{{status}}”',
      team: '团队',
      assignee: '处理人',
      anyone: '暂不指定（留在团队队列）',
      noTeam: '无团队',
      pendingReason: '等待对象',
      resolutionCode: '解决代码',
      resolutionNotes: '解决方法',
      reason: '原因',
      run: '应用到 {{count}} 个工单',
      running: '处理中… {{done}} / {{total}}',
      summary: '成功 {{done}} 个，被拒绝 {{refused}} 个',
      refusedList: '被拒绝',
      close: '关闭'
    },
    keys: 'J/K 或 ↑/↓ 移动 · Enter 打开 · X 或空格 选择 · Shift+点击 连选 · / 搜索'
  }
}
