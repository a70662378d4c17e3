// Posts the notification. The webhook URL is itself a credential (a Slack webhook URL lets
// anyone post to the channel), so it never appears in output: errors name only its host.
import type { TextRedactor } from '../redact/run-redactor';
import type { SlackMessage } from './slack-message';

export interface PostResult {
  ok: boolean;
  detail: string;
}

export async function postWebhook(url: string, message: SlackMessage, redactor: TextRedactor, timeoutMs = 10_000): Promise<PostResult> {
  let host = '(invalid URL)';
  try {
    host = new URL(url).host;
  } catch {
    return { ok: false, detail: 'MONITOR_WEBHOOK_URL is not a valid URL' };
  }
  // One more pass through the redactor: the payload is about to leave the machine.
  const body = redactor.redact(JSON.stringify(message));
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    return response.ok
      ? { ok: true, detail: `posted the summary to ${host} (HTTP ${response.status})` }
      : { ok: false, detail: `the webhook at ${host} answered HTTP ${response.status}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    return { ok: false, detail: `could not reach the webhook at ${host} (${cause})` };
  }
}
