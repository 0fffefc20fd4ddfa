/**
 * Which archives an audit judges and how far back it reads the list: when an archive ended, whether
 * it belongs to the window that starts at `since` (at the millisecond), when the vendor's copy
 * expires, and the creation time the list is read down to, with and without rescue.
 */
import { describe, expect, it } from 'vitest'
import { endedAt, inWindow, LONGEST_RECORDING_MS, readDownTo, VENDOR_KEEPS_MS, vendorDeadline } from '../../src/audit/window.js'

const HOUR = 3_600_000
const since = Date.parse('2026-11-28T03:00:00Z')

describe('endedAt', () => {
  it('is the vendor’s last update when it gives one, else the start plus the duration', () => {
    expect(endedAt({ status: 'stopped', createdAt: 1000, duration: 2, updatedAt: 9000 })).toBe(9000)
    expect(endedAt({ status: 'stopped', createdAt: 1000, duration: 2, updatedAt: 500 })).toBe(500)
    expect(endedAt({ status: 'uploaded', createdAt: 1000, duration: 2 })).toBe(3000)
    expect(endedAt({ status: 'available', createdAt: 1000, duration: 0 })).toBe(1000)
  })

  it('is undefined while the archive records, started or paused, whatever the vendor updated', () => {
    expect(endedAt({ status: 'started', createdAt: 1000, duration: 2, updatedAt: 9000 })).toBeUndefined()
    expect(endedAt({ status: 'paused', createdAt: 1000, duration: 2 })).toBeUndefined()
    expect(endedAt({ status: 'failed', createdAt: 1000, duration: 2 })).toBe(3000)
  })
})

describe('inWindow', () => {
  const stopped = (createdAt: number, endedAfterMs: number) => ({
    status: 'stopped',
    createdAt,
    duration: 0,
    updatedAt: createdAt + endedAfterMs
  })

  it('takes an archive created at since or after it, however it ended', () => {
    expect(inWindow({ status: 'uploaded', createdAt: since, duration: 0 }, since)).toBe(true)
    expect(inWindow({ status: 'uploaded', createdAt: since + 1, duration: 0 }, since)).toBe(true)
    expect(inWindow({ status: 'uploaded', createdAt: since, duration: 0, updatedAt: since - HOUR }, since)).toBe(true)
  })

  it('takes an archive created before since only when it ended after since: exactly at since is out, a millisecond after is in', () => {
    expect(inWindow(stopped(since - HOUR, HOUR), since)).toBe(false)
    expect(inWindow(stopped(since - HOUR, HOUR + 1), since)).toBe(true)
    expect(inWindow(stopped(since - HOUR, HOUR - 1), since)).toBe(false)
    expect(inWindow({ status: 'uploaded', createdAt: since - 10_000, duration: 10 }, since)).toBe(false)
    expect(inWindow({ status: 'uploaded', createdAt: since - 10_000, duration: 11 }, since)).toBe(true)
    expect(inWindow({ status: 'uploaded', createdAt: since - 1, duration: 0 }, since)).toBe(false)
  })

  it('takes an archive created long before since that still records, started or paused', () => {
    expect(inWindow({ status: 'started', createdAt: since - 30 * HOUR, duration: 0 }, since)).toBe(true)
    expect(inWindow({ status: 'paused', createdAt: since - 30 * HOUR, duration: 0, updatedAt: since - 29 * HOUR }, since)).toBe(true)
    expect(inWindow({ status: 'stopped', createdAt: since - 30 * HOUR, duration: 0, updatedAt: since - 29 * HOUR }, since)).toBe(false)
  })

  it('judges the end by the vendor’s update over the start plus the duration', () => {
    expect(inWindow({ status: 'stopped', createdAt: since - HOUR, duration: 60, updatedAt: since + 1 }, since)).toBe(true)
    expect(inWindow({ status: 'stopped', createdAt: since - HOUR, duration: 7200, updatedAt: since }, since)).toBe(false)
  })
})

describe('vendorDeadline', () => {
  it('is 72 hours after the archive was created, whenever it ended', () => {
    expect(VENDOR_KEEPS_MS).toBe(259_200_000)
    expect(vendorDeadline({ createdAt: 0 })).toBe(259_200_000)
    expect(vendorDeadline({ createdAt: Date.parse('2026-11-29T01:00:00Z') })).toBe(Date.parse('2026-12-02T01:00:00Z'))
  })
})

describe('readDownTo', () => {
  const now = Date.parse('2026-11-29T06:00:00Z')

  it('is since − 12 hours without rescue, whatever the time now', () => {
    expect(LONGEST_RECORDING_MS).toBe(43_200_000)
    expect(readDownTo(since, now, false)).toBe(Date.parse('2026-11-27T15:00:00Z'))
    expect(readDownTo(since, since + 200 * HOUR, false)).toBe(Date.parse('2026-11-27T15:00:00Z'))
  })

  it('with rescue, is also no later than 72 hours before now', () => {
    // since 27 h before now: since − 12 h is 39 h back, 72 h back is earlier.
    expect(readDownTo(since, now, true)).toBe(Date.parse('2026-11-26T06:00:00Z'))
    // since 100 h before now: since − 12 h is 112 h back, earlier than 72 h back.
    expect(readDownTo(now - 100 * HOUR, now, true)).toBe(now - 112 * HOUR)
    // since 60 h before now: since − 12 h is exactly 72 h back.
    expect(readDownTo(now - 60 * HOUR, now, true)).toBe(now - 72 * HOUR)
    expect(readDownTo(now - 60 * HOUR + 1, now, true)).toBe(now - 72 * HOUR)
    expect(readDownTo(now - 60 * HOUR - 1, now, true)).toBe(now - 72 * HOUR - 1)
  })
})
