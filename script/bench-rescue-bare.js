// The baseline of the rescue benchmark: the same copy with the AWS SDK's own streaming upload,
// @aws-sdk/lib-storage (8 MiB parts, 4 in flight), reading the archive's download link with fetch,
// into the same S3 emulator. Reads BENCH_LINK, BENCH_S3, BENCH_BUCKET, BENCH_KEY,
// BENCH_ACCESS_KEY and BENCH_SECRET_KEY from the environment.
import { S3Client } from '@aws-sdk/client-s3'
import { Upload } from '@aws-sdk/lib-storage'
import { Readable } from 'node:stream'

const env = process.env
const response = await fetch(env.BENCH_LINK)
if (!response.ok || response.body === null) process.exit(1)
const client = new S3Client({
  endpoint: env.BENCH_S3,
  forcePathStyle: true,
  region: 'us-east-1',
  credentials: { accessKeyId: env.BENCH_ACCESS_KEY, secretAccessKey: env.BENCH_SECRET_KEY }
})
const upload = new Upload({
  client,
  params: { Bucket: env.BENCH_BUCKET, Key: env.BENCH_KEY, Body: Readable.fromWeb(response.body), ContentType: 'video/mp4' },
  partSize: 8 * 1024 * 1024,
  queueSize: 4
})
await upload.done()
client.destroy()
