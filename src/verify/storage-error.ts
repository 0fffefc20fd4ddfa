/** Reads a storage service's error answer and says what it means and what to check. */

/** The error code and region in an S3 or Azure XML error body, with ten lines instead of an XML library. */
export function parseStorageError(
  body: string,
  headers: Readonly<Record<string, string | string[] | undefined>>
): { code?: string; region?: string; message?: string } {
  const tag = (name: string): string | undefined => new RegExp(`<${name}>([^<]{1,200})</${name}>`).exec(body)?.[1]
  const header = (name: string): string | undefined => {
    const value = headers[name]
    return Array.isArray(value) ? value[0] : value
  }
  // Only code-shaped values: the text is printed, and a body may quote anything.
  const code = [header('x-ms-error-code'), tag('Code')].find(value => value !== undefined && /^[A-Za-z0-9.]{1,64}$/.test(value))
  const region = [header('x-amz-bucket-region'), tag('Region')].find(value => value !== undefined && /^[a-z0-9-]{1,40}$/.test(value))
  // The service's own words help (MinIO: "A header you provided implies functionality that is not
  // implemented"), but a body may quote anything: one printable line, at most 200 characters.
  const said = tag('Message')?.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_, n: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[n] ?? ''
  )
  const message = said !== undefined && /^[\x20-\x7e]{1,200}$/.test(said) ? said : undefined
  return {
    ...(code === undefined ? {} : { code }),
    ...(region === undefined ? {} : { region }),
    ...(message === undefined ? {} : { message })
  }
}

const HINTS: Record<string, string> = {
  InvalidAccessKeyId: "the access key ID does not exist at this service: check 'access-key' (and 'endpoint').",
  SignatureDoesNotMatch: "the secret key does not belong to the access key: check 'secret-key'.",
  NoSuchBucket: "the bucket does not exist: check 'bucket' (and 'endpoint').",
  AccessDenied:
    "the credentials may not write to this bucket: the bucket or IAM policy must allow s3:PutObject on the bucket's objects (with 'sse: s3', also with x-amz-server-side-encryption: AES256).",
  AllAccessDisabled: "all access to this bucket is disabled: check 'bucket'.",
  InvalidBucketName: "the bucket name is not valid at this service: check 'bucket'.",
  AuthenticationFailed: "the account key was refused: check 'account-key' and 'account-name'.",
  AuthorizationFailure:
    "the request was not authorized: check 'account-key' and 'account-name'; if they are right, the account's firewall or a disabled 'Allow storage account key access' refuses it.",
  AuthorizationPermissionMismatch: 'the key may not write blobs in this container.',
  ContainerNotFound: "the container does not exist: check 'container'.",
  ResourceNotFound: "the account or container does not exist: check 'account-name', 'container' and 'domain'.",
  AccountIsDisabled: 'the storage account is disabled.',
  InvalidAuthenticationInfo: "the authentication was malformed: check 'account-key'.",
  NotImplemented: 'the service does not implement something the request asked for.'
}

/** What the action asked of the storage: the check writes, the audit lists. */
export type StorageAction = 'write' | 'list'

/** Where listing needs another permission than writing, the hint says so. */
const LIST_HINTS: Record<string, string> = {
  AccessDenied:
    "the credentials may not list this bucket: the bucket or IAM policy must allow s3:ListBucket on the bucket (the vendor's recommended policy grants it), or give 'verify: false' to audit statuses alone.",
  AuthorizationPermissionMismatch:
    "the key may not list blobs in this container; the audit signs with 'account-key', the account's access key."
}

/** One line on what a storage error code means and what to check. */
export function hintFor(code: string | undefined, status: number, action: StorageAction): string {
  if (code !== undefined && action === 'list' && LIST_HINTS[code] !== undefined) return LIST_HINTS[code]
  if (code !== undefined && HINTS[code] !== undefined) return HINTS[code]
  if (status === 403) return 'the storage service refused the credentials.'
  if (status === 404) return 'the bucket or container was not found.'
  return action === 'list' ? 'the storage service refused the list.' : 'the storage service refused the write.'
}
