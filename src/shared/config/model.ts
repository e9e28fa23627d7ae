import { z } from 'zod'
import { categories, categorySchema, prioritySchema, type Category, type Level, type Priority } from '../ticket/model'

/** impact (rows, 1 high … 3 low) × urgency (columns) → priority. */
export const priorityMatrixSchema = z.array(z.array(prioritySchema).length(3)).length(3)
export type PriorityMatrix = z.infer<typeof priorityMatrixSchema>

export const defaultPriorityMatrix: PriorityMatrix = [
  ['P1', 'P2', 'P3'],
  ['P2', 'P3', 'P4'],
  ['P3', 'P4', 'P4']
]

export function computePriority(matrix: PriorityMatrix, impact: Level, urgency: Level): Priority {
  return matrix[impact - 1][urgency - 1]
}

export const categoryTreeSchema = z.record(categorySchema, z.array(z.string().trim().min(1).max(80)).max(50))
export type CategoryTree = z.infer<typeof categoryTreeSchema>

export const defaultCategoryTree: CategoryTree = {
  hardware: ['desktop', 'laptop', 'printer', 'monitor', 'phone', 'peripheral'],
  software: ['office', 'email_client', 'erp', 'browser', 'installation', 'license'],
  network: ['vpn', 'wifi', 'lan', 'dns', 'internet', 'firewall'],
  account: ['password_reset', 'locked', 'access_request', 'new_account', 'mfa'],
  security: ['phishing', 'malware', 'data_leak', 'vulnerability', 'lost_device'],
  other: ['question', 'facilities', 'other']
}

/** The first rule that matches wins; more specific rules (with a subcategory) should come first. */
export const routingRuleSchema = z.object({
  id: z.string(),
  category: categorySchema,
  /** '' matches any subcategory. */
  subcategory: z.string(),
  teamId: z.string().min(1, 'required'),
  /** '' leaves the ticket with the team, unassigned. */
  assigneeId: z.string()
})
export type RoutingRule = z.infer<typeof routingRuleSchema>

export const deskConfigSchema = z.object({
  priorityMatrix: priorityMatrixSchema,
  categoryTree: categoryTreeSchema,
  routingRules: z.array(routingRuleSchema).max(500)
})
export type DeskConfig = z.infer<typeof deskConfigSchema>
export type DeskConfigKey = keyof DeskConfig

export const defaultDeskConfig: DeskConfig = {
  priorityMatrix: defaultPriorityMatrix,
  categoryTree: defaultCategoryTree,
  routingRules: []
}

export interface RouteSuggestion {
  teamId: string
  assigneeId: string
  ruleId: string
}

export function routeTicket(
  rules: readonly RoutingRule[],
  category: Category,
  subcategory: string
): RouteSuggestion | null {
  const rule =
    rules.find((r) => r.category === category && r.subcategory !== '' && r.subcategory === subcategory) ??
    rules.find((r) => r.category === category && r.subcategory === '')
  return rule ? { teamId: rule.teamId, assigneeId: rule.assigneeId, ruleId: rule.id } : null
}

export { categories }
