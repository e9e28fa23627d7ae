import type { Bundle } from '../../app/i18n-core'

export const setupMessages: Bundle = {
  en: {
    welcome: 'Welcome to Desk Console',
    intro: 'Set up this workstation in one step. Everything here can be changed later in Settings.',
    display: 'Display',
    language: 'Language',
    theme: 'Colour scheme',
    profile: 'Your agent profile',
    profileHint: 'Shown on the tickets you log, work and resolve.',
    defaults:
      'The standard desk teams (service desk L1 and L2, technical, application and network support, security), common services and default routing rules are created for you.',
    submit: 'Start working',
    failed: 'Set-up did not finish: {{message}}',
    fixFields: 'Check the highlighted fields.'
  },
  'zh-CN': {
    welcome: '欢迎使用服务台控制台',
    intro: '一步完成本工作站的设置。这里的所有内容之后都可以在“设置”中修改。',
    display: '显示',
    language: '界面语言',
    theme: '配色方案',
    profile: '您的坐席资料',
    profileHint: '显示在您登记、处理和解决的工单上。',
    defaults:
      '系统将为您创建标准服务台团队（服务台一线和二线、技术支持、应用支持、网络支持、安全）、常用服务和默认分派规则。',
    submit: '开始工作',
    failed: '设置未完成：{{message}}',
    fixFields: '请检查标出的字段。'
  }
}
