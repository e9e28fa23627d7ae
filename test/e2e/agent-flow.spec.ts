import type { Page } from '@playwright/test'
import { commonMessages } from '../../src/renderer/src/app/locales/common'
import type { Language, Messages } from '../../src/renderer/src/app/i18n-core'
import { expect, test } from './fixtures'
import type { IntakePage, SetupPage, Shell, TicketPage } from './pages'

/** A domain word as the console shows it in `lang` (e.g. `impact.1`), read from the shipped bundle. */
function word(lang: Language, path: string): string {
  let node: string | Messages = commonMessages[lang]
  for (const key of path.split('.')) {
    if (typeof node === 'string') break
    node = node[key]
  }
  if (typeof node !== 'string') throw new Error(`no message ${path}`)
  return node
}

interface Actors {
  page: Page
  lang: Language
  setup: SetupPage
  shell: Shell
  intake: IntakePage
  ticket: TicketPage
}

/** Commands the phone-call flow queues, in order (after set-up's own). */
const flowCommands = [
  'contact.create',
  'ticket.create',
  'ticket.assign',
  'ticket.transition',
  'comment.add',
  'ticket.transition',
  'ticket.transition',
  'ticket.transition',
  'ticket.transition'
]

async function outboxNames(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('desk-console')
        open.onerror = () => reject(new Error(String(open.error)))
        open.onsuccess = () => {
          const db = open.result
          const req = db.transaction('outbox').objectStore('outbox').getAll()
          req.onsuccess = () => {
            resolve((req.result as { name: string }[]).map((e) => e.name))
            db.close()
          }
          req.onerror = () => reject(new Error(String(req.error)))
        }
      })
  )
}

/**
 * A new agent takes a phone call from a new contact, logs an incident (impact High, urgency
 * Medium → P2), routes it, adds an internal note, puts it on pending (customer) and back,
 * resolves it with code and notes and closes it. Returns the ticket's URL hash.
 */
async function phoneCallFlow({ page, lang, setup, shell, intake, ticket }: Actors): Promise<string> {
  const zh = lang === 'zh-CN'
  await expect(setup.submit).toBeVisible()
  await setup.complete({ name: zh ? '王芳' : 'Alex Morgan', email: 'agent@example.com' })
  await shell.expectLoaded()

  // Intake from the keyboard shortcut, as an agent on the phone would.
  await page.keyboard.press('n')
  await expect(intake.title).toBeVisible()
  await intake.kindIncident.click()
  const caller = zh ? '刘洋' : 'Bob Miller'
  await intake.requesterSearch.fill(caller)
  await intake.addContact({
    name: caller,
    phone: '+86 10 5555 0101',
    email: 'caller@example.com',
    department: zh ? '财务部' : 'Finance'
  })
  await expect(page.getByTestId('requester-selected')).toContainText(caller)

  await intake.fill({
    title: zh ? 'VPN 每隔十分钟断开一次' : 'VPN drops every ten minutes',
    description: zh
      ? '出差期间连接公司 VPN，证书错误后断开。'
      : 'Travelling; the VPN client disconnects with a certificate error.',
    category: word(lang, 'category.network'),
    subcategory: word(lang, 'subcategory.vpn'),
    impact: word(lang, 'impact.1'),
    urgency: word(lang, 'urgency.2')
  })
  // The priority matrix answers live: impact High × urgency Medium → P2.
  await expect(intake.priority).toHaveText('P2')
  // Routing rules suggest the network team for network tickets.
  await expect(page.getByTestId('intake-route-suggested')).toBeVisible()
  await expect(intake.team).toHaveValue(/Network support/)
  const number = await intake.submitTicket()
  expect(number).toMatch(/^INC-\d{6}$/)
  const hash = new URL(page.url()).hash

  await expect(ticket.priority).toHaveText('P2')
  await expect(ticket.status).toHaveAttribute('data-status', 'new')

  // Route it to an agent: me.
  await page.getByTestId('assign-me').click()
  await expect(ticket.status).toHaveAttribute('data-status', 'assigned')

  await ticket.transition('in_progress')
  await expect(ticket.status).toHaveAttribute('data-status', 'in_progress')

  const note = zh ? '证书由网络组签发，一线无法续期。' : 'Certificate is issued by Network; L1 cannot renew it.'
  await ticket.addComment(note, { internal: true })
  await expect(ticket.events('comment').filter({ hasText: note })).toHaveAttribute('data-visibility', 'internal')

  // Pending needs a reason: confirming without one is refused and nothing changes.
  await ticket.transitionButton('pending').click()
  await page.getByTestId('transition-confirm').click()
  await expect(page.getByTestId('pending-reason')).toHaveAttribute('aria-invalid', 'true')
  await expect(ticket.status).toHaveAttribute('data-status', 'in_progress')
  await page.getByTestId('pending-reason').click()
  await page.getByRole('option', { name: word(lang, 'pendingReason.customer'), exact: true }).click()
  await page.getByTestId('transition-confirm').click()
  await expect(ticket.status).toHaveAttribute('data-status', 'pending')

  await ticket.transition('in_progress')
  await expect(ticket.status).toHaveAttribute('data-status', 'in_progress')

  await ticket.transition('resolved', {
    resolutionCode: word(lang, 'resolutionCode.fixed'),
    resolutionNotes: zh
      ? '网络组已续期证书，用户确认可以连接。'
      : 'Network renewed the certificate; user confirmed the VPN holds.'
  })
  await expect(ticket.status).toHaveAttribute('data-status', 'resolved')

  await ticket.transition('closed')
  await expect(ticket.status).toHaveAttribute('data-status', 'closed')
  return hash
}

/** Everything the flow did is on the ticket: status, priority and each step on the timeline. */
async function expectFlowRecorded({ lang, ticket }: Pick<Actors, 'lang' | 'ticket'>): Promise<void> {
  await expect(ticket.number).toHaveText(/^INC-\d{6}$/)
  await expect(ticket.status).toHaveAttribute('data-status', 'closed')
  await expect(ticket.status).toContainText(word(lang, 'status.closed'))
  await expect(ticket.priority).toHaveText('P2')
  await expect(ticket.events('created')).toHaveCount(1)
  await expect(ticket.events('assignment')).toHaveCount(1)
  await expect(ticket.events('comment')).toHaveCount(1)
  // new→assigned, assigned→in_progress, →pending, →in_progress, →resolved, →closed
  await expect(ticket.events('status')).toHaveCount(6)
  await expect(ticket.events('status').filter({ hasText: word(lang, 'pendingReason.customer') })).toHaveCount(1)
  await expect(
    ticket
      .events('status')
      .filter({ hasText: word(lang, 'status.resolved') })
      .first()
  ).toBeVisible()
  // Every event says who did it.
  for (const row of await ticket.timelineEvents.all())
    await expect(row).toContainText(lang === 'zh-CN' ? '王芳' : 'Alex Morgan')
}

test.describe('agent flow', () => {
  test('a phone call from a new contact, logged, worked and closed — kept after a reload', async ({
    page,
    lang,
    setup,
    shell,
    intake,
    ticket
  }) => {
    await setup.open()
    const hash = await phoneCallFlow({ page, lang, setup, shell, intake, ticket })
    await page.reload()
    await expect(page).toHaveURL(new RegExp(`${hash}$`))
    await expectFlowRecorded({ lang, ticket })

    const names = await outboxNames(page)
    expect(names.slice(-flowCommands.length)).toEqual(flowCommands)
    expect(await shell.pendingCount()).toBe(names.length)
  })

  test('the same flow with the browser offline works identically and queues every command', async ({
    page,
    context,
    lang,
    setup,
    shell,
    intake,
    ticket
  }) => {
    // The console is loaded once; from then on nothing may need the network.
    await setup.open()
    await context.setOffline(true)

    const hash = await phoneCallFlow({ page, lang, setup, shell, intake, ticket })
    await expect(shell.onlineState).toHaveText(word(lang, 'offlineBadge'))
    await expectFlowRecorded({ lang, ticket })

    const names = await outboxNames(page)
    expect(names.slice(-flowCommands.length)).toEqual(flowCommands)
    expect(await shell.pendingCount()).toBe(names.length)

    // Back online, the work is still there after a reload, still waiting in the outbox.
    await context.setOffline(false)
    await page.reload()
    await expect(page).toHaveURL(new RegExp(`${hash}$`))
    await expectFlowRecorded({ lang, ticket })
    expect(await outboxNames(page)).toEqual(names)
  })
})
