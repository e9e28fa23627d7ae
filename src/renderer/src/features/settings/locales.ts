import type { Bundle } from '../../app/i18n-core'

export const settingsMessages: Bundle = {
  en: {
    title: 'Settings',
    tabs: {
      profile: 'My profile',
      appearance: 'Appearance',
      teams: 'Teams & agents',
      categories: 'Categories',
      routing: 'Routing rules',
      priority: 'Priority matrix',
      services: 'Services & CIs',
      demo: 'Demo data'
    },
    feedback: {
      saved: 'Saved',
      notSaved: 'Not saved',
      checkFields: 'Check the highlighted fields.',
      queued: 'The change is queued for the desk server.'
    },
    fields: {
      name: 'Name',
      email: 'Email',
      emailPlaceholder: 'name@company.com',
      role: 'Role',
      team: 'Team',
      tier: 'Tier',
      active: 'Active',
      kind: 'Kind',
      lead: 'Team lead',
      type: 'Type',
      category: 'Category',
      subcategory: 'Subcategory',
      owner: 'Owner team',
      assignee: 'Assignee',
      status: 'Status'
    },
    issues: {
      required: 'Required',
      tooLong: 'At most {{max}} characters',
      tooShort: 'At least {{min}} characters',
      email: 'Not a valid email address',
      unknownTeam: 'Unknown team',
      unknownAgent: 'Unknown agent',
      notSubcategory: 'Not a subcategory of this category',
      invalid: 'Invalid value',
      duplicate: 'Already in the list',
      inUse_one: 'Used by routing rule {{rules}}',
      inUse_other: 'Used by routing rules {{rules}}',
      tooMany: 'At most {{max}} entries'
    },
    state: { active: 'Active', inactive: 'Inactive' },
    none: '—',
    unsaved: 'Unsaved changes',
    revert: 'Discard changes',
    profile: {
      title: 'My profile',
      description: 'How you appear on tickets, timelines and assignment lists.',
      missing: 'Your agent record has not reached this workstation yet.'
    },
    appearance: {
      language: 'Language',
      languageHint: '“Follow system” uses the language of this computer.',
      theme: 'Colour scheme',
      themeHint: 'Applied immediately on this workstation only.'
    },
    teams: {
      title: 'Teams',
      description: 'The service desk tiers and specialist teams tickets are routed to.',
      add: 'Add team',
      newTitle: 'New team',
      editTitle: 'Edit team',
      noLead: 'No lead',
      members_one: '{{count}} agent',
      members_other: '{{count}} agents',
      empty: 'No teams yet.'
    },
    agents: {
      title: 'Agents',
      description: 'People who work tickets on this desk.',
      add: 'Add agent',
      newTitle: 'New agent',
      editTitle: 'Edit agent',
      you: 'you',
      noTeam: 'No team',
      empty: 'No agents yet.'
    },
    categories: {
      title: 'Categories',
      description:
        'The six top categories are fixed; adjust the subcategories agents choose from when classifying a ticket.',
      add: 'Add',
      newPlaceholder: 'New subcategory',
      rename: 'Rename',
      remove: 'Remove',
      count_one: '{{count}} subcategory',
      count_other: '{{count}} subcategories',
      renameTitle: 'Rename subcategory',
      renameHint: 'Routing rules that use it are updated too. Existing tickets keep their old value.'
    },
    routing: {
      title: 'Routing rules',
      description:
        'When a ticket is classified, the rule for its exact subcategory applies, otherwise its category’s “any subcategory” rule. The rule suggests the team and, optionally, an assignee.',
      add: 'Add rule',
      anySubcategory: 'Any subcategory',
      teamQueue: 'Team queue',
      unknownTeam: 'Unknown team ({{id}})',
      unknownAgent: 'Unknown agent ({{id}})',
      moveUp: 'Move up',
      moveDown: 'Move down',
      remove: 'Remove rule',
      empty: 'No rules: tickets stay unassigned until someone assigns them.',
      order: 'Order',
      shadowed: 'Never applies: rule {{n}} covers the same category and subcategory.'
    },
    priority: {
      title: 'Priority matrix',
      description:
        'Impact × urgency gives the priority of every new ticket (ITIL). Manual overrides still need a reason.',
      impact: 'Impact',
      urgency: 'Urgency',
      reset: 'Reset to ITIL default',
      cell: 'Impact {{impact}}, urgency {{urgency}}'
    },
    services: {
      title: 'Services & configuration items',
      description: 'Business services and CIs a ticket can be logged against.',
      add: 'Add service or CI',
      newTitle: 'New service or CI',
      editTitle: 'Edit service or CI',
      type: { service: 'Service', ci: 'Configuration item' },
      noOwner: 'No owner team',
      empty: 'No services yet.'
    },
    demo: {
      title: 'Demo data',
      description:
        'Generates realistic tickets, requesters and timelines so you can try the console or measure it. Demo tickets are ordinary local records queued for sync — use a practice workstation, not a live desk.',
      count: 'Number of tickets',
      countHint: 'Between 1 and 100,000. 100,000 tickets take a few minutes.',
      load: 'Load demo data',
      loading: 'Loading…',
      reference: 'Preparing teams, agents and requesters…',
      progress: '{{done}} / {{total}} tickets',
      done: 'Loaded {{tickets}} demo tickets in {{seconds}} s.',
      failed: 'Demo data could not be loaded: {{message}}'
    }
  },
  'zh-CN': {
    title: '设置',
    tabs: {
      profile: '我的资料',
      appearance: '外观',
      teams: '团队与人员',
      categories: '分类',
      routing: '分派规则',
      priority: '优先级矩阵',
      services: '服务与配置项',
      demo: '演示数据'
    },
    feedback: {
      saved: '已保存',
      notSaved: '未保存',
      checkFields: '请检查标出的字段。',
      queued: '更改已排队，等待同步到服务台服务器。'
    },
    fields: {
      name: '姓名',
      email: '邮箱',
      emailPlaceholder: 'name@company.com',
      role: '角色',
      team: '团队',
      tier: '层级',
      active: '启用',
      kind: '类型',
      lead: '组长',
      type: '类型',
      category: '分类',
      subcategory: '子分类',
      owner: '负责团队',
      assignee: '处理人',
      status: '状态'
    },
    issues: {
      required: '必填',
      tooLong: '最多 {{max}} 个字符',
      tooShort: '至少 {{min}} 个字符',
      email: '邮箱地址无效',
      unknownTeam: '未知团队',
      unknownAgent: '未知人员',
      notSubcategory: '不是该分类下的子分类',
      invalid: '无效的值',
      duplicate: '已在列表中',
      inUse_one: '分派规则 {{rules}} 正在使用',
      inUse_other: '分派规则 {{rules}} 正在使用',
      tooMany: '最多 {{max}} 项'
    },
    state: { active: '启用', inactive: '停用' },
    none: '—',
    unsaved: '有未保存的更改',
    revert: '放弃更改',
    profile: {
      title: '我的资料',
      description: '您在工单、时间线和分配列表中显示的信息。',
      missing: '您的人员记录尚未同步到此工作站。'
    },
    appearance: {
      language: '界面语言',
      languageHint: '“跟随系统”使用本机的语言设置。',
      theme: '配色方案',
      themeHint: '立即生效，仅影响本工作站。'
    },
    teams: {
      title: '团队',
      description: '工单分派的服务台层级和专业团队。',
      add: '添加团队',
      newTitle: '新建团队',
      editTitle: '编辑团队',
      noLead: '无组长',
      members_one: '{{count}} 人',
      members_other: '{{count}} 人',
      empty: '暂无团队。'
    },
    agents: {
      title: '人员',
      description: '在本服务台处理工单的人员。',
      add: '添加人员',
      newTitle: '新建人员',
      editTitle: '编辑人员',
      you: '我',
      noTeam: '无团队',
      empty: '暂无人员。'
    },
    categories: {
      title: '分类',
      description: '六个一级分类固定不变；可调整坐席对工单分类时选择的子分类。',
      add: '添加',
      newPlaceholder: '新子分类',
      rename: '重命名',
      remove: '删除',
      count_one: '{{count}} 个子分类',
      count_other: '{{count}} 个子分类',
      renameTitle: '重命名子分类',
      renameHint: '使用它的分派规则会同步更新；已有工单保留原值。'
    },
    routing: {
      title: '分派规则',
      description:
        '工单分类后，优先使用与其子分类完全匹配的规则，否则使用该分类的“任意子分类”规则。规则给出建议的团队，以及可选的处理人。',
      add: '添加规则',
      anySubcategory: '任意子分类',
      teamQueue: '团队队列',
      unknownTeam: '未知团队（{{id}}）',
      unknownAgent: '未知人员（{{id}}）',
      moveUp: '上移',
      moveDown: '下移',
      remove: '删除规则',
      empty: '没有规则：工单在有人分配之前保持未分配。',
      order: '顺序',
      shadowed: '不会生效：规则 {{n}} 已覆盖相同的分类和子分类。'
    },
    priority: {
      title: '优先级矩阵',
      description: '影响程度 × 紧急程度决定每张新工单的优先级（ITIL）。手动调整优先级仍需填写原因。',
      impact: '影响程度',
      urgency: '紧急程度',
      reset: '恢复 ITIL 默认值',
      cell: '影响程度 {{impact}}，紧急程度 {{urgency}}'
    },
    services: {
      title: '服务与配置项',
      description: '工单可关联的业务服务和配置项（CI）。',
      add: '添加服务或配置项',
      newTitle: '新建服务或配置项',
      editTitle: '编辑服务或配置项',
      type: { service: '服务', ci: '配置项' },
      noOwner: '无负责团队',
      empty: '暂无服务。'
    },
    demo: {
      title: '演示数据',
      description:
        '生成逼真的工单、提交人和时间线，用于试用或测量控制台性能。演示工单是普通的本地记录，也会排队同步——请在练习用的工作站上使用，不要在正式服务台上使用。',
      count: '工单数量',
      countHint: '1 到 100,000 之间。100,000 张工单需要几分钟。',
      load: '加载演示数据',
      loading: '正在加载…',
      reference: '正在准备团队、人员和提交人…',
      progress: '{{done}} / {{total}} 张工单',
      done: '已在 {{seconds}} 秒内加载 {{tickets}} 张演示工单。',
      failed: '无法加载演示数据：{{message}}'
    }
  }
}
