/**
 * Where a JSON pointer's value sits in the JSON text the user edits: a small scanner over the text
 * (JSON.parse gives no positions). Used to point a finding that has no table cell (a text field,
 * a missing part) at its place in the editor.
 */

export interface Span {
  start: number;
  end: number;
  /** The pointer actually found: the given one, or its nearest existing parent. */
  pointer: string;
}

/** Unescapes one reference token of a JSON pointer (RFC 6901). */
function token(t: string): string {
  return t.replace(/~1/g, '/').replace(/~0/g, '~');
}

/**
 * The text span of the value at `pointer` in `text`, or of its nearest parent that exists; null
 * when the text is not JSON.
 * @example locatePointer('{"a":{"b":[1,2]}}', '/a/b/1') // { start: 13, end: 14, pointer: '/a/b/1' }
 */
export function locatePointer(text: string, pointer: string): Span | null {
  const wanted = pointer === '' ? [] : pointer.split('/').slice(1).map(token);
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
  };
  const fail = (): never => {
    throw new SyntaxError('not JSON');
  };
  const string = (): string => {
    if (text[i] !== '"') fail();
    const start = i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail();
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  let best: Span | null = null;
  // Scans one value; `depth` is how many tokens of the wanted pointer the path so far matches.
  const value = (depth: number, path: string): void => {
    ws();
    const start = i;
    const c = text[i];
    const onPath = depth >= 0;
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') i++;
      else
        for (;;) {
          ws();
          const key = string();
          ws();
          if (text[i++] !== ':') fail();
          const match = onPath && depth < wanted.length && wanted[depth] === key;
          value(match ? depth + 1 : -1, `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
          ws();
          if (text[i] === ',') i++;
          else if (text[i] === '}') {
            i++;
            break;
          } else fail();
        }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') i++;
      else
        for (let index = 0; ; index++) {
          const match = onPath && depth < wanted.length && wanted[depth] === String(index);
          value(match ? depth + 1 : -1, `${path}/${index}`);
          ws();
          if (text[i] === ',') i++;
          else if (text[i] === ']') {
            i++;
            break;
          } else fail();
        }
    } else if (c === '"') {
      string();
    } else {
      const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?|^true|^false|^null/.exec(text.slice(i, i + 40));
      if (!m) fail();
      i += m![0].length;
    }
    // The deepest matching value wins: the pointer itself, else its nearest existing parent.
    if (onPath && (!best || best.pointer.split('/').length <= path.split('/').length)) best = { start, end: i, pointer: path };
  };
  try {
    value(0, '');
    return best;
  } catch {
    return null;
  }
}

/** Line and column (1-based) of an offset, for messages about broken JSON. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * Where JSON.parse failed, from its message ("… at position 123" in Chromium, "line 3 column 5" in
 * Firefox); null when the engine does not say.
 */
export function syntaxErrorOffset(text: string, error: Error): number | null {
  const position = /position (\d+)/.exec(error.message);
  if (position) return Number(position[1]);
  const lc = /line (\d+) column (\d+)/.exec(error.message);
  if (lc) {
    const lines = text.split('\n').slice(0, Number(lc[1]) - 1);
    return lines.reduce((n, l) => n + l.length + 1, 0) + Number(lc[2]) - 1;
  }
  return null;
}
