/**
 * How a storage service's error answer is read: only code-shaped codes, region names and a
 * one-line message are read from the body (it is printed, and may quote anything), and the hint
 * names the input or permission to check.
 */
import { describe, expect, it } from 'vitest'
import { hintFor, parseStorageError } from '../../src/verify/storage-error.js'

const xml = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${inner}</Error>`

describe('parseStorageError', () => {
  it('reads the S3 code, region and message', () => {
    expect(parseStorageError(xml('<Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message>'), {})).toEqual({
      code: 'NoSuchBucket',
      message: 'The specified bucket does not exist'
    })
    expect(parseStorageError(xml('<Code>AuthorizationHeaderMalformed</Code><Region>eu-west-1</Region>'), {})).toEqual({
      code: 'AuthorizationHeaderMalformed',
      region: 'eu-west-1'
    })
  })

  it('prefers the headers: x-ms-error-code (Azure) and x-amz-bucket-region, also as arrays', () => {
    expect(parseStorageError(xml('<Code>Other</Code><Region>us-east-2</Region>'), { 'x-ms-error-code': 'ContainerNotFound' })).toEqual({
      code: 'ContainerNotFound',
      region: 'us-east-2'
    })
    expect(parseStorageError('', { 'x-ms-error-code': ['AuthenticationFailed', 'x'], 'x-amz-bucket-region': ['ap-south-1'] })).toEqual({
      code: 'AuthenticationFailed',
      region: 'ap-south-1'
    })
  })

  it.each([
    ['a newline', 'Access\n::error::Denied'],
    ['a space', 'Access Denied'],
    ['markup-free punctuation', 'Access:Denied'],
    ['65 characters', 'A'.repeat(65)],
    ['a dash', 'Access-Denied']
  ])('reads no code with %s: only [A-Za-z0-9.] up to 64 characters is printed', (_case, code) => {
    expect(parseStorageError(xml(`<Code>${code}</Code>`), {}).code).toBeUndefined()
    expect(parseStorageError('', { 'x-ms-error-code': code }).code).toBeUndefined()
  })

  it('falls back to the body code when the header is not code-shaped', () => {
    expect(parseStorageError(xml('<Code>AccessDenied</Code>'), { 'x-ms-error-code': 'not a code' }).code).toBe('AccessDenied')
  })

  it('takes a code of exactly 64 characters, dots included', () => {
    const code = `Vendor.${'X'.repeat(57)}`
    expect(parseStorageError(xml(`<Code>${code}</Code>`), {}).code).toBe(code)
  })

  it.each(['EU-WEST-1', 'eu west 1', 'eu_west_1', 'r'.repeat(41)])('reads no region from %j', region => {
    expect(parseStorageError(xml(`<Region>${region}</Region>`), {}).region).toBeUndefined()
  })

  it('keeps a message of one printable line up to 200 characters, with XML entities undone', () => {
    expect(parseStorageError(xml(`<Message>${'m'.repeat(200)}</Message>`), {}).message).toBe('m'.repeat(200))
    expect(parseStorageError(xml(`<Message>${'m'.repeat(201)}</Message>`), {}).message).toBeUndefined()
    expect(parseStorageError(xml('<Message>tab\there</Message>'), {}).message).toBeUndefined()
    expect(parseStorageError(xml('<Message>&quot;a&quot; &apos;b&apos; &lt;c&gt; &amp;amp;</Message>'), {}).message).toBe(
      `"a" 'b' <c> &amp;`
    )
    expect(parseStorageError(xml('<Message>&nbsp;x</Message>'), {}).message).toBe('&nbsp;x')
    expect(parseStorageError(xml('<Message>caf\u00e9</Message>'), {}).message).toBeUndefined()
  })

  it('reads nothing from an empty or non-XML body', () => {
    expect(parseStorageError('', {})).toEqual({})
    expect(parseStorageError('<html>502 Bad Gateway</html>', {})).toEqual({})
  })
})

describe('hintFor', () => {
  it('names the input for each known code', () => {
    expect(hintFor('SignatureDoesNotMatch', 403, 'write')).toBe("the secret key does not belong to the access key: check 'secret-key'.")
    expect(hintFor('ContainerNotFound', 404, 'write')).toBe("the container does not exist: check 'container'.")
  })

  // Each code a service answers with, and the advice a user reads for it, word for word.
  it.each([
    ['InvalidAccessKeyId', "the access key ID does not exist at this service: check 'access-key' (and 'endpoint')."],
    ['SignatureDoesNotMatch', "the secret key does not belong to the access key: check 'secret-key'."],
    ['NoSuchBucket', "the bucket does not exist: check 'bucket' (and 'endpoint')."],
    [
      'AccessDenied',
      "the credentials may not write to this bucket: the bucket or IAM policy must allow s3:PutObject on the bucket's objects (with 'sse: s3', also with x-amz-server-side-encryption: AES256)."
    ],
    ['AllAccessDisabled', "all access to this bucket is disabled: check 'bucket'."],
    ['InvalidBucketName', "the bucket name is not valid at this service: check 'bucket'."],
    ['AuthenticationFailed', "the account key was refused: check 'account-key' and 'account-name'."],
    [
      'AuthorizationFailure',
      "the request was not authorized: check 'account-key' and 'account-name'; if they are right, the account's firewall or a disabled 'Allow storage account key access' refuses it."
    ],
    ['AuthorizationPermissionMismatch', 'the key may not write blobs in this container.'],
    ['ContainerNotFound', "the container does not exist: check 'container'."],
    ['ResourceNotFound', "the account or container does not exist: check 'account-name', 'container' and 'domain'."],
    ['AccountIsDisabled', 'the storage account is disabled.'],
    ['InvalidAuthenticationInfo', "the authentication was malformed: check 'account-key'."],
    ['NotImplemented', 'the service does not implement something the request asked for.']
  ])('explains %s to a write', (code, hint) => {
    expect(hintFor(code, 400, 'write')).toBe(hint)
  })

  it.each([
    [
      'AccessDenied',
      "the credentials may not list this bucket: the bucket or IAM policy must allow s3:ListBucket on the bucket (the vendor's recommended policy grants it), or give 'verify: false' to audit statuses alone."
    ],
    [
      'AuthorizationPermissionMismatch',
      "the key may not list blobs in this container; the audit signs with 'account-key', the account's access key."
    ]
  ])('explains %s to a list in its own words', (code, hint) => {
    expect(hintFor(code, 403, 'list')).toBe(hint)
  })

  it('names s3:ListBucket for a refused list, and s3:PutObject for a refused write', () => {
    expect(hintFor('AccessDenied', 403, 'list')).toMatch(/must allow s3:ListBucket on the bucket/)
    expect(hintFor('AccessDenied', 403, 'write')).toMatch(/must allow s3:PutObject/)
    expect(hintFor('NoSuchBucket', 404, 'list')).toBe("the bucket does not exist: check 'bucket' (and 'endpoint').")
  })

  it('falls back on the status, then on the action', () => {
    expect(hintFor(undefined, 403, 'write')).toBe('the storage service refused the credentials.')
    expect(hintFor('UnknownCode', 404, 'write')).toBe('the bucket or container was not found.')
    expect(hintFor(undefined, 400, 'write')).toBe('the storage service refused the write.')
    expect(hintFor(undefined, 400, 'list')).toBe('the storage service refused the list.')
  })
})

describe('storage errors', () => {
  it("reads the service's message only when it is one printable line", () => {
    const body = (message: string) => `<Error><Code>NotImplemented</Code><Message>${message}</Message></Error>`
    expect(parseStorageError(body('A header you provided implies functionality that is not implemented'), {})).toEqual({
      code: 'NotImplemented',
      message: 'A header you provided implies functionality that is not implemented'
    })
    expect(parseStorageError(body('x &amp; y &lt;z&gt;'), {}).message).toBe('x & y <z>')
    expect(parseStorageError(body('two\nlines'), {}).message).toBeUndefined()
    expect(parseStorageError(body('::error::injected'), {}).message).toBe('::error::injected')
  })
})
