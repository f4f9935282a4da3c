/**
 * The 决算 payload: one department's final accounts for one fiscal year. This file is the public
 * contract — it is exported as JSON Schema at GET /v1/schema.json — so every field carries a
 * description a finance clerk can read.
 *
 * Shape in one breath: `meta` + `overview` (第一部分), `tables` (第二部分, by meaning, not by number:
 * the template set maps 公开01–09 onto them), `explanation` (inputs of 第三部分 that are not in the
 * tables), `keyWork` (第四部分), `glossary` (第五部分 additions), `performance` (十三 and 第六部分).
 *
 * Functional-classification tables take 项-level rows as the source of truth; 类/款 rows and the
 * 合计 row are optional "as printed" values that are printed as given and checked by the audit.
 */
import { z } from 'zod';
import { parseAmount, type Cents } from './money';

export const SCHEMA_VERSION = 1 as const;

/** An amount in 万元 with at most two decimals: a number or a string like "1,519.58". */
export const Amount = z
  .union([
    z.number(),
    // The pattern only documents the format in the exported JSON Schema; parseAmount decides, with
    // messages that say what is wrong (three decimals, misplaced separators, out of range).
    z.string().meta({ pattern: '^\\s*-?(\\d+|\\d{1,3}(,\\d{3})+)(\\.\\d{1,2})?\\s*$' }),
  ])
  .transform((value, ctx): Cents => {
    const parsed = parseAmount(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.message, input: value });
      return z.NEVER;
    }
    return parsed.cents;
  })
  .meta({
    description: '金额（万元），最多两位小数；数字或字符串，如 1519.58 或 "1,519.58"',
    examples: [1519.58, '1,519.58'],
  });

/** An amount cell that may be blank: omitted or null means the official format leaves it blank. */
const Cell = Amount.nullish();

/**
 * Control characters, U+FFFE/U+FFFF and unpaired surrogates: invisible in print and not allowed in
 * XML, so one of them would make a figure's SVG unreadable. Line breaks and tabs are fine.
 */
const UNPRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A text field: trimmed, bounded, printable. */
function text(max: number, options: { required?: boolean } = {}) {
  const base = z.string().trim().max(max, `文字过长（最多 ${max} 字）`);
  return (options.required === false ? base : base.min(1, '不能为空')).refine(
    (v) => !UNPRINTABLE.test(v),
    '包含不可见的控制字符（可能来自复制粘贴），请删除后重新提交',
  );
}

const Text = text(20_000);
const ShortText = text(500);
const Count = z.number().int('必须是整数').min(0, '不能为负数');
// Lists have caps where a real document has a natural maximum (100 目标 or 职责, 500 指标, 1,000
// projects or 下属单位, 2,000 rows per table); src/audit/schema-errors.ts refuses any list of more
// than 2,000 entries before the schema runs.

/** A real calendar date (zod's ISO date pattern: months 01–12, days per month, leap years): 2025-02-30 is refused. */
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD，如 2025-10-31', abort: true })
  .regex(z.regexes.date, '日期不存在（月份应为 01–12，日期不超过当月天数），如 2025-10-31');

/** 功能分类科目编码: 3 digits 类, 5 digits 款, 7 digits 项. */
export const FunctionalCode = z
  .string()
  .regex(/^\d{3}(\d{2}(\d{2})?)?$/, '功能分类科目编码应为 3 位（类）、5 位（款）或 7 位（项）数字');

/** 经济分类科目编码: 3 digits 类, 5 digits 款. */
export const EconomicCode = z
  .string()
  .regex(/^\d{3}(\d{2})?$/, '经济分类科目编码应为 3 位（类）或 5 位（款）数字');

function functionalTable<const S extends z.ZodRawShape>(columns: S, description: string) {
  const columnsObject = z.strictObject(columns);
  const row = z.strictObject({
    code: FunctionalCode.meta({ description: '功能分类科目编码' }),
    name: ShortText.meta({ description: '科目名称' }),
    ...columns,
  });
  return z
    .strictObject({
      rows: z.array(row).max(2000).default([]).meta({
        description:
          '按功能分类科目列示的行。项级（7 位）行是数据来源；类、款级行可省略（由项级汇总），如填写则按所填打印并校验。',
      }),
      total: columnsObject.optional().meta({ description: '“合计”行（如填写则按所填打印并校验，省略则汇总得出）' }),
    })
    .meta({ description });
}

/** 公开02表 收入决算表 columns. */
export const incomeColumns = {
  total: Cell.meta({ description: '本年收入合计' }),
  fiscal: Cell.meta({ description: '财政拨款收入' }),
  superiorSubsidy: Cell.meta({ description: '上级补助收入' }),
  business: Cell.meta({ description: '事业收入' }),
  operating: Cell.meta({ description: '经营收入' }),
  affiliatedRemit: Cell.meta({ description: '附属单位上缴收入' }),
  other: Cell.meta({ description: '其他收入' }),
};

/** 公开03表 支出决算表 columns. */
export const expenseColumns = {
  total: Cell.meta({ description: '本年支出合计' }),
  basic: Cell.meta({ description: '基本支出' }),
  project: Cell.meta({ description: '项目支出' }),
  remitToSuperior: Cell.meta({ description: '上缴上级支出' }),
  operating: Cell.meta({ description: '经营支出' }),
  subsidyToAffiliated: Cell.meta({ description: '对附属单位补助支出' }),
};

/** 公开05表 / 公开08表 columns: 合计(小计) = 基本支出 + 项目支出. */
export const basicProjectColumns = {
  total: Cell.meta({ description: '本年支出小计/合计' }),
  basic: Cell.meta({ description: '基本支出' }),
  project: Cell.meta({ description: '项目支出' }),
};

/** 公开07表 政府性基金预算财政拨款收入支出决算表 columns. */
export const fundColumns = {
  carryForwardStart: Cell.meta({ description: '年初结转和结余' }),
  income: Cell.meta({ description: '本年收入' }),
  expenseTotal: Cell.meta({ description: '本年支出小计' }),
  basic: Cell.meta({ description: '本年支出：基本支出' }),
  project: Cell.meta({ description: '本年支出：项目支出' }),
  carryForwardEnd: Cell.meta({ description: '年末结转和结余' }),
};

/** Four columns of 公开04表's spending side. */
const FiscalColumns = z
  .strictObject({
    total: Cell.meta({ description: '小计' }),
    gpb: Cell.meta({ description: '一般公共预算财政拨款' }),
    fund: Cell.meta({ description: '政府性基金预算财政拨款' }),
    stateCapital: Cell.meta({ description: '国有资本经营预算财政拨款' }),
  })
  .meta({ description: '小计及三类财政拨款' });

const ClassCode = z.string().regex(/^\d{3}$/, '类级科目编码应为 3 位数字');

/** 公开01表 收入支出决算总表, as printed. Everything optional: absent figures are derived. */
export const SummaryTable = z
  .strictObject({
    income: z
      .strictObject({
        gpb: Cell.meta({ description: '一、一般公共预算财政拨款收入' }),
        fund: Cell.meta({ description: '二、政府性基金预算财政拨款收入' }),
        stateCapital: Cell.meta({ description: '三、国有资本经营预算财政拨款收入' }),
        superiorSubsidy: Cell.meta({ description: '四、上级补助收入' }),
        business: Cell.meta({ description: '五、事业收入' }),
        operating: Cell.meta({ description: '六、经营收入' }),
        affiliatedRemit: Cell.meta({ description: '七、附属单位上缴收入' }),
        other: Cell.meta({ description: '八、其他收入' }),
        totalCurrent: Cell.meta({ description: '本年收入合计' }),
        useOfNonFiscalBalance: Cell.meta({ description: '使用非财政拨款结余（含专用结余）' }),
        carryForwardStart: Cell.meta({ description: '年初结转和结余' }),
        grandTotal: Cell.meta({ description: '收入总计' }),
      })
      .default({}),
    expenseByClass: z
      .record(ClassCode, Cell)
      .default({})
      .meta({ description: '支出功能分类类级行，键为类级编码，如 {"201": "1,415.07"}' }),
    expense: z
      .strictObject({
        totalCurrent: Cell.meta({ description: '本年支出合计' }),
        balanceDistribution: Cell.meta({ description: '结余分配' }),
        carryForwardEnd: Cell.meta({ description: '年末结转和结余' }),
        grandTotal: Cell.meta({ description: '支出总计' }),
      })
      .default({}),
  })
  .meta({ description: '收入支出决算总表（可省略，省略部分由其他表汇总得出）' });

/** 公开04表 财政拨款收入支出决算总表, as printed. */
export const FiscalSummaryTable = z
  .strictObject({
    income: z
      .strictObject({
        gpb: Cell.meta({ description: '一、一般公共预算财政拨款' }),
        fund: Cell.meta({ description: '二、政府性基金预算财政拨款' }),
        stateCapital: Cell.meta({ description: '三、国有资本经营预算财政拨款' }),
        totalCurrent: Cell.meta({ description: '本年收入合计' }),
        carryForwardStart: FiscalColumns.optional().meta({
          description: '年初财政拨款结转和结余（小计及分项）',
        }),
        grandTotal: Cell.meta({ description: '收入总计' }),
      })
      .default({}),
    expenseByClass: z
      .record(ClassCode, FiscalColumns)
      .default({})
      .meta({ description: '支出功能分类类级行，键为类级编码' }),
    expense: z
      .strictObject({
        totalCurrent: FiscalColumns.optional().meta({ description: '本年支出合计' }),
        carryForwardEnd: FiscalColumns.optional().meta({ description: '年末财政拨款结转和结余' }),
        grandTotal: FiscalColumns.optional().meta({ description: '支出总计' }),
      })
      .default({}),
  })
  .meta({ description: '财政拨款收入支出决算总表（可省略）' });

/** 公开06表 一般公共预算财政拨款基本支出决算明细表. */
export const BasicExpenseDetailTable = z
  .strictObject({
    items: z
      .record(EconomicCode, Cell)
      .default({})
      .meta({
        description:
          '经济分类科目金额，键为编码：5 位款级为数据来源（如 "30101": 52.42）；3 位类级（301/302/303/310…）可省略，如填写则校验',
      }),
    personnelTotal: Cell.meta({ description: '人员经费合计（可省略）' }),
    publicTotal: Cell.meta({ description: '公用经费合计（可省略）' }),
  })
  .meta({ description: '一般公共预算财政拨款基本支出决算明细表' });

/** 公开09表 columns (预算数 or 决算数). */
export const ThreePublicColumns = z
  .strictObject({
    total: Cell.meta({ description: '合计（可省略）' }),
    abroad: Cell.meta({ description: '因公出国（境）费' }),
    vehicleSubtotal: Cell.meta({ description: '公务用车购置及运行维护费 小计（可省略）' }),
    vehiclePurchase: Cell.meta({ description: '公务用车购置费' }),
    vehicleOperation: Cell.meta({ description: '公务用车运行维护费' }),
    reception: Cell.meta({ description: '公务接待费' }),
  })
  .meta({ description: '“三公”经费各项' });

export const ThreePublicTable = z
  .strictObject({
    budget: ThreePublicColumns.default({}).meta({ description: '预算数（全年预算数）' }),
    actual: ThreePublicColumns.default({}).meta({ description: '决算数' }),
  })
  .meta({ description: '财政拨款“三公”经费支出决算表' });

const DataKey = z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, '只能包含英文字母和数字，以字母开头');
const CellValues = z.record(DataKey, Cell);

/**
 * A table the template set declares beyond the built-in ones (templates/sets/<set>/layouts/<key>.json
 * with `data`): rows by 功能分类 code, or fixed lines by key, each with the columns the layout declares.
 * Which keys and columns exist is checked against the payload's template set by the audit.
 */
export const CustomTable = z
  .strictObject({
    rows: z
      .array(
        z.strictObject({
          code: FunctionalCode.meta({ description: '功能分类科目编码' }),
          name: ShortText.optional().meta({ description: '科目名称（省略时取《政府收支分类科目》）' }),
          values: CellValues.meta({ description: '各栏金额，键为模板集声明的栏目' }),
        }),
      )
      .max(2000)
      .optional()
      .meta({ description: '按功能分类科目列示的行（项级为数据来源，类、款可省略）' }),
    total: CellValues.optional().meta({ description: '“合计”行（省略则汇总得出）' }),
    lines: z
      .record(DataKey, CellValues)
      .optional()
      .meta({ description: '固定行：键为模板集声明的行，值为各栏金额' }),
  })
  .meta({ description: '模板集自定义的表' });

export const Tables = z
  .strictObject({
    summary: SummaryTable.default({ income: {}, expenseByClass: {}, expense: {} }),
    income: functionalTable(incomeColumns, '收入决算表'),
    expense: functionalTable(expenseColumns, '支出决算表'),
    fiscalSummary: FiscalSummaryTable.default({ income: {}, expenseByClass: {}, expense: {} }),
    gpbExpense: functionalTable(basicProjectColumns, '一般公共预算财政拨款支出决算表'),
    basicExpenseDetail: BasicExpenseDetailTable.default({ items: {} }),
    fund: functionalTable(fundColumns, '政府性基金预算财政拨款收入支出决算表').default({ rows: [] }),
    stateCapital: functionalTable(basicProjectColumns, '国有资本经营预算财政拨款支出决算表').default({
      rows: [],
    }),
    threePublic: ThreePublicTable.default({ budget: {}, actual: {} }),
    custom: z
      .record(DataKey, CustomTable)
      .default({})
      .meta({ description: '模板集自定义的表（如云南的一般公共预算财政拨款项目支出决算表），键为模板集中的表名' }),
  })
  .meta({ description: '第二部分 部门决算表的数据（按含义命名，表号由模板集决定）' });

/**
 * 三公 reasons real documents give besides "比上年增减的主要原因": why 决算 differs from 预算, for the
 * total and each item, and the year-on-year reasons of the two vehicle sub-items (九).
 */
const ThreePublicReasons = {
  threePublicBudget: ShortText.optional().meta({ description: '“三公”经费决算数大于或小于预算数的主要原因（九）' }),
  abroadBudget: ShortText.optional().meta({ description: '因公出国（境）费决算数与预算数差异的主要原因' }),
  vehicleBudget: ShortText.optional().meta({ description: '公务用车购置及运行维护费决算数与预算数差异的主要原因' }),
  vehiclePurchase: ShortText.optional().meta({ description: '公务用车购置费比上年增减的主要原因' }),
  vehiclePurchaseBudget: ShortText.optional().meta({ description: '公务用车购置费决算数与预算数差异的主要原因' }),
  vehicleOperation: ShortText.optional().meta({ description: '公务用车运行维护费比上年增减的主要原因' }),
  vehicleOperationBudget: ShortText.optional().meta({ description: '公务用车运行维护费决算数与预算数差异的主要原因' }),
  receptionBudget: ShortText.optional().meta({ description: '公务接待费决算数与预算数差异的主要原因' }),
};

const Reasons = z
  .strictObject({
    grandTotal: ShortText.optional().meta({ description: '收、支总计增减变化的主要原因（一）' }),
    income: ShortText.optional().meta({ description: '收入合计增减变化的主要原因（二）' }),
    expense: ShortText.optional().meta({ description: '支出合计增减变化的主要原因（三）' }),
    fiscalGrandTotal: ShortText.optional().meta({ description: '财政拨款收、支总计增减变化的主要原因（四）' }),
    gpbIncome: ShortText.optional().meta({ description: '一般公共预算财政拨款收入增减变化的主要原因（四）' }),
    gpbExpense: ShortText.optional().meta({ description: '一般公共预算财政拨款支出增减变化的主要原因（五）' }),
    fundChange: ShortText.optional().meta({ description: '政府性基金预算财政拨款收支增减变化的主要原因（七）' }),
    stateCapitalChange: ShortText.optional().meta({ description: '国有资本经营预算财政拨款支出增减变化的主要原因（八）' }),
    threePublic: ShortText.optional().meta({ description: '“三公”经费决算数较上年增减的主要原因（九）' }),
    abroad: ShortText.optional().meta({ description: '因公出国（境）费增减的主要原因' }),
    vehicle: ShortText.optional().meta({ description: '公务用车购置及运行维护费增减的主要原因' }),
    reception: ShortText.optional().meta({ description: '公务接待费增减的主要原因' }),
    operatingCosts: ShortText.optional().meta({ description: '机关运行经费增减的主要原因（十）' }),
    ...ThreePublicReasons,
  })
  .default({});

const PreviousYear = z
  .strictObject({
    grandTotal: Cell.meta({ description: '上年收、支总计' }),
    incomeTotal: Cell.meta({ description: '上年本年收入合计' }),
    expenseTotal: Cell.meta({ description: '上年本年支出合计' }),
    fiscalGrandTotal: Cell.meta({ description: '上年财政拨款收、支总计' }),
    gpbIncome: Cell.meta({ description: '上年一般公共预算财政拨款收入' }),
    gpbExpense: Cell.meta({ description: '上年一般公共预算财政拨款支出' }),
    fundExpense: Cell.meta({ description: '上年政府性基金预算财政拨款支出' }),
    stateCapitalExpense: Cell.meta({ description: '上年国有资本经营预算财政拨款支出' }),
    threePublic: ThreePublicColumns.optional().meta({ description: '上年“三公”经费决算数' }),
    operatingCosts: Cell.meta({ description: '上年机关运行经费' }),
  })
  .default({})
  .meta({ description: '上年（对比年度）决算数' });

/** 三公 details real documents publish beyond counts: 国内/外事 接待, purposes, uses (九). */
const ThreePublicDetailExtra = {
  abroadPurpose: ShortText.optional().meta({ description: '因公出国（境）主要用途，如“赴德国开展城市管理交流考察”' }),
  vehiclePurchaseUses: ShortText.optional().meta({ description: '公务用车购置费主要用途，如“更新执法执勤用车 2 辆”' }),
  vehicleOperationUses: ShortText.optional().meta({
    description: '公务用车运行维护费主要用途（不列金额时），如“公务用车燃料费、维修费、过路过桥费、保险费等”',
  }),
  receptionDomestic: Cell.meta({ description: '国内公务接待费（万元）' }),
  receptionForeign: Cell.meta({ description: '外事接待费（国（境）外公务接待费，万元）' }),
  receptionForeignBatches: Count.optional().meta({ description: '外事（外宾）接待批次' }),
  receptionForeignPeople: Count.optional().meta({ description: '外事（外宾）接待人次' }),
  receptionPurpose: ShortText.optional().meta({ description: '公务接待主要用途，如“上级部门检查指导、兄弟单位交流学习”' }),
};

const ThreePublicDetail = z
  .strictObject({
    vehiclesPurchased: Count.optional().meta({ description: '本年度购置（更新）公务用车数量（辆）' }),
    vehiclesHeld: Count.optional().meta({ description: '年末开支财政拨款的公务用车保有量（辆）' }),
    vehicleOperationBreakdown: z
      .array(z.strictObject({ item: ShortText.meta({ description: '用途，如 维修费' }), amount: Amount }))
      .default([])
      .meta({ description: '公务用车运行维护费主要用途及金额' }),
    receptionBatches: Count.optional().meta({ description: '国内公务接待批次' }),
    receptionPeople: Count.optional().meta({ description: '国内公务接待人次' }),
    abroadGroups: Count.optional().meta({ description: '因公出国（境）团组数' }),
    abroadPeople: Count.optional().meta({ description: '因公出国（境）人次' }),
    ...ThreePublicDetailExtra,
  })
  .default({ vehicleOperationBreakdown: [] })
  .meta({ description: '“三公”经费说明所需明细（九）' });

/** How the 中小企业 contracts were awarded (政府采购促进中小企业发展管理办法: 预留 split). */
const ProcurementReserved = {
  smeDedicated: Cell.meta({ description: '授予中小企业合同金额中，专门面向中小企业采购的金额' }),
  smeReserved: Cell.meta({ description: '授予中小企业合同金额中，通过预留份额（预留采购包、联合体、分包）授予的金额' }),
  smeOther: Cell.meta({ description: '授予中小企业合同金额中，通过其他方式（非预留项目）授予的金额' }),
  note: ShortText.optional().meta({
    description: '政府采购的其他说明，如中小企业占比较低或未达到预留份额比例的原因',
  }),
};

const Procurement = z
  .strictObject({
    total: Cell.meta({ description: '政府采购支出总额（可省略，由货物+工程+服务得出）' }),
    goods: Cell.meta({ description: '政府采购货物支出' }),
    works: Cell.meta({ description: '政府采购工程支出' }),
    services: Cell.meta({ description: '政府采购服务支出' }),
    smeTotal: Cell.meta({ description: '授予中小企业合同金额' }),
    smallMicro: Cell.meta({ description: '其中授予小微企业合同金额' }),
    smeGoods: Cell.meta({ description: '货物采购授予中小企业合同金额' }),
    smeWorks: Cell.meta({ description: '工程采购授予中小企业合同金额' }),
    smeServices: Cell.meta({ description: '服务采购授予中小企业合同金额' }),
    ...ProcurementReserved,
  })
  .meta({ description: '政府采购支出说明（十一）' });

const Assets = z
  .strictObject({
    asOf: IsoDate.optional().meta({ description: '统计截止日期，默认为会计年度末' }),
    vehicles: Count.optional().meta({ description: '车辆总数（辆）' }),
    vehicleBreakdown: z
      .array(
        z.strictObject({
          kind: ShortText.meta({ description: '车辆类别，如 其他用车、执法执勤用车' }),
          count: Count,
          note: ShortText.optional().meta({ description: '说明' }),
        }),
      )
      .default([]),
    equipmentOver1m: Count.optional().meta({ description: '单位价值 100 万元以上设备数量（台/套）' }),
    note: Text.optional().meta({ description: '其他说明' }),
  })
  .meta({ description: '国有资产占用情况（十二）' });

/**
 * 年初预算 of one kind of 财政拨款 by 项, with the reasons and uses the text gives: 五（三） for the
 * 一般公共预算, and the same for 政府性基金 (七) and 国有资本经营 (八).
 */
function AnnualBudget(subject: string, section: string) {
  return z
    .strictObject({
      total: Cell.meta({ description: `${subject}年初预算总数（可省略，由各项汇总）` }),
      reason: ShortText.optional().meta({ description: `${subject}决算数与年初预算数差异的主要原因（${section}）` }),
      items: z
        .record(
          z.string().regex(/^\d{7}$/, '项级科目编码应为 7 位数字'),
          z.strictObject({
            budget: Amount.meta({ description: '年初预算数' }),
            reason: ShortText.optional().meta({
              description: '决算数与年初预算数差异的主要原因（写原因，如“年中追加走访慰问经费”；只写用途时请填 uses）',
            }),
            uses: ShortText.optional().meta({ description: '该项级科目支出主要用于…（如“走访慰问专项经费”）' }),
          }),
        )
        .default({})
        .meta({ description: `按项级科目（7 位编码）的年初预算数、差异原因与主要用途（${section}）` }),
    })
    .meta({ description: `${subject}年初预算（${section}）` });
}

/** 会议费 or 培训费 of the 一般性支出 section some regions publish (e.g. Hunan's 十、一般性支出情况说明). */
const GeneralExpenseItem = z.strictObject({
  amount: Amount.meta({ description: '支出金额（万元）' }),
  count: Count.optional().meta({ description: '次数（会议次数或培训期数）' }),
  people: Count.optional().meta({ description: '人次（参会或参训）' }),
  purpose: ShortText.optional().meta({ description: '主要用于…，如“召开全市城市管理工作会议”' }),
});

/** Sections some regions add to the 情况说明; a template set places them (the national set does not). */
const RegionalSections = {
  generalExpense: z
    .strictObject({
      meetings: GeneralExpenseItem.optional().meta({ description: '会议费' }),
      training: GeneralExpenseItem.optional().meta({ description: '培训费' }),
      note: ShortText.optional().meta({ description: '其他说明，如增减原因' }),
    })
    .optional()
    .meta({ description: '一般性支出情况说明（会议费、培训费），模板集放置此节时使用' }),
  otherMatters: Text.optional().meta({ description: '其他重要事项情况说明（模板集放置此节时使用）' }),
  scopeNotes: Text.optional().meta({ description: '相关口径说明（模板集放置此节时使用）' }),
};

const Explanation = z
  .strictObject({
    comparisonYear: z.number().int().optional().meta({ description: '对比年度，默认为会计年度减一' }),
    previousYear: PreviousYear,
    reasons: Reasons,
    annualBudget: AnnualBudget('一般公共预算财政拨款支出', '五（三）').default({ items: {} }),
    fundBudget: AnnualBudget('政府性基金预算财政拨款支出', '七').optional(),
    stateCapitalBudget: AnnualBudget('国有资本经营预算财政拨款支出', '八').optional(),
    mainProjects: z
      .array(
        z.strictObject({
          name: ShortText.meta({ description: '项目名称' }),
          amount: Amount.meta({ description: '支出决算数（执行数），各项目之和不应超过项目支出' }),
          budget: Cell.meta({ description: '全年预算数（可省略；填写时说明中写出预算与执行）' }),
          outcome: ShortText.optional().meta({ description: '主要成效' }),
        }),
      )
      .default([])
      .meta({ description: '项目支出主要用途（五（三））：按执行数列示的主要项目' }),
    classUses: z
      .record(ClassCode, z.array(ShortText))
      .optional()
      .meta({
        description:
          '五（二）各类支出“主要用于”的项级科目名称（可省略，省略时按表中该类金额最大的项级科目生成）；名称必须是表中存在的科目',
      }),
    threePublicDetail: ThreePublicDetail,
    operatingCosts: Cell.meta({ description: '机关运行经费支出（十）' }),
    operatingCostsNote: ShortText.optional().meta({
      description: '机关运行经费说明（十），印在金额之后：如金额为 0 的原因（“本单位经费由主管部门统一保障”）',
    }),
    procurement: Procurement.optional(),
    assets: Assets.optional(),
    ...RegionalSections,
  })
  .default({
    previousYear: {},
    reasons: {},
    annualBudget: { items: {} },
    mainProjects: [],
    threePublicDetail: { vehicleOperationBreakdown: [] },
  })
  .meta({ description: '第三部分 情况说明所需、表中没有的数据与文字' });

const Indicator = z.strictObject({
  level1: text(100, { required: false }).default('').meta({ description: '一级指标，如 产出指标' }),
  level2: text(100, { required: false }).default('').meta({ description: '二级指标，如 数量指标' }),
  level3: text(500, { required: false }).default('').meta({ description: '三级指标' }),
  target: text(500, { required: false }).default('').meta({ description: '年初目标值（A）' }),
  actual: text(500, { required: false }).default('').meta({ description: '实际完成值（B）' }),
});

/** A 绩效自评 score (0–100, up to two decimals) and its grade. */
const Score = z
  .number()
  .min(0, '自评得分应在 0–100 之间')
  .max(100, '自评得分应在 0–100 之间')
  .refine((n) => Number.isInteger(Math.round(n * 100)) && Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, '自评得分最多两位小数')
  .meta({ description: '自评得分（0–100 分，最多两位小数）' });
const Grade = z.enum(['优', '良', '中', '差']).meta({ description: '自评等级' });

/** What 基本支出总额 / 项目支出总额 of the overall form are: the form's label and note must say the truth. */
const ExpenseBasis = z
  .enum(['actual', 'budget'])
  .default('actual')
  .meta({
    description:
      '口径：actual 为财政资金实际支出数（自评表备注的默认口径），budget 为预算数（表中填的是预算数时选此项，表头与备注随之写明）',
  });

const OverallSelfEvaluation = z
  .strictObject({
    unitName: ShortText.meta({ description: '单位名称（盖章）' }),
    filledOn: IsoDate.optional().meta({ description: '填报日期' }),
    basicExpense: Cell.meta({ description: '基本支出总额' }),
    projectExpense: Cell.meta({ description: '项目支出总额' }),
    budget: Cell.meta({ description: '部门整体支出总额 预算数（A）' }),
    executed: Cell.meta({ description: '部门整体支出总额 执行数（B）' }),
    goals: z.array(Text).max(100).default([]).meta({ description: '年度目标' }),
    indicators: z.array(Indicator).max(500).default([]).meta({ description: '年度绩效指标' }),
    deviationReason: text(20_000, { required: false }).default('').meta({ description: '偏差大或目标未完成原因分析' }),
    improvement: text(20_000, { required: false }).default('').meta({ description: '改进措施及结果应用方案' }),
    score: Score.optional(),
    grade: Grade.optional(),
    basicExpenseBasis: ExpenseBasis,
    projectExpenseBasis: ExpenseBasis,
  })
  .meta({ description: '部门整体支出绩效自评表' });

const ProjectSelfEvaluation = z
  .strictObject({
    name: ShortText.meta({ description: '项目名称' }),
    unitName: ShortText.optional().meta({ description: '单位名称（盖章），默认取整体自评表的单位名称' }),
    filledOn: IsoDate.optional().meta({ description: '填报日期' }),
    supervisor: ShortText.meta({ description: '主管部门' }),
    implementer: ShortText.meta({ description: '项目实施单位' }),
    projectType: z.enum(['经常性项目', '延续性项目', '一次性项目']).meta({ description: '项目类型' }),
    fundingSource: z
      .enum(['部门预算项目', '专项资金', '上级转移支付项目'])
      .meta({ description: '预算来源' }),
    fundingAmount: Cell.meta({ description: '资金量（可省略，默认为预算数）' }),
    budget: Amount.meta({ description: '年度财政资金总额 预算数（A）' }),
    executed: Amount.meta({ description: '年度财政资金总额 执行数（B）' }),
    indicators: z.array(Indicator).max(500).default([]),
    deviationReason: text(20_000, { required: false }).default(''),
    improvement: text(20_000, { required: false }).default(''),
    score: Score.optional(),
    grade: Grade.optional(),
  })
  .meta({ description: '项目支出绩效自评表' });

/** 预算绩效管理工作开展情况 as figures (十三（一）): counts, amounts, and the evaluations beyond 自评. */
const EvaluationScope = z.strictObject({
  count: Count.meta({ description: '项目个数' }),
  amount: Cell.meta({ description: '涉及资金（万元）' }),
});
const PerformanceManagement = z
  .strictObject({
    projectCount: Count.optional().meta({ description: '开展绩效自评的项目个数（省略时按项目自评表计数）' }),
    level1Count: Count.optional().meta({ description: '其中一级项目个数' }),
    level2Count: Count.optional().meta({ description: '其中二级项目个数' }),
    projectAmount: Cell.meta({ description: '自评项目涉及资金（执行数，万元；省略时按项目自评表执行数汇总）' }),
    overallCount: Count.optional().meta({ description: '开展部门整体支出绩效自评的部门（单位）个数' }),
    departmentEvaluations: EvaluationScope.optional().meta({ description: '部门评价：组织开展的项目评价' }),
    fiscalEvaluations: EvaluationScope.optional().meta({ description: '财政评价：财政部门对本部门开展的重点绩效评价' }),
  })
  .meta({ description: '十三（一）预算绩效管理工作开展情况的数字' });

const Performance = z
  .strictObject({
    evaluationSummary: Text.optional().meta({ description: '（一）绩效自评总体结论，如“2024年各项目绩效目标基本完成……”' }),
    overallConclusion: Text.optional().meta({ description: '（二）整体支出自评结论，如“整体预算执行情况良好……”' }),
    overallOutputs: Text.optional().meta({ description: '（二）整体支出主要产出和效益' }),
    projectSummaries: z
      .array(
        z.strictObject({
          name: ShortText.meta({ description: '项目名称，须与项目自评表一致' }),
          outputs: z.array(ShortText).max(100).default([]).meta({ description: '主要产出和效益，逐条' }),
          problems: z.array(ShortText).max(100).default([]).meta({ description: '发现的问题及原因，逐条' }),
          improvements: z.array(ShortText).max(100).default([]).meta({ description: '下一步改进措施，逐条' }),
        }),
      )
      .default([])
      .meta({ description: '（三）项目支出自评结果综述，按此顺序列示' }),
    application: Text.optional().meta({ description: '（四）绩效自评结果应用情况' }),
    management: PerformanceManagement.optional(),
    rateDecimals: z
      .number()
      .int()
      .min(0)
      .max(2)
      .optional()
      .meta({
        description:
          '自评表执行率保留的小数位数（省略时与全文一致，即 options.percentDecimals；另行规定时自评表备注写明口径）',
      }),
    overall: OverallSelfEvaluation.optional(),
    projects: z.array(ProjectSelfEvaluation).max(1000).default([]).meta({ description: '项目支出绩效自评表，按附件顺序' }),
  })
  .meta({ description: '预算绩效（十三）与第六部分 附件 绩效自评表' });

const KeyWork = z
  .strictObject({
    sections: z
      .array(z.strictObject({ title: ShortText, text: Text }))
      .default([])
      .meta({ description: '重点工作各节（标题、正文）' }),
    table: z
      .array(
        z.strictObject({
          item: ShortText.meta({ description: '重要事项' }),
          content: Text.meta({ description: '工作内容及目标' }),
          result: Text.meta({ description: '完成情况' }),
        }),
      )
      .default([])
      .meta({ description: '重点工作完成情况表' }),
  })
  .meta({ description: '第四部分 重点工作完成情况' });

const Glossary = z
  .strictObject({
    subjectExplanations: z
      .record(FunctionalCode, ShortText)
      .default({})
      .meta({ description: '内置科目目录中没有的功能分类科目的解释（键为编码），如“反映……”' }),
    additions: z
      .array(z.strictObject({ term: ShortText, definition: Text }))
      .default([])
      .meta({ description: '追加的其他专用名词' }),
  })
  .meta({ description: '第五部分 名词解释的补充' });

/** A unit in scope: its name, or its name with a 备注 such as "预算不单列，并入本级". */
const SubordinateUnit = z.union([
  ShortText,
  z.strictObject({
    name: ShortText.meta({ description: '单位名称' }),
    note: ShortText.optional().meta({ description: '备注，如“预算不单列，并入本级”' }),
  }),
]);

export const Meta = z
  .strictObject({
    department: ShortText.meta({ description: '部门（单位）全称，如 武汉市江汉区城市运行管理中心' }),
    slug: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, '别名只能包含小写字母、数字和连字符，如 wuhan-jianghan-cyzx')
      .max(80)
      .meta({ description: '发布网址中使用的英文别名，与会计年度组成 {slug}-{fiscalYear}' }),
    fiscalYear: z.number().int().min(2000, '会计年度应在 2000–2100 之间').max(2100, '会计年度应在 2000–2100 之间'),
    publishedOn: IsoDate.meta({ description: '公开日期' }),
    unit: z.literal('万元').default('万元').meta({ description: '金额单位（目前仅支持 万元）' }),
    subordinateUnits: z.array(SubordinateUnit).max(1000).default([]).meta({ description: '纳入决算的下属单位：名称，或名称与备注' }),
    contactPhone: ShortText.optional().meta({ description: '咨询电话' }),
    fiscalLevel: z
      .enum(['中央', '省级', '市级', '区级', '县级', '乡镇级'])
      .default('区级')
      .meta({ description: '财政级次，用于名词解释（如“区级财政一般公共预算当年拨付的资金”）' }),
    // 单位性质: 行政 and 参公 units must publish 机关运行经费 and say why when it is 0 (audit completeness).
    unitType: z
      .enum(['行政单位', '参照公务员法管理事业单位', '事业单位', '其他'])
      .optional()
      .meta({ description: '单位性质：行政单位、参照公务员法管理事业单位（参公单位）、事业单位或其他；行政单位和参公单位的机关运行经费为 0 时须说明原因' }),
  })
  .meta({ description: '基本信息' });

/** Findings a reviewer acknowledges: they no longer block publication and are listed with the reason. */
export const AuditSection = z
  .strictObject({
    acknowledged: z
      .array(
        z.strictObject({
          rule: z
            .string()
            .regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/, '审核规则编号格式如 cross.summary-class-vs-expense')
            .meta({ description: '审核结果中的规则编号（rule），如 cross.summary-class-vs-expense' }),
          path: z
            .string()
            .regex(/^(\/[^/]*)+$/, '位置应为审核结果 paths 中的第一个 JSON 指针，如 /tables/summary/expenseByClass/201')
            .max(300)
            .meta({ description: '审核结果 paths 中的第一个位置（被核对的金额），如 /tables/summary/expenseByClass/201' }),
          reason: text(500).refine((v) => v.length >= 4, '请写明原因（至少 4 个字），审核人员和读者会看到它').meta({
            description: '为何按原样公开：如“决算已批复，原表如此；系各表分别由元四舍五入所致”',
          }),
        }),
      )
      .max(200, '最多 200 条')
      .default([])
      .meta({ description: '已说明的审核事项：每条指明一个审核结果（规则 + 位置）并写明原因；说明后错误不再阻止发布，单独列出' }),
  })
  .meta({ description: '审核说明' });

export const Options = z
  .strictObject({
    percentDecimals: z.number().int().min(0).max(4).default(2).meta({ description: '说明中百分比保留的小数位数' }),
    tolerance: Amount.refine(
      (cents) => cents >= 0 && cents <= 1,
      '尾数误差的容许范围由每项勾稽关系所含金额的个数决定（每个金额由元四舍五入为万元，误差不超过 0.005 万元），不能放宽；tolerance 只能收紧，应在 0 到 0.01 之间',
    )
      .optional()
      .meta({
        description:
          '收紧尾数误差（万元，0–0.01）：每项勾稽关系允许的尾数误差按其所含金额个数计算（n 个金额最多相差 ⌊n/2⌋×0.01），此项只能把它收紧，如 0 表示任何差异都按错误处理',
      }),
  })
  .default({ percentDecimals: 2 });

export const Payload = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'JSON Schema 地址（可选，编辑器提示用）' }),
    schemaVersion: z.literal(SCHEMA_VERSION).meta({ description: '数据格式版本，目前为 1' }),
    templateSet: z
      .string()
      .regex(/^[a-z0-9-]+$/, '模板集名称只能包含小写字母、数字和连字符')
      .default('national-2024')
      .meta({ description: '表式模板集，默认 national-2024（全国通用表式 9 张表；GET /v1/template-sets 列出所有模板集）' }),
    meta: Meta,
    overview: z
      .strictObject({
        duties: z.array(Text).max(100).default([]).meta({ description: '部门主要职责，逐条' }),
        organization: Text.optional().meta({ description: '机构设置情况补充说明（单位构成句由下属单位自动生成）' }),
      })
      .default({ duties: [] })
      .meta({ description: '第一部分 概况' }),
    tables: Tables,
    explanation: Explanation,
    keyWork: KeyWork.optional(),
    glossary: Glossary.default({ subjectExplanations: {}, additions: [] }),
    performance: Performance.optional(),
    audit: AuditSection.optional(),
    options: Options,
  })
  .meta({
    title: '部门决算公开数据',
    description: '一个部门一个会计年度的决算公开数据（金额单位：万元）',
  });

/** The payload after parsing: amounts are integer cents. */
export type Payload = z.output<typeof Payload>;
/** The payload as a client writes it. */
export type PayloadInput = z.input<typeof Payload>;
export type FunctionalTable = Payload['tables']['income'] | Payload['tables']['expense'];
