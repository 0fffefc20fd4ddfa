// @ts-check
/**
 * An S3 emulator on loopback that checks SigV4 signatures (the npm package 20minutes/s3rver), run under Node 24
 * in its own process, with the key pair the test gives.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startEmulatorProcess } from './emulator-process.js'
import { EMULATORS, emulatorRequire } from './emulators.js'

const SERVER = join(dirname(fileURLToPath(import.meta.url)), 's3-emulator-server.cjs')

/** @param {string} node24 @param {{ accessKey: string, secretKey: string }} keys @param {string[]} buckets */
export async function startS3Emulator(node24, keys, buckets) {
  emulatorRequire(node24)
  const directory = mkdtempSync(join(tmpdir(), 's3-emulator-'))
  const child = await startEmulatorProcess(node24, [SERVER, EMULATORS, directory, keys.accessKey, keys.secretKey, ...buckets], out =>
    /"port":\d+/.test(out)
  )
  const port = Number(/"port":(\d+)/.exec(child.output())?.[1])
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    /** The files the store holds under a bucket, to see what was written and deleted. @param {string} bucket */
    files(bucket) {
      /** @type {string[]} */
      const found = []
      /** @param {string} dir */
      const walk = dir => {
        if (!existsSync(dir)) return
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
          if (entry.isDirectory()) walk(join(dir, entry.name))
          else found.push(join(dir, entry.name).slice(join(directory, bucket).length + 1))
        }
      }
      walk(join(directory, bucket))
      return found
    },
    /**
     * The bytes of the object at `key`, as the store holds them on disk; undefined when there is none.
     * @param {string} bucket @param {string} key
     */
    read(bucket, key) {
      const path = join(directory, bucket, ...key.split('/').slice(0, -1), `${key.split('/').at(-1)}._S3rver_object`)
      return existsSync(path) ? readFileSync(path) : undefined
    },
    async close() {
      await child.stop()
      rmSync(directory, { recursive: true, force: true })
    }
  }
}
