import {
  matchesQuery,
  maxTermsPerTicket,
  parseQuery,
  parseTicketNumber,
  ticketTerms,
  tokenize
} from '@shared/search/tokenize'
import { describe, expect, it } from 'vitest'

function finds(title: string, description: string, query: string): boolean {
  return matchesQuery(ticketTerms(title, description), parseQuery(query))
}

describe('tokenize', () => {
  it('indexes Chinese as overlapping bigrams', () => {
    expect(tokenize('打印机卡纸')).toEqual(['打印', '印机', '机卡', '卡纸'])
  })

  it('lower-cases Latin words and keeps digits', () => {
    expect(tokenize('Outlook 2019 crashes on START-up')).toEqual(['outlook', '2019', 'crashes', 'on', 'start', 'up'])
  })

  it('splits Latin words away from Chinese text written without spaces', () => {
    expect(tokenize('VPN连不上')).toEqual(['vpn', '连不', '不上'])
    expect(tokenize('打印机HP卡纸')).toEqual(['打印', '印机', 'hp', '卡纸'])
  })

  it('normalises full-width characters', () => {
    expect(tokenize('ＶＰＮ　故障')).toEqual(['vpn', '故障'])
  })

  it('keeps a lone CJK character and de-duplicates terms', () => {
    expect(tokenize('网 网络 网络')).toEqual(['网', '网络'])
  })

  it('caps the terms of one ticket', () => {
    const words = Array.from({ length: 200 }, (_, i) => `w${i}`).join(' ')
    expect(ticketTerms(words, '')).toHaveLength(maxTermsPerTicket)
    expect(tokenize(words, 5)).toEqual(['w0', 'w1', 'w2', 'w3', 'w4'])
  })
})

describe('search', () => {
  it('"打印机卡纸" is found by "打印机" and by "卡纸", not by "打卡"', () => {
    expect(finds('打印机卡纸', '', '打印机')).toBe(true)
    expect(finds('打印机卡纸', '', '卡纸')).toBe(true)
    expect(finds('打印机卡纸', '', '印机卡')).toBe(true)
    expect(finds('打印机卡纸', '', '打卡')).toBe(false)
  })

  it('a single Chinese character matches as a prefix', () => {
    expect(parseQuery('打')).toEqual({ all: [], prefix: '打' })
    expect(finds('打印机卡纸', '', '打')).toBe(true)
    expect(finds('打印机卡纸', '', '网')).toBe(false)
  })

  it('English words must all be present; the last one is a prefix while typed', () => {
    expect(parseQuery('outlook cras')).toEqual({
      all: ['outlook'],
      prefix: 'cras'
    })
    expect(finds('Outlook crashes', 'on start', 'outlook cras')).toBe(true)
    expect(finds('Outlook crashes', 'on start', 'OUTLOOK START')).toBe(true)
    expect(finds('Outlook crashes', 'on start', 'excel cras')).toBe(false)
    expect(finds('Outlook crashes', 'on start', 'outloo crashes ')).toBe(false)
  })

  it('a trailing space ends the prefix', () => {
    expect(parseQuery('vpn ')).toEqual({ all: ['vpn'], prefix: null })
    expect(finds('VPN down', '', 'vp ')).toBe(false)
    expect(finds('VPN down', '', 'vp')).toBe(true)
  })

  it('mixed Chinese and English queries find mixed text', () => {
    expect(finds('VPN连不上', '', 'vpn')).toBe(true)
    expect(finds('VPN连不上', '', '连不上')).toBe(true)
    expect(finds('VPN连不上', '', '连不上 vpn')).toBe(true)
    expect(finds('用户报告', 'Outlook 打不开', '打不开 outlook')).toBe(true)
  })

  it('an empty query matches everything', () => {
    expect(parseQuery('   ')).toEqual({ all: [], prefix: null })
    expect(finds('anything', '', '')).toBe(true)
  })
})

describe('parseTicketNumber', () => {
  it.each([
    ['INC-42', ['INC-000042']],
    ['inc000042', ['INC-000042']],
    ['REQ 7', ['REQ-000007']],
    ['42', ['INC-000042', 'REQ-000042']],
    [' 000123 ', ['INC-000123', 'REQ-000123']],
    ['INC-1234567', ['INC-1234567']],
    ['printer', []],
    ['INC-', []],
    ['CHG-42', []]
  ])('%j → %j', (query, expected) => {
    expect(parseTicketNumber(query)).toEqual(expected)
  })
})
