/**
 * Published reports in KV. Payloads are immutable under their content id; an alias record
 * points to the newest version and remembers every older one. Writes go through the alias's
 * Durable Object (alias-ledger.ts); reads come straight from KV. KV failures on the render cache
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
 * Writes an alias record to KV, with the listing metadata. Only the alias's ledger (a Durable
 * Object, alias-ledger.ts) calls this, so writes to one alias never race.
 */
export async function putAliasRecord(kv: KVNamespace, record: AliasRecord): Promise<void> {
  await kv.put(aliasKey(record.alias), JSON.stringify(record), {
    // Metadata travels in an HTTP header inside the KV API: keep it ASCII.
    metadata: {
      department: encodeURIComponent(record.department),
      fiscalYear: record.fiscalYear,
      latest: record.latest,
      versions: record.versions.length,
    },
  });
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
