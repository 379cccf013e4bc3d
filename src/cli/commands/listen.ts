import { usageError } from '../i18n.ts';

/** Whether a host to listen on is this machine only. */
export const isLoopback = (host: string) =>
  host === 'localhost' || host === '::1' || /^127\./.test(host);

export function portOf(value: string | true | undefined): number {
  if (value === undefined) return 5173;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw usageError(
      `--port 应为 0 到 65535 的整数：${String(value)}`,
      `--port must be an integer 0-65535: ${String(value)}`,
    );
  return port;
}
