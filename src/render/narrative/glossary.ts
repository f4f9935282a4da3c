/**
 * 第五部分 名词解释: the standard entries (the template set's glossary/standard.json), entry （十） generated
 * from the 项-level 支出功能分类科目 the tables use, the payload's additional terms, and the phone line.
 *
 * Which standard entries are kept: all of them. Each standard term is a line or column label of a
 * table that is always printed (公开01表 income/expense lines, 03表 columns, 09表) or a heading of
 * 第三部分 (机关运行经费), so it appears in every document even when its figure is zero — as in the
 * reference, which explains 经营收入 while its 经营收入 is blank.
 */
import type { Model } from '../../model/derive';
import { subjectExplanation, subjectNames, usedItemCodes } from '../../model/glossary';
import type { Block, NarrativePart } from './blocks';
import { fill } from '../../model/text';
import { chineseNumeral } from '../../model/text';
import { sentence, spaceNumbers } from './text';

/** Lines of entry （十）: "一般公共服务（类）…（款）…（项），反映……". */
export function subjectLines(model: Model): string[] {
  const standard = model.set.glossary.standard;
  return usedItemCodes(model).map((code) => {
    const names = subjectNames(model, code) ?? { class: '', section: '', item: code };
    const subject = fill(standard.subjectName, {
      // As the catalog and the tables name the 类 ("社会保障和就业支出（类）"), the same words 第三部分
      // uses; the reference drops 支出 for some 类 and not for others.
      className: names.class,
      sectionName: names.section,
      itemName: names.item,
    });
    const explanation = subjectExplanation(model, code);
    return explanation
      ? fill(standard.subjectLine, { subject, explanation: sentence(explanation) })
      : fill(standard.subjectLineNoExplanation, { subject });
  });
}

/**
 * 第五部分 as text blocks. Entries are numbered by position; （十八）其他专用名词 is printed only
 * when the payload adds terms (an empty heading explains nothing).
 */
export function buildGlossary(model: Model): NarrativePart {
  const standard = model.set.glossary.standard;
  const meta = model.payload.meta;
  const additions = model.payload.glossary.additions;
  const blocks: Block[] = [];
  let n = 0;
  const numberedLine = (i: number, text: string): Extract<Block, { kind: 'paragraph' }> => ({
    kind: 'paragraph',
    text,
    level: 1,
    marker: { text: fill(standard.numbered.marker, { n: i }), gap: standard.numbered.gap },
  });
  for (const entry of standard.entries) {
    if (entry.key === 'subjects') {
      const lines = subjectLines(model);
      if (lines.length === 0) continue;
      blocks.push({ kind: 'paragraph', text: fill(standard.heading, { n: chineseNumeral(++n), term: entry.term }) });
      // A line names its payload explanation, or the place for one the catalog does not give.
      const codes = usedItemCodes(model);
      const explained = model.payload.glossary.subjectExplanations ?? {};
      lines.forEach((line, i) => {
        const code = codes[i];
        const own = Object.hasOwn(explained, code) || !subjectExplanation(model, code);
        blocks.push(own ? { ...numberedLine(i + 1, line), paths: [`/glossary/subjectExplanations/${code}`] } : numberedLine(i + 1, line));
      });
    } else if (entry.key === 'others') {
      if (additions.length === 0) continue;
      blocks.push({ kind: 'paragraph', text: fill(standard.heading, { n: chineseNumeral(++n), term: entry.term }) });
      additions.forEach((a, i) =>
        // Typed terms follow the set's spacing rule for numbers, like every generated sentence.
        blocks.push({
          ...numberedLine(
            i + 1,
            spaceNumbers(fill(standard.additionLine, { term: a.term, definition: sentence(a.definition) }), model.set.narrative.common.numberSpacing as 'space' | 'none'),
          ),
          paths: [`/glossary/additions/${i}`],
        }),
      );
    } else {
      const definition = fill(entry.definition!, { fiscalLevel: meta.fiscalLevel });
      blocks.push({ kind: 'paragraph', text: fill(standard.entry, { n: chineseNumeral(++n), term: entry.term, definition }) });
    }
  }
  if (meta.contactPhone) blocks.push({ kind: 'paragraph', text: fill(standard.contactPhone, { phone: meta.contactPhone }) });
  const part = model.set.document.parts.find((p) => p.kind === 'glossary');
  const id = part?.id ?? 'glossary';
  return { id, title: fill(part?.title ?? '', { year: meta.fiscalYear, department: meta.department }), sections: [{ id: `${id}-terms`, title: '', blocks }] };
}
