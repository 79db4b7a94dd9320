// Claude Code's statusLine and hook payloads, read leniently: unknown fields are ignored and fields of
// the wrong type are treated as missing, so a new host version never breaks the buddy.

export interface HostPayload {
  readonly sessionId: string | undefined;
  readonly transcriptPath: string | undefined;
  readonly cwd: string | undefined;
  readonly prompt: string | undefined;
  readonly hookEventName: string | undefined;
  readonly source: string | undefined;
}

function stringField(record: Record<string, unknown>, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export function parseHostPayload(text: string): HostPayload {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const record = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  const workspace = typeof record.workspace === 'object' && record.workspace !== null ? (record.workspace as Record<string, unknown>) : {};
  return {
    sessionId: stringField(record, 'session_id'),
    transcriptPath: stringField(record, 'transcript_path'),
    cwd: stringField(record, 'cwd') ?? stringField(workspace, 'current_dir'),
    prompt: stringField(record, 'prompt'),
    hookEventName: stringField(record, 'hook_event_name'),
    source: stringField(record, 'source'),
  };
}

/** Session IDs become file names: keep them short and safe. */
export function sessionKey(sessionId: string | undefined): string {
  if (!sessionId) return 'default';
  const safe = sessionId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80);
  return safe.length > 0 ? safe : 'default';
}
