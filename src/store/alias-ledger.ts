/**
 * The single writer of version lists: one Durable Object per alias. KV has no compare-and-swap,
 * so two publishes that read the alias record at the same time each wrote back their own list and
 * one version was lost. Every publish to an alias now runs inside that alias's object, one after
 * another (a promise chain: KV writes are I/O, during which a Durable Object would otherwise let the
 * next request in). The object keeps the authoritative record in its own storage and mirrors it to
 * KV, where every read (GET, listing, the index page) keeps reading it.
 */
import { DurableObject } from 'cloudflare:workers';
import { aliasKey, payloadKey } from './keys';
import { getAlias, getStoredPayload, putAliasRecord, type AliasRecord, type StoredPayload } from './reports';

export interface PublishEntry {
  id: string;
  alias: string;
  department: string;
  fiscalYear: number;
  /** The payload exactly as the client sent it. */
  payload: unknown;
}

export interface PublishResult {
  created: boolean;
  record: AliasRecord;
}

const RECORD = 'record';

export class AliasLedger extends DurableObject<Env> {
  private queue: Promise<unknown> = Promise.resolve();

  /** Publishes one version; calls for the same alias are applied strictly one at a time. */
  publish(entry: PublishEntry): Promise<PublishResult> {
    const run = this.queue.then(() => this.apply(entry));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async apply(entry: PublishEntry): Promise<PublishResult> {
    const kv = this.env.REPORTS;
    // Versions published before this object existed live only in KV: start from them.
    const current = (await this.ctx.storage.get<AliasRecord>(RECORD)) ?? (await getAlias(kv, entry.alias));
    const existing = await getStoredPayload(kv, entry.id);
    const publishedAt = existing?.publishedAt ?? new Date().toISOString();
    if (!existing) {
      const stored: StoredPayload = { id: entry.id, alias: entry.alias, publishedAt, payload: entry.payload };
      await kv.put(payloadKey(entry.id), JSON.stringify(stored));
    }
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
      await this.ctx.storage.put(RECORD, record);
      await putAliasRecord(kv, record);
    }
    return { created: !existing, record };
  }
}

/** The ledger of one alias. */
export function aliasLedger(ns: DurableObjectNamespace<AliasLedger>, alias: string): DurableObjectStub<AliasLedger> {
  return ns.get(ns.idFromName(aliasKey(alias)));
}
