import { z } from 'zod'
import { defineCommand, validationError } from '../command/define'
import { categorySchema } from '../ticket/model'
import { categoryTreeSchema, priorityMatrixSchema, routingRuleSchema } from './model'

export const configSetArgs = z.discriminatedUnion('key', [
  z.object({ key: z.literal('priorityMatrix'), value: priorityMatrixSchema }),
  z.object({ key: z.literal('categoryTree'), value: categoryTreeSchema }),
  z.object({ key: z.literal('routingRules'), value: z.array(routingRuleSchema).max(500) })
])

export const configSet = defineCommand({
  name: 'config.set',
  version: 1,
  args: configSetArgs,
  async apply(store, a) {
    if (a.key === 'categoryTree') {
      const missing = categorySchema.options.filter((c) => !a.value[c])
      if (missing.length) throw validationError('every category needs a list', { value: `missing: ${missing.join(', ')}` })
      await store.setConfig('categoryTree', a.value)
      return
    }
    if (a.key === 'routingRules') {
      const config = await store.getConfig()
      const issues: Record<string, string> = {}
      for (const [i, rule] of a.value.entries()) {
        if (!(await store.get('teams', rule.teamId))) issues[`value.${i}.teamId`] = 'unknown team'
        if (rule.assigneeId && !(await store.get('agents', rule.assigneeId))) issues[`value.${i}.assigneeId`] = 'unknown agent'
        if (rule.subcategory && !config.categoryTree[rule.category]?.includes(rule.subcategory))
          issues[`value.${i}.subcategory`] = `not a subcategory of ${rule.category}`
      }
      if (Object.keys(issues).length) throw validationError('invalid routing rules', issues)
      await store.setConfig('routingRules', a.value)
      return
    }
    await store.setConfig('priorityMatrix', a.value)
  }
})
