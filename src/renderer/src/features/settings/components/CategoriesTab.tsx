import { useState } from 'react'
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
  Tooltip
} from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { categoryTreeSchema, type CategoryTree } from '@shared/config/model'
import { categories, type Category } from '@shared/ticket/model'
import { useDeskConfig } from '../../../data/reference'
import { subcategoryLabel } from '../labels'
import { useCommandRunner } from '../use-command-runner'
import { SectionHeader } from './SectionHeader'

const maxPerCategory = 50
const maxLength = 80

function norm(s: string): string {
  return s.trim().toLocaleLowerCase()
}

/** Checks a new name against the stored values and what the agent sees (a translated label). */
function nameIssue(t: TFunction, tree: CategoryTree, category: Category, name: string, except?: string): string | null {
  const trimmed = name.trim()
  if (!trimmed) return t('issues.required')
  if (trimmed.length > maxLength) return t('issues.tooLong', { max: maxLength })
  const taken = (tree[category] ?? []).some(
    (s) => s !== except && (norm(s) === norm(trimmed) || norm(subcategoryLabel(t, s)) === norm(trimmed))
  )
  return taken ? t('issues.duplicate') : null
}

function RemoveIcon(): React.JSX.Element {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
      <path d="M18 6 6 18M6 6l12 12" />
    </svg>
  )
}

function RenameIcon(): React.JSX.Element {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
      <path d="M12 20h9" />
      <path d="M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4Z" />
    </svg>
  )
}

interface CardProps {
  category: Category
  onSave(next: CategoryTree): Promise<boolean>
  onRename(category: Category, sub: string): void
}

function CategoryCard({ category, onSave, onRename }: CardProps): React.JSX.Element {
  const { t } = useTranslation('settings')
  const config = useDeskConfig()
  const tree = config.categoryTree
  const subs = tree[category] ?? []
  const [draft, setDraft] = useState('')
  const [error, setError] = useState<string | null>(null)

  const add = async (): Promise<void> => {
    const issue =
      nameIssue(t, tree, category, draft) ??
      (subs.length >= maxPerCategory ? t('issues.tooMany', { max: maxPerCategory }) : null)
    if (issue) return setError(issue)
    if (await onSave({ ...tree, [category]: [...subs, draft.trim()] })) setDraft('')
  }

  const remove = async (sub: string): Promise<void> => {
    // A rule naming a subcategory that no longer exists would be refused on the next rules save.
    const users = config.routingRules.flatMap((r, i) =>
      r.category === category && r.subcategory === sub ? [i + 1] : []
    )
    if (users.length)
      return setError(
        `${subcategoryLabel(t, sub)}: ${t('issues.inUse', { count: users.length, rules: users.join(', ') })}`
      )
    setError(null)
    await onSave({ ...tree, [category]: subs.filter((s) => s !== sub) })
  }

  return (
    <Paper withBorder p="sm" data-testid={`category-${category}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={5}>{t(`common:category.${category}`)}</Title>
          <Badge variant="light" color="gray" size="sm">
            {t('categories.count', { count: subs.length })}
          </Badge>
        </Group>
        <Stack gap={0}>
          {subs.map((sub) => {
            const label = subcategoryLabel(t, sub)
            return (
              <Group
                key={sub}
                justify="space-between"
                wrap="nowrap"
                gap="xs"
                py={2}
                className="settings-subcategory-row"
              >
                <Text size="sm" truncate>
                  {label}
                </Text>
                <Group gap={2} wrap="nowrap">
                  <Tooltip label={t('categories.rename')}>
                    <ActionIcon
                      size="sm"
                      variant="subtle"
                      color="gray"
                      aria-label={`${t('categories.rename')}: ${label}`}
                      onClick={() => onRename(category, sub)}
                    >
                      <RenameIcon />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label={t('categories.remove')}>
                    <ActionIcon
                      size="sm"
                      variant="subtle"
                      color="red"
                      aria-label={`${t('categories.remove')}: ${label}`}
                      onClick={() => void remove(sub)}
                    >
                      <RemoveIcon />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Group>
            )
          })}
        </Stack>
        <form
          onSubmit={(e) => {
            e.preventDefault()
            void add()
          }}
        >
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <TextInput
              size="xs"
              style={{ flex: 1 }}
              placeholder={t('categories.newPlaceholder')}
              aria-label={`${t('categories.newPlaceholder')} (${t(`common:category.${category}`)})`}
              value={draft}
              error={error}
              onChange={(e) => {
                setDraft(e.currentTarget.value)
                setError(null)
              }}
              data-testid={`category-${category}-new`}
            />
            <Button size="xs" variant="light" type="submit" data-testid={`category-${category}-add`}>
              {t('categories.add')}
            </Button>
          </Group>
        </form>
      </Stack>
    </Paper>
  )
}

export function CategoriesTab(): React.JSX.Element {
  const { t } = useTranslation('settings')
  const config = useDeskConfig()
  const run = useCommandRunner()
  const [renaming, setRenaming] = useState<{ category: Category; sub: string } | null>(null)
  const [renameTo, setRenameTo] = useState('')
  const [renameError, setRenameError] = useState<string | null>(null)

  const save = async (
    next: CategoryTree,
    rename?: { from: string; to: string; category: Category }
  ): Promise<boolean> => {
    const parsed = categoryTreeSchema.safeParse(next)
    if (!parsed.success) return false
    const result = await run('config.set', 1, { key: 'categoryTree', value: parsed.data })
    if (!result.ok) return false
    if (rename) {
      const rules = config.routingRules
      if (rules.some((r) => r.category === rename.category && r.subcategory === rename.from)) {
        const value = rules.map((r) =>
          r.category === rename.category && r.subcategory === rename.from ? { ...r, subcategory: rename.to } : r
        )
        await run('config.set', 1, { key: 'routingRules', value })
      }
    }
    return true
  }

  const openRename = (category: Category, sub: string): void => {
    setRenaming({ category, sub })
    setRenameTo(subcategoryLabel(t, sub))
    setRenameError(null)
  }

  const submitRename = async (): Promise<void> => {
    if (!renaming) return
    const { category, sub } = renaming
    const to = renameTo.trim()
    if (to === sub || to === subcategoryLabel(t, sub)) return setRenaming(null)
    const issue = nameIssue(t, config.categoryTree, category, to, sub)
    if (issue) return setRenameError(issue)
    const subs = config.categoryTree[category] ?? []
    const ok = await save(
      { ...config.categoryTree, [category]: subs.map((s) => (s === sub ? to : s)) },
      { from: sub, to, category }
    )
    if (ok) setRenaming(null)
  }

  return (
    <Stack gap="md">
      <SectionHeader title={t('categories.title')} description={t('categories.description')} />
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
        {categories.map((c) => (
          <CategoryCard key={c} category={c} onSave={(next) => save(next)} onRename={openRename} />
        ))}
      </SimpleGrid>
      <Modal opened={renaming !== null} onClose={() => setRenaming(null)} title={t('categories.renameTitle')}>
        <form
          onSubmit={(e) => {
            e.preventDefault()
            void submitRename()
          }}
        >
          <Stack gap="sm">
            <TextInput
              label={
                renaming ? `${t(`common:category.${renaming.category}`)} › ${subcategoryLabel(t, renaming.sub)}` : ''
              }
              value={renameTo}
              error={renameError}
              data-autofocus
              onChange={(e) => {
                setRenameTo(e.currentTarget.value)
                setRenameError(null)
              }}
              data-testid="subcategory-rename"
            />
            <Text size="xs" c="dimmed">
              {t('categories.renameHint')}
            </Text>
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={() => setRenaming(null)}>
                {t('common:actions.cancel')}
              </Button>
              <Button type="submit">{t('common:actions.save')}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  )
}
