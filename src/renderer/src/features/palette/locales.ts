import type { Bundle } from '../../app/i18n-core'

export const paletteMessages: Bundle = {
  en: {
    placeholder: 'Type a command or a ticket number…',
    trigger: 'Search or jump to…',
    nothingFound: 'No matching command',
    groups: { tickets: 'Tickets', create: 'Create', navigate: 'Go to', preferences: 'Preferences' },
    actions: {
      newIncident: 'New incident',
      newIncidentHint: 'Log a fault or an interruption of service',
      newRequest: 'New service request',
      newRequestHint: 'Log a request for something new (access, software, equipment)',
      queue: 'Go to queue',
      queueHint: 'Open and recent tickets',
      settings: 'Settings',
      settingsHint: 'Profile, teams, categories, routing, priority matrix',
      switchLanguage: 'Switch language to {{language}}',
      switchLanguageHint: 'Interface language of this workstation',
      toggleTheme: 'Switch to {{scheme}} colour scheme',
      toggleThemeHint: 'Colour scheme of this workstation',
      scheme: { light: 'light', dark: 'dark' },
      demo: 'Load demo data',
      demoHint: 'Generate sample tickets to try the console'
    },
    ticket: {
      open: 'Open {{number}}',
      notFound: 'No ticket {{number}} on this workstation',
      notFoundHint: 'It may not have synced yet.'
    }
  },
  'zh-CN': {
    placeholder: '输入命令或工单编号…',
    trigger: '搜索或跳转…',
    nothingFound: '没有匹配的命令',
    groups: { tickets: '工单', create: '新建', navigate: '跳转', preferences: '偏好设置' },
    actions: {
      newIncident: '新建事件',
      newIncidentHint: '登记故障或服务中断',
      newRequest: '新建服务请求',
      newRequestHint: '登记新需求（权限、软件、设备）',
      queue: '转到工单队列',
      queueHint: '未关闭和最近的工单',
      settings: '设置',
      settingsHint: '资料、团队、分类、分派规则、优先级矩阵',
      switchLanguage: '切换语言为 {{language}}',
      switchLanguageHint: '本工作站的界面语言',
      toggleTheme: '切换为{{scheme}}配色',
      toggleThemeHint: '本工作站的配色方案',
      scheme: { light: '浅色', dark: '深色' },
      demo: '加载演示数据',
      demoHint: '生成示例工单以试用控制台'
    },
    ticket: {
      open: '打开 {{number}}',
      notFound: '本工作站上没有工单 {{number}}',
      notFoundHint: '它可能尚未同步。'
    }
  }
}
