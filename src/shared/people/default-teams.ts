/** The standard ITIL desk teams every workstation seeds (and the demo desk reuses). */
import type { teamKinds } from './model'

type TeamKind = (typeof teamKinds)[number]

export type DefaultTeamKey = 'serviceDeskL1' | 'serviceDeskL2' | 'technical' | 'application' | 'network' | 'security'

export interface DefaultTeam {
  key: DefaultTeamKey
  /**
   * Well-known ids: every workstation seeds the same records, so two agents setting up offline
   * converge on one "Network support" team on the desk server instead of two.
   */
  id: string
  /**
   * Names are stored bilingual. A team name is desk data shared by English- and Chinese-speaking
   * agents (and by every screen, export and the server), so one stored string must read well to
   * both; a translation lookup would break as soon as someone renames the team.
   */
  name: string
  kind: TeamKind
}

export const defaultTeams: readonly DefaultTeam[] = [
  {
    key: 'serviceDeskL1',
    id: 'de5c0000-0000-7000-8000-0000000000a1',
    name: 'Service desk L1 · 服务台一线',
    kind: 'service_desk'
  },
  {
    key: 'serviceDeskL2',
    id: 'de5c0000-0000-7000-8000-0000000000a2',
    name: 'Service desk L2 · 服务台二线',
    kind: 'service_desk'
  },
  {
    key: 'technical',
    id: 'de5c0000-0000-7000-8000-0000000000a3',
    name: 'Technical support · 技术支持',
    kind: 'technical'
  },
  {
    key: 'application',
    id: 'de5c0000-0000-7000-8000-0000000000a4',
    name: 'Application support · 应用支持',
    kind: 'application'
  },
  { key: 'network', id: 'de5c0000-0000-7000-8000-0000000000a5', name: 'Network support · 网络支持', kind: 'network' },
  { key: 'security', id: 'de5c0000-0000-7000-8000-0000000000a6', name: 'Security · 安全', kind: 'security' }
]
