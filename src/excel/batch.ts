import { HostCapabilities } from "./capabilities";
import {
  CellBlock,
  blockBytes,
  settleTypedValues,
  typedValuesState,
  utf8Bytes,
  writeCells,
  writesTyped,
} from "./cells";

/**
 * Excel on the web rejects requests over 5 MB (office-js-docs-pr docs/excel/performance.md, "Payload
 * size limit best practices"); every write path keeps each request under 4 MB.
 */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

/**
 * What one object path or one action costs in a request beyond its arguments: Office.js sends a
 * request as Actions and ObjectPaths (ids, type, name, parent id, argument list), about 100 bytes
 * each with short ids; 160 leaves room for ids of six digits. Callers count paths and actions
 * generously; tests/excel/requests.test.ts checks every estimate against the request the in-memory
 * Excel serialises.
 */
export const OP_BYTES = 128;
/**
 * Office.js sends an array of more than 1,500 cells as row chunks, each its own action on a range
 * of three paths (two rows and their bounding rectangle), after a size check.
 */
const BULK_CELLS = 1500;
const OPS_PER_CHUNK = 4;

/** A write's estimated size in a request: its paths and actions, and its text as sent (JSON). */
export function opBytes(operations: number, argumentText = ""): number {
  return operations * OP_BYTES + utf8Bytes(JSON.stringify(argumentText));
}

function cellBlockBytes(block: CellBlock, typed: boolean): number {
  const cells = block.values.length * (block.values[0]?.length ?? 0);
  const chunks = Math.ceil(cells / BULK_CELLS) + 1;
  const properties = block.numberFormat ? 2 : 1;
  return blockBytes(block, typed) + opBytes(2 + properties * chunks * OPS_PER_CHUNK, block.address);
}

const codeOf = (e: unknown): unknown => (e as { code?: unknown } | null)?.code;

interface Probe {
  range: () => Excel.Range;
  block: CellBlock;
}

/**
 * Writes queued against one context, sent in as few requests as stay under MAX_REQUEST_BYTES
 * (never a context.sync() per item): every write path (generate, template, sample, import) queues
 * through one of these, which counts the requests and the largest.
 *
 * It also finds out whether valuesAsJson works in this session. The first typed cell write goes
 * last in its request, and only after operations whose failure would show (`loud`: a sheet added
 * that later writes need), so if the request fails with GeneralException it is that write which
 * failed: the session falls back to the pre-1.16 way, and the block is written again that way.
 */
export class WriteBatch {
  private pending = 0;
  private quietOps = false;
  private probe: Probe | null = null;
  /** Requests sent (failed ones included: Excel received them). */
  syncs = 0;
  /** Requests Excel carried out whole. */
  applied = 0;
  /** The estimate of each request sent, in order. */
  readonly estimates: number[] = [];
  /** The session fell back to the pre-1.16 way during this batch's writes. */
  fellBack = false;

  constructor(
    private readonly ctx: Excel.RequestContext,
    private readonly caps: HostCapabilities,
    private readonly limit = MAX_REQUEST_BYTES
  ) {}

  get largestEstimate(): number {
    return this.estimates.reduce((a, b) => Math.max(a, b), 0);
  }

  /** Whether cell writes now go as typed values. */
  get typed(): boolean {
    return writesTyped(this.caps.typedValues);
  }

  /**
   * Queues operations of about `bytes` in a request, sending what is queued first if they would not
   * fit. `loud`: if the operation did not happen, the writes that follow would fail (a sheet added).
   */
  async add(bytes: number, queue: () => void, loud = false): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.limit) await this.flush();
    queue();
    this.pending += bytes;
    if (!loud) this.quietOps = true;
  }

  /** Queues a block of cells (range: a function, so a retry gets a fresh proxy). */
  async cells(range: () => Excel.Range, block: CellBlock): Promise<void> {
    const typed = this.typed;
    const probing = typed && typedValuesState() === "unknown";
    // The probe must be the last operation, after only loud ones.
    if (probing && this.quietOps) await this.flush();
    await this.add(cellBlockBytes(block, typed), () => writeCells(range(), block, typed), true);
    this.quietOps = true;
    if (probing) {
      this.probe = { range, block };
      await this.flush();
    }
  }

  /** Sends what is queued (nothing when nothing is). */
  async flush(): Promise<void> {
    if (this.pending === 0) return;
    const probe = this.probe;
    this.estimates.push(this.pending);
    this.pending = 0;
    this.quietOps = false;
    this.probe = null;
    try {
      await this.ctx.sync();
      this.syncs++;
      this.applied++;
    } catch (e) {
      this.syncs++;
      if (probe === null || codeOf(e) !== "GeneralException") throw e;
      // OfficeDev/office-js issue 4750: the host reports ExcelApi 1.16 but valuesAsJson fails.
      settleTypedValues("broken");
      this.fellBack = true;
      await this.cells(probe.range, probe.block);
      return;
    }
    if (probe) settleTypedValues("works");
  }
}
