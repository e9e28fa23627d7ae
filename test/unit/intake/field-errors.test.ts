import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { componentMessages } from '../../../src/renderer/src/components/locales'
import { issueAt, translateIssue } from '../../../src/renderer/src/components/field-errors'
import { commonMessages } from '../../../src/renderer/src/app/locales/common'

const zh = i18next.createInstance()
const en = i18next.createInstance()

beforeAll(async () => {
  for (const [instance, lng] of [
    [zh, 'zh-CN'],
    [en, 'en']
  ] as const)
    await instance.init({
      lng,
      resources: { [lng]: { common: commonMessages[lng], components: componentMessages[lng] } },
      defaultNS: 'common',
      interpolation: { escapeValue: false }
    })
})

describe('field errors', () => {
  it('finds nested command issues by field name', () => {
    expect(issueAt({ 'fields.title': 'required' }, 'title')).toBe('required')
    expect(issueAt({ 'fields.priorityOverride.reason': 'x' }, 'priorityOverride.reason')).toBe('x')
    expect(issueAt({ title: 'a' }, 'description')).toBeUndefined()
  })

  it('speaks the agent’s language for schema and command messages', () => {
    expect(translateIssue(zh.t, 'at least 3 characters')).toBe('至少 3 个字符')
    expect(translateIssue(zh.t, 'required')).toBe('必填')
    expect(translateIssue(zh.t, 'ticket is pending, not new')).toBe('状态已被他人更改（当前为挂起），请重新打开对话框')
    expect(translateIssue(en.t, 'Invalid option: expected one of "a"|"b"')).toBe('Choose one')
    expect(translateIssue(en.t, 'already at L2')).toBe('The ticket is already at Tier 2 (L2)')
    // Unknown messages are shown as they are rather than hidden.
    expect(translateIssue(en.t, 'the server said no')).toBe('the server said no')
  })
})
