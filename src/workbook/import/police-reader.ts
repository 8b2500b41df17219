import { Parser } from "papaparse";
import { POLICE_HEADER } from "./police-format";

/** A file that is not in police.uk's format: refused whole, with the file and line (exit 2). */
export class PoliceFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string
  ) {
    super(`${file}, line ${line}: ${reason}`);
    this.name = "PoliceFileError";
  }
}

/** Receives each data row of a file with its line number (the header is line 1). */
export type RowHandler = (fields: string[], line: number) => void;

const HEADER_TEXT = POLICE_HEADER.join(",");

/**
 * Streams one police.uk CSV: text arrives in chunks of any size (a Node stream, a browser File, a
 * zip entry) and rows leave one by one, so no file is ever held whole. The CSV itself is parsed by
 * papaparse's core Parser (RFC 4180 quoting, CRLF or LF); this class only joins chunks at row
 * boundaries, as papaparse's own streamers do, checks the header and counts lines.
 */
export class PoliceCsvReader {
  private pending = "";
  private parser: Parser | null = null;
  private newline: "\n" | "\r\n" = "\n";
  private line = 1; // the line of the next row
  private headerSeen = false;
  private ended = false;

  constructor(
    readonly file: string,
    private readonly onRow: RowHandler
  ) {}

  /** Feeds the next piece of text (decoded; a leading byte order mark is dropped). */
  push(text: string): void {
    if (this.ended) throw new Error("PoliceCsvReader: push after end");
    if (text.length === 0) return;
    this.pending += text;
    if (!this.parser) {
      if (this.pending.charCodeAt(0) === 0xfeff) this.pending = this.pending.slice(1);
      const nl = this.pending.indexOf("\n");
      if (nl < 0) return; // the header line is not complete yet
      this.newline = nl > 0 && this.pending[nl - 1] === "\r" ? "\r\n" : "\n";
      this.parser = new Parser({ delimiter: ",", newline: this.newline, quoteChar: '"' });
    }
    this.parse(false);
  }

  /** The file has ended: the last row (with or without a final line end) is read. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (!this.parser) {
      if (this.pending.charCodeAt(0) === 0xfeff) this.pending = this.pending.slice(1);
      this.parser = new Parser({ delimiter: ",", newline: "\n", quoteChar: '"' });
    }
    this.parse(true);
    if (!this.headerSeen) throw new PoliceFileError(this.file, 1, "the file is empty.");
  }

  private parse(final: boolean): void {
    const input = this.pending;
    const parser = this.parser as Parser;
    const result = parser.parse(input, 0, !final) as {
      data: string[][];
      errors: { code: string; row: number }[];
      meta: { cursor: number };
    };
    this.pending = final ? "" : input.substring(result.meta.cursor);
    const badRow = result.errors.length > 0 ? Math.min(...result.errors.map((e) => e.row)) : -1;
    // Quoted fields may hold line ends; only then is it worth counting them.
    const quoted = input.indexOf('"') >= 0;
    const rows = result.data;
    for (let i = 0; i < rows.length; i++) {
      const fields = rows[i] as string[];
      const line = this.line;
      if (quoted) this.line += 1 + embeddedLines(fields);
      else this.line += 1;
      if (i === badRow) {
        throw new PoliceFileError(
          this.file,
          line,
          "a quoted field is not closed properly (a stray or missing double quote)."
        );
      }
      // The file's last row, with no line end after it: a file cut short shows itself here.
      const cut = final && i === rows.length - 1 && !/[\r\n]$/.test(input);
      this.row(fields, line, cut);
    }
    if (badRow >= rows.length) {
      throw new PoliceFileError(
        this.file,
        this.line,
        final
          ? "a quoted field is never closed before the file ends: the file looks cut short (an interrupted download or copy); download it again."
          : "a quoted field is never closed."
      );
    }
  }

  private row(fields: string[], line: number, cut = false): void {
    const n = fields.length;
    if (n === 1 && fields[0] === "") return; // a blank line (the file's final line end)
    // A stray CR where the file's line ends are LF.
    const last = fields[n - 1] as string;
    if (this.newline === "\n" && last.endsWith("\r")) fields[n - 1] = last.slice(0, -1);
    if (!this.headerSeen) {
      this.headerSeen = true;
      const found = fields.join(",");
      if (found !== HEADER_TEXT) {
        throw new PoliceFileError(
          this.file,
          line,
          `the header is not police.uk's street-level crime header. Expected: "${HEADER_TEXT}". Found: "${found.length > 200 ? `${found.slice(0, 200)}…` : found}".`
        );
      }
      return;
    }
    if (n < POLICE_HEADER.length && cut) {
      throw new PoliceFileError(
        this.file,
        line,
        `the file ends in the middle of a row (${n} of its ${POLICE_HEADER.length} fields): it looks cut short (an interrupted download or copy); download it again.`
      );
    }
    if (n !== POLICE_HEADER.length) {
      throw new PoliceFileError(
        this.file,
        line,
        `the row has ${n} field${n === 1 ? "" : "s"}; police.uk rows have ${POLICE_HEADER.length}. (A Location holding a comma must be in double quotes.)`
      );
    }
    this.onRow(fields, line);
  }
}

function embeddedLines(fields: string[]): number {
  let n = 0;
  for (const f of fields) {
    let at = f.indexOf("\n");
    while (at >= 0) {
      n++;
      at = f.indexOf("\n", at + 1);
    }
  }
  return n;
}

/** Reads text chunks from bytes: UTF-8, a multi-byte character split across chunks kept whole. */
export class Utf8Chunks {
  private readonly decoder = new TextDecoder("utf-8");
  decode(bytes: Uint8Array): string {
    return this.decoder.decode(bytes, { stream: true });
  }
  flush(): string {
    return this.decoder.decode();
  }
}
