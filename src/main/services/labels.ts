/**
 * Words main shows itself (menu, tray, dialogs), in the two languages the console ships.
 * The renderer has its own i18next catalogue; these few strings live here so main needs no DOM.
 */
import type { Settings } from '../../shared/ipc'

export type UiLanguage = 'en' | 'zh-CN'

export interface Labels {
  file: string
  newIncident: string
  quit: string
  edit: string
  undo: string
  redo: string
  cut: string
  copy: string
  paste: string
  selectAll: string
  view: string
  reload: string
  forceReload: string
  toggleDevTools: string
  actualSize: string
  zoomIn: string
  zoomOut: string
  toggleFullScreen: string
  window: string
  minimize: string
  help: string
  about: string
  show: string
  hide: string
  tooltip: (count: number) => string
  saveBackupTitle: string
  aboutDetail: (info: { version: string; electron: string; chrome: string }) => string
}

const en: Labels = {
  file: '&File',
  newIncident: 'New Incident',
  quit: 'Quit Desk Console',
  edit: '&Edit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select All',
  view: '&View',
  reload: 'Reload',
  forceReload: 'Force Reload',
  toggleDevTools: 'Toggle Developer Tools',
  actualSize: 'Actual Size',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  toggleFullScreen: 'Toggle Full Screen',
  window: '&Window',
  minimize: 'Minimize',
  help: '&Help',
  about: 'About Desk Console',
  show: 'Show Desk Console',
  hide: 'Hide Desk Console',
  tooltip: (count) => (count > 0 ? `Desk Console — ${count} need${count === 1 ? 's' : ''} attention` : 'Desk Console'),
  saveBackupTitle: 'Save backup',
  aboutDetail: (i) => `Version ${i.version}\nElectron ${i.electron}\nChromium ${i.chrome}`
}

const zhCN: Labels = {
  file: '文件(&F)',
  newIncident: '新建事件',
  quit: '退出 Desk Console',
  edit: '编辑(&E)',
  undo: '撤销',
  redo: '重做',
  cut: '剪切',
  copy: '复制',
  paste: '粘贴',
  selectAll: '全选',
  view: '视图(&V)',
  reload: '重新加载',
  forceReload: '强制重新加载',
  toggleDevTools: '切换开发者工具',
  actualSize: '实际大小',
  zoomIn: '放大',
  zoomOut: '缩小',
  toggleFullScreen: '切换全屏',
  window: '窗口(&W)',
  minimize: '最小化',
  help: '帮助(&H)',
  about: '关于 Desk Console',
  show: '显示 Desk Console',
  hide: '隐藏 Desk Console',
  tooltip: (count) => (count > 0 ? `Desk Console — ${count} 项需要处理` : 'Desk Console'),
  saveBackupTitle: '保存备份',
  aboutDetail: (i) => `版本 ${i.version}\nElectron ${i.electron}\nChromium ${i.chrome}`
}

/** `system` follows the OS locale: any Chinese locale gets zh-CN, everything else English. */
export function resolveLanguage(setting: Settings['language'], osLocale: string): UiLanguage {
  if (setting !== 'system') return setting
  return osLocale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

export function labelsFor(language: UiLanguage): Labels {
  return language === 'zh-CN' ? zhCN : en
}
