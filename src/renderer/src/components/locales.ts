import type { Bundle } from '../app/i18n-core'

/** Strings of the shared pieces in src/renderer/src/components (namespace `components`). */
export const componentMessages: Bundle = {
  en: {
    issues: {
      required: 'Required',
      choose: 'Choose one',
      minChars: 'At least {{count}} characters',
      maxChars: 'At most {{count}} characters',
      email: 'Not a valid email address',
      phone: 'Not a valid phone number',
      phoneOrEmail: 'Enter a phone number or an email address',
      unknownRef: 'No longer exists — choose another',
      notSubcategory: 'Not a subcategory of the chosen category',
      number: 'Enter a number',
      wholeMinutes: 'Whole minutes only',
      minMinutes: 'At least 1 minute',
      maxMinutes: 'At most 24 hours (1440 minutes)',
      tierOrTeam: 'Choose a higher tier or another team',
      alreadyAtTier: 'The ticket is already at {{tier}}',
      sameTierTeam: 'Same tier and team: nothing would change',
      selfLink: 'A ticket cannot link to itself',
      alreadyLinked: 'Already linked to {{number}}',
      oneParent: 'This ticket already has a parent',
      notFound: 'Not found',
      staleStatus: 'Someone changed the status meanwhile (now {{status}}) — reopen the dialog',
      badTransition: 'This status change is not allowed',
      locked: 'The ticket is {{status}} and can no longer change',
      exists: 'Already saved',
      noChanges: 'Nothing to change'
    },
    command: {
      refusedTitle: 'Not saved',
      refusedFields: 'Check the highlighted fields.',
      failed: 'Something went wrong: {{message}}',
      noAgent: 'No agent profile on this workstation.'
    },
    contact: {
      search: 'Requester',
      searchPlaceholder: 'Name, phone or email…',
      searchHint: 'Type to find the caller; ↑/↓ and Enter pick',
      nothingFound: 'No contact matches “{{query}}”',
      new: 'New contact',
      change: 'Change',
      newTitle: 'New contact',
      name: 'Name',
      phone: 'Phone',
      email: 'Email',
      department: 'Department',
      vip: 'VIP',
      save: 'Save contact',
      cancel: 'Cancel',
      saved: 'Contact {{name}} added'
    },
    priority: {
      overridden: 'Set by hand'
    },
    select: {
      serviceGroup: { service: 'Business services', ci: 'Configuration items' },
      otherTeam: 'No team'
    }
  },
  'zh-CN': {
    issues: {
      required: '必填',
      choose: '请选择',
      minChars: '至少 {{count}} 个字符',
      maxChars: '最多 {{count}} 个字符',
      email: '邮箱地址无效',
      phone: '电话号码无效',
      phoneOrEmail: '请填写电话号码或邮箱地址',
      unknownRef: '该记录已不存在，请重新选择',
      notSubcategory: '不属于所选分类的子分类',
      number: '请输入数字',
      wholeMinutes: '只能填写整数分钟',
      minMinutes: '至少 1 分钟',
      maxMinutes: '最多 24 小时（1440 分钟）',
      tierOrTeam: '请选择更高的层级或其他团队',
      alreadyAtTier: '工单已处于{{tier}}',
      sameTierTeam: '层级和团队都未改变',
      selfLink: '工单不能关联自身',
      alreadyLinked: '已与 {{number}} 关联',
      oneParent: '该工单已有父工单',
      notFound: '未找到',
      staleStatus: '状态已被他人更改（当前为{{status}}），请重新打开对话框',
      badTransition: '不允许此状态变更',
      locked: '工单{{status}}，不能再修改',
      exists: '已保存',
      noChanges: '没有需要修改的内容'
    },
    command: {
      refusedTitle: '未保存',
      refusedFields: '请检查标出的字段。',
      failed: '出错了：{{message}}',
      noAgent: '本工作站没有坐席档案。'
    },
    contact: {
      search: '提交人',
      searchPlaceholder: '姓名、电话或邮箱…',
      searchHint: '输入以查找来电人；↑/↓ 与 Enter 选择',
      nothingFound: '没有与“{{query}}”匹配的联系人',
      new: '新建联系人',
      change: '更换',
      newTitle: '新建联系人',
      name: '姓名',
      phone: '电话',
      email: '邮箱',
      department: '部门',
      vip: 'VIP',
      save: '保存联系人',
      cancel: '取消',
      saved: '已添加联系人 {{name}}'
    },
    priority: {
      overridden: '手动设定'
    },
    select: {
      serviceGroup: { service: '业务服务', ci: '配置项' },
      otherTeam: '无团队'
    }
  }
}
