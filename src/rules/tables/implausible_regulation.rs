//! T006 `implausible-regulation`.

use crate::model::CellValue;
use crate::pack::ids::{self, Need};
use crate::rules::{declare_rule, Context, Rule, Sink};
use crate::tr;

/// 规章 made or in force in the report of an agency that cannot make 规章.
pub struct ImplausibleRegulation;

/// The columns of the 规章 row that count 规章 of the agency's own (2021
/// format; the 2019 table has neither, and is not checked).
const OWN_COLUMNS: [&str; 2] = [ids::ISSUED, ids::IN_FORCE];

impl Rule for ImplausibleRegulation {
    declare_rule! {
        code: "T006",
        name: "implausible-regulation",
        family: Tables,
        severity: Warning,
        summary_zh: "不能制定规章的机关填报了规章件数",
        summary_en: "规章 counted by an agency that cannot make 规章",
        explanation_zh: "根据《中华人民共和国立法法》，只有国务院部门以及省、自治区、直辖市、设区的市和\
            自治州的人民政府可以制定规章。乡镇人民政府、街道办事处、县（区）级人民政府、开发区管理机构\
            和地方人民政府的工作部门都不能制定规章，它们的报告中“规章”一行的本年制发件数和现行有效件数\
            应为0。这里填了数字，几乎总是把本机关的规章制度、内部管理办法或规范性文件填错了行。\n\n\
            机关类型按标题中的机关名称判断（规则包 `rules/agencies.toml`）；判断不了的（如“某某市人民政府”\
            可能是设区的市也可能是县级市；国务院部门）不作提示。",
        explanation_en: "Under the Legislation Law (立法法) only the departments of the State \
            Council and the people's governments of provinces, autonomous regions, \
            municipalities, 设区的市 and 自治州 can make 规章. A township, a sub-district, a county \
            or district government, a development zone's administration and any department of a \
            local government cannot: in their reports the 规章 row's 本年制发件数 and 现行有效件数 \
            are 0. A figure there almost always means the agency's own rules, internal measures \
            or normative documents were put in the wrong row.\n\n\
            The agency's kind is told from its name in the title (the pack \
            `rules/agencies.toml`); where it cannot be told (a 某某市人民政府 may be a 设区的市 or a \
            county-level city; a State Council department) nothing is said.",
        basis: "中华人民共和国立法法（2015年修正）第八十条、第八十二条",
        bad: Rows "| 规章 | 2 | 0 | 2 |",
        good: Rows "| 规章 | 0 | 0 | 0 |",
    }

    fn requires(&self) -> &'static [Need] {
        &[Need::Row(ids::ACTIVE_DISCLOSURE, ids::REGULATIONS)]
    }

    fn check(&self, ctx: &Context<'_>, sink: &mut Sink<'_>) {
        let Some(agency) = ctx.report.agency() else {
            return;
        };
        let Some(kind) = ctx.format.agencies.kind_of(&agency.value) else {
            return;
        };
        if kind.regulations != Some(false) {
            return;
        }
        let Some((spec, table)) =
            super::present(ctx).find(|(spec, _)| spec.kind == ids::ACTIVE_DISCLOSURE)
        else {
            return;
        };
        let Some(row) = table.rows.iter().find(|r| r.id == ids::REGULATIONS) else {
            return;
        };
        let counted: Vec<&CellValue> = row
            .values
            .iter()
            .filter(|cell| OWN_COLUMNS.contains(&cell.column.as_str()))
            .filter(|cell| cell.value.number().is_some_and(|n| !n.is_zero()))
            .collect();
        let Some(first) = counted.first() else {
            return;
        };
        let kind_name = ctx.lang.pick(&kind.name_zh, &kind.name_en);
        let diagnostic = sink.report(
            first.span,
            tr!(
                ctx.lang,
                "{}不能制定规章，“规章”行却填了件数",
                "{} cannot make 规章, yet the 规章 row counts some",
                agency.value
            ),
        );
        for cell in &counted {
            diagnostic.label(
                cell.span,
                tr!(
                    ctx.lang,
                    "{}：{}",
                    "{}: {}",
                    super::column_name(spec, row, &cell.column),
                    cell.span.slice(ctx.text())
                ),
            );
        }
        diagnostic
            .label(
                agency.span,
                tr!(ctx.lang, "机关类型：{}", "the agency is {}", kind_name),
            )
            .help(tr!(
                ctx.lang,
                "立法法规定只有国务院部门和省、自治区、直辖市、设区的市、自治州人民政府能制定规章；\
                 核对这些文件的性质，规章制度、内部办法或规范性文件不填在“规章”行，本机关的“规章”填0",
                "under the Legislation Law only State Council departments and the governments of \
                 provinces, autonomous regions, municipalities, 设区的市 and 自治州 make 规章: check \
                 what these documents are; internal rules and normative documents do not go in the \
                 规章 row, which is 0 for this agency"
            ));
    }
}
