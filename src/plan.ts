/** The typed, validated description of what one run of the action does, and the shapes its layers share. */

export type Operation = 'set' | 'delete' | 'audit'
export type Fallback = 'none' | 'opentok'

/** An Amazon S3 or S3-compatible bucket, as the vendor will write archives to it. */
export interface S3Target {
  readonly type: 's3'
  readonly bucket: string
  readonly accessKey: string
  /** '' only in a dry run whose secrets were withheld (see Plan.withheldSecrets). */
  readonly secretKey: string
  /** Base URL of an S3-compatible service; absent means Amazon S3. */
  readonly endpoint?: string
  readonly sse: 's3' | 'none'
}

/** An Azure Blob Storage container. */
export interface AzureTarget {
  readonly type: 'azure'
  readonly accountName: string
  /** '' only in a dry run whose secrets were withheld. */
  readonly accountKey: string
  readonly container: string
  /** Azure domain of the account (e.g. core.windows.net); absent means the public cloud. */
  readonly domain?: string
}

export type StorageTarget = S3Target | AzureTarget

/**
 * Who signs the vendor request. The two platforms differ only here: a legacy OpenTok project
 * (API key + secret, HS256 in X-OPENTOK-AUTH) or a Vonage Video application (application ID +
 * private key, RS256 in Authorization: Bearer). platform.ts holds what follows from each.
 */
export type Credentials =
  | { readonly platform: 'opentok'; readonly apiKey: string; readonly apiSecret: string }
  | {
      readonly platform: 'vonage'
      readonly applicationId: string
      readonly privateKey: string
      /** The inputs the pair was given in, when not application-id/private-key (the OpenTok SDKs' api-key/api-secret). */
      readonly givenAs?: readonly [string, string]
    }

/**
 * The encrypted-archiving setting: leave it as it is (absent), turn it off (`null`),
 * or set it to a checked certificate.
 */
export type CertificateSetting =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'off' }
  | {
      readonly kind: 'set'
      /** The checked certificate alone, re-armoured as clean PEM. */
      readonly pem: string
      readonly subject: string
      readonly fingerprint256: string
      readonly validTo: Date
    }

export interface Plan {
  readonly credentials: Credentials
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
  /**
   * Secret inputs that were not given. Only a dry run allows that (a pull request from a fork
   * gets no secrets): it validates everything else and skips what needs them.
   */
  readonly withheldSecrets: readonly string[]
  /** What an audit looks at; only for `audit`. */
  readonly audit?: AuditSettings
  /** Where the settings came from, e.g. "`.github/opentok-archive-target.yml`, project `staging`"; absent for plain inputs. */
  readonly source?: string
  /** The project's name in the configuration file, when one was used. */
  readonly project?: string
  /**
   * The event, when the run is about a pull request (review/base.ts): such a run writes nothing,
   * not even the storage check's probe object or the tracking issue.
   */
  readonly aboutPullRequest?: string
}

/** The window and rules of an audit of the vendor's archive list against the target. */
export interface AuditSettings {
  /** The window's start: archives created after it, or still recording or uploading at it, are audited (audit/window.ts). */
  readonly since: Date
  /** How long a stopped archive may take to upload before it counts as stuck, in ms. */
  readonly uploadGraceMs: number
  /** Whether the objects are looked for in the target; false audits statuses alone. */
  readonly checkObjects: boolean
  /** Why the objects are not looked for, when they are not. */
  readonly statusesOnlyBecause?: string
  /** Copy each archive the vendor kept ('available') and the target lacks into the target, before it expires. */
  readonly rescue: boolean
  /** The most a rescue copies in one run; no copy starts past it. */
  readonly rescueMaxBytes: number
  /** Open, update and close a tracking issue in the repository. */
  readonly trackingIssue: boolean
  /** The token for the tracking issue; '' when none is needed. */
  readonly githubToken: string
}

/** How the storage check ended: passed, failed, or not run. */
export type Verified = 'true' | 'false' | 'skipped'

/** The outcome of the storage check that runs before a target is set. */
export interface StorageCheck {
  readonly verified: Verified
  /** One line for the summary. */
  readonly summary: string
  /** Set when the check failed: the message the step fails with. */
  readonly error?: string
  /** Things worth a warning that do not fail the check. */
  readonly warnings?: readonly string[]
}
