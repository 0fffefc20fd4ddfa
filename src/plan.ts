/** The typed, validated description of what one run of the action does. */

export type Operation = 'set' | 'delete'
export type Fallback = 'none' | 'opentok'

/** An Amazon S3 or S3-compatible bucket, as the vendor will write archives to it. */
export interface S3Target {
  readonly type: 's3'
  readonly bucket: string
  readonly accessKey: string
  readonly secretKey: string
  /** Base URL of an S3-compatible service; absent means Amazon S3. */
  readonly endpoint?: string
  readonly sse: 's3' | 'none'
}

/** An Azure Blob Storage container. */
export interface AzureTarget {
  readonly type: 'azure'
  readonly accountName: string
  readonly accountKey: string
  readonly container: string
  /** Azure domain of the account (e.g. core.windows.net); absent means the public cloud. */
  readonly domain?: string
}

export type StorageTarget = S3Target | AzureTarget

/**
 * The encrypted-archiving setting: leave it as it is (absent), turn it off (`null`),
 * or set it to a checked certificate.
 */
export type CertificateSetting =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'off' }
  | {
      readonly kind: 'set'
      /** The PEM text, as given. */
      readonly pem: string
      readonly subject: string
      readonly fingerprint256: string
      readonly validTo: Date
    }

export interface Plan {
  readonly apiKey: string
  readonly apiSecret: string
  readonly operation: Operation
  /** Where archives go; only for `set`. */
  readonly target?: StorageTarget
  readonly fallback: Fallback
  readonly certificate: CertificateSetting
  readonly apiUrl: string
  readonly dryRun: boolean
  readonly failOnError: boolean
  readonly verify: boolean
  readonly maxAttempts: number
  readonly timeoutSeconds: number
}
