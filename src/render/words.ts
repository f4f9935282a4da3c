/**
 * Where Chinese text may break across lines: between terms, never inside one. Used by table
 * headers (HTML) and by the narrow figures' captions, statements and labels, so both break alike.
 */

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
const CJK = /^[\u3400-\u9fff\uf900-\ufaff]$/u;

/**
 * Splits a Chinese heading into the pieces a line may break between: ICU's dictionary words, with
 * one-character pieces (本|年, 结|转, 用|车, （|境|）) joined to the word before them (the first to
 * the one after), so breaks fall between terms such as 本年|收入|合计 and never inside one.
 * @example headingWords('本年收入合计') // ["本年", "收入", "合计"]
 */
export function headingWords(text: string): string[] {
  // ICU word segmentation is the dearest step of a table's HTML; headings repeat across tables,
  // reports and requests, so each text is segmented once per isolate (a small LRU).
  const known = memo.get(text);
  if (known) {
    memo.delete(text);
    memo.set(text, known);
    return [...known];
  }
  const words = segmentWords(text);
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
  memo.set(text, words);
  return [...words];
}

const memo = new Map<string, string[]>();
const MEMO_SIZE = 4096;

function segmentWords(text: string): string[] {
  const words: string[] = [];
  let carry = '';
  for (const { segment } of segmenter.segment(text)) {
    const single = [...segment].length === 1;
    const previous = words.length ? words[words.length - 1] : '';
    if (carry || (!single && previous === '')) {
      words.push(carry + segment);
      carry = '';
    } else if (single || !CJK.test([...segment][0]) || [...previous].length === 1) {
      if (previous) words[words.length - 1] = previous + segment;
      else carry = segment;
    } else {
      words.push(segment);
    }
  }
  if (carry) words.push(carry);
  return words;
}

