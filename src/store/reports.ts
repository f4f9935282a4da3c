/**
 * Published reports in KV. Payloads are immutable under their content id; an alias record
 * points to the newest version and remembers every older one. KV failures on the render cache
 * are tolerated by the callers (render anyway); failures here, on the source of truth, are not.
 */
import { aliasKey, ALIAS_PREFIX, payloadKey } from './keys';

export interface AliasRecord {
  alias: string;
  department: string;
  fiscalYear: number;
  latest: string;
  versions: { id: string; publishedAt: string }[];
}

export interface StoredPayload {
  id: string;
  alias: string;
  publishedAt: string;
  /** The payload exactly as the client sent it. */
  payload: unknown;
}

export async function getStoredPayload(kv: KVNamespace, id: string): Promise<StoredPayload | null> {
  return kv.get<StoredPayload>(payloadKey(id), { type: 'json', cacheTtl: 3600 });
}

export async function getAlias(kv: KVNamespace, alias: string): Promise<AliasRecord | null> {
  return kv.get<AliasRecord>(aliasKey(alias), 'json');
}

/**
 * Stores a payload under its id unless it is already there (nothing is ever overwritten),
 * and makes the alias point to it. Returns whether the payload was new.
 */
export async function publish(
  kv: KVNamespace,
  entry: { id: string; alias: string; department: string; fiscalYear: number; payload: unknown },
  now: Date,
): Promise<{ created: boolean; record: AliasRecord }> {
  const existing = await getStoredPayload(kv, entry.id);
  const publishedAt = existing?.publishedAt ?? now.toISOString();
  if (!existing) {
    const stored: StoredPayload = { id: entry.id, alias: entry.alias, publishedAt, payload: entry.payload };
    await kv.put(payloadKey(entry.id), JSON.stringify(stored));
  }
  const current = await getAlias(kv, entry.alias);
  const versions = current?.versions ?? [];
  const known = versions.some((version) => version.id === entry.id);
  const record: AliasRecord = {
    alias: entry.alias,
    department: entry.department,
    fiscalYear: entry.fiscalYear,
    // Re-publishing an older version does not move the alias back: "newest" means last new content.
    latest: known && current ? current.latest : entry.id,
    versions: known ? versions : [...versions, { id: entry.id, publishedAt }],
  };
  if (!current || !known) {
    await kv.put(aliasKey(entry.alias), JSON.stringify(record), {
      // Metadata travels in an HTTP header inside the KV API: keep it ASCII.
      metadata: {
        department: encodeURIComponent(record.department),
        fiscalYear: record.fiscalYear,
        latest: record.latest,
        versions: record.versions.length,
      },
    });
  }
  return { created: !existing, record };
}

export interface ListedReport {
  alias: string;
  department: string;
  fiscalYear: number;
  latest: string;
  versions: number;
}

/** Lists every alias (KV list metadata, so one list call and no reads per report). */
export async function listReports(kv: KVNamespace): Promise<ListedReport[]> {
  const out: ListedReport[] = [];
  let cursor: string | undefined;
  do {
    const page: KVNamespaceListResult<Omit<ListedReport, 'alias'>> = await kv.list({ prefix: ALIAS_PREFIX, cursor });
    for (const key of page.keys) {
      if (key.metadata) {
        const { department, ...rest } = key.metadata;
        out.push({ alias: key.name.slice(ALIAS_PREFIX.length), department: decodeURIComponent(department), ...rest });
      }
    }
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return out.sort((a, b) => a.alias.localeCompare(b.alias));
}
