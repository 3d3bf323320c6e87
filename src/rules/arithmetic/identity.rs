//! The engine behind every identity rule: evaluates the pack's identities of
//! one code over the report's tables and reports each one that does not hold.

use std::cell::OnceCell;

use super::culprit::{culprit, Instance};
use crate::model::{CellValue, Number, Table, TableRow};
use crate::pack::{ColumnSpec, Each, IdentitySpec, Part, Resolved, TableSpec};
use crate::rules::{Context, Sink};
use crate::tr;
use crate::Lang;

/// Sums with more parts than this are shown as one term (`办理结果各项之和(3)`).
const MAX_SHOWN_PARTS: usize = 6;

/// Labels shown for the parts of a large sum (its non-zero cells).
const MAX_SUM_LABELS: usize = 8;

/// Checks every identity with `code` in every table of the report. Every
/// identity of every code is evaluated too, once and only when one fails, to
/// tell whether one cell explains the failure ([`culprit`]).
pub(crate) fn check(ctx: &Context<'_>, sink: &mut Sink<'_>, code: &str) {
    let all = OnceCell::new();
    visit(ctx, &mut |check, scope, lookup| {
        if check.identity.code == code {
            let all = || all.get_or_init(|| instances(ctx)).as_slice();
            evaluate(ctx, sink, check, scope, lookup, &all);
        }
    });
}

/// A cell looked up by row (column identities) or column (row identities).
type Lookup<'l, 't> = &'l dyn Fn(&str) -> Option<&'t CellValue>;

/// Calls `f` for every identity of every table, over each column or row.
fn visit<'t>(ctx: &Context<'t>, f: &mut dyn FnMut(&Check<'_>, &Scope<'_>, Lookup<'_, 't>)) {
    for table_format in &ctx.format.tables {
        let spec = &table_format.spec;
        let Some(table) = ctx.report.table(&spec.kind) else {
            continue;
        };
        for (identity, resolved) in spec.identities.iter().zip(&table_format.resolved) {
            let Some(resolved) = resolved else {
                continue;
            };
            let check = Check {
                identity,
                spec,
                resolved,
            };
            match identity.each {
                Each::Column => {
                    for column in spec.columns.iter().filter(|c| !c.text) {
                        let lookup = |id: &str| cell(ctx, table, id, &column.id);
                        f(&check, &Scope::Column(column), &lookup);
                    }
                }
                Each::Row => {
                    for row in table.rows.iter().filter(|r| usable(ctx, r)) {
                        let lookup = |id: &str| row.values.iter().find(|v| v.column == id);
                        f(&check, &Scope::Row(row), &lookup);
                    }
                }
            }
        }
    }
}

/// Every identity of the report that can be evaluated, evaluated.
fn instances<'t>(ctx: &Context<'t>) -> Vec<Instance<'t>> {
    let mut out = Vec::new();
    visit(ctx, &mut |check, _, lookup| {
        out.extend(instance(check.resolved, lookup));
    });
    out
}

/// One identity over one column or row, if every term is a number.
fn instance<'t>(resolved: &Resolved, lookup: Lookup<'_, 't>) -> Option<Instance<'t>> {
    let mut terms = Vec::new();
    let mut difference = Number::ZERO;
    for (parts, side_sign) in [(&resolved.left, 1), (&resolved.right, -1)] {
        for part in parts {
            for id in &part.ids {
                let cell = lookup(id)?;
                let sign = part.sign * side_sign;
                difference = difference.checked_add(signed(sign, cell.value.number()?)?)?;
                terms.push((cell, sign));
            }
        }
    }
    Some(Instance { terms, difference })
}

/// One identity resolved against its table's schema.
struct Check<'a> {
    identity: &'a IdentitySpec,
    spec: &'a TableSpec,
    resolved: &'a Resolved,
}

/// What one evaluation runs over, named only in messages.
enum Scope<'a> {
    /// A column.
    Column(&'a ColumnSpec),
    /// A row.
    Row(&'a TableRow),
}

fn row_name(spec: &TableSpec, row: &TableRow) -> String {
    spec.rows
        .iter()
        .find(|r| r.id == row.id)
        .map_or_else(|| row.label.clone(), |r| r.short_name())
}

fn cell<'t>(ctx: &Context<'_>, table: &'t Table, row: &str, column: &str) -> Option<&'t CellValue> {
    table
        .rows
        .iter()
        .find(|r| r.id == row)
        .filter(|r| usable(ctx, r))?
        .values
        .iter()
        .find(|v| v.column == column)
}

/// Whether a row's values can be read by column: a row with cells lost or
/// added (T002) would put numbers under the wrong headings, and the last
/// value of a text that stops without a line break may be a number cut in
/// half (`62` → `6`), as in excerpts of published reports.
fn usable(ctx: &Context<'_>, row: &TableRow) -> bool {
    let aligned = row.values.len() == row.expected && row.extra.is_empty();
    let end = row.values.last().map_or(row.label_span, |v| v.span).end();
    aligned && !ctx.cut_off_at(end)
}

/// One term as the message shows it: a name, a value, and its cells.
struct Shown<'t> {
    sign: i8,
    name: String,
    value: Number,
    cells: Vec<(&'t CellValue, String)>,
}

/// Evaluates one identity over one column or row and reports a failure.
fn evaluate<'t>(
    ctx: &Context<'_>,
    sink: &mut Sink<'_>,
    check: &Check<'_>,
    scope: &Scope,
    lookup: Lookup<'_, 't>,
    all: &dyn Fn() -> &'t [Instance<'t>],
) {
    let Check {
        identity,
        spec,
        resolved,
    } = *check;
    // Every term must be there and be a number: a missing row (T001), a short
    // row (T002) or an invalid cell (T003) is reported once, by its own rule.
    // The sums come first; names and labels only for an identity that fails.
    // They are exact; one that would overflow `i128` decides nothing.
    let (Some(l), Some(r)) = (
        side_total(&resolved.left, &lookup),
        side_total(&resolved.right, &lookup),
    ) else {
        return;
    };
    if l.checked_sub(r).is_none_or(Number::is_zero) {
        return;
    }
    let Some(left) = side(identity, spec, &resolved.left, &lookup, ctx.lang) else {
        return;
    };
    let Some(right) = side(identity, spec, &resolved.right, &lookup, ctx.lang) else {
        return;
    };
    let Some(primary) = lookup(&resolved.primary) else {
        return;
    };
    let scope_text = match (&identity.title, scope) {
        (Some(title), _) => title.clone(),
        (None, Scope::Column(column)) => {
            tr!(ctx.lang, "“{}”列", "column “{}”", column.short_name())
        }
        (None, Scope::Row(row)) => tr!(ctx.lang, "“{}”行", "row “{}”", row_name(spec, row)),
    };
    let message = tr!(
        ctx.lang,
        "{}：{}，但{}",
        "{}: {}, but {}",
        scope_text,
        side_text(&left, l),
        side_text(&right, r)
    );
    let equation = format!("{} = {}", names(&left), names(&right));
    // The one cell that explains this and the other broken identities, if
    // there is one; else no cell is blamed, the anchor included.
    let explained = instance(resolved, lookup).and_then(|broken| culprit(&broken, all()));
    let diagnostic = sink.report(primary.span, message);
    for shown in left.iter().chain(&right) {
        for (cell, text) in &shown.cells {
            match explained {
                Some((culprit, corrected)) if culprit.span == cell.span => diagnostic.label(
                    cell.span,
                    tr!(
                        ctx.lang,
                        "{}，应为{}？",
                        "{}; should it be {}?",
                        text,
                        corrected
                    ),
                ),
                _ => diagnostic.label(cell.span, text.clone()),
            };
        }
    }
    let difference = l.checked_sub(r).unwrap_or(Number::ZERO);
    let (larger, by) = if difference.is_negative() {
        (
            ctx.lang.pick("右边", "the right side"),
            difference.checked_neg().unwrap_or(difference),
        )
    } else {
        (ctx.lang.pick("左边", "the left side"), difference)
    };
    let advice = match explained {
        Some((cell, corrected)) => tr!(
            ctx.lang,
            "只有一个单元格能同时解释这里和其他不成立的等式：把标出的{}改为{}，它们都成立；请先核对这一格",
            "one cell alone explains this and the other broken identities: with the marked {} as {}, they all hold; check that cell first",
            cell.value.number().unwrap_or(Number::ZERO),
            corrected
        ),
        None => tr!(
            ctx.lang,
            "{}多{}；看不出是哪一项有误，请逐项核对这些单元格",
            "{} is larger by {}; which term is wrong cannot be told: check each of these cells",
            larger,
            by
        ),
    };
    diagnostic.help(tr!(
        ctx.lang,
        "应满足：{}（空白按0计）；{}",
        "it must hold that {} (blank counts as 0); {}",
        equation,
        advice
    ));
}

/// A term's value with its sign.
fn signed(sign: i8, value: Number) -> Option<Number> {
    if sign < 0 {
        value.checked_neg()
    } else {
        Some(value)
    }
}

/// The signed sum of one side, if every term is a number and it fits.
fn side_total<'t>(
    parts: &[Part],
    lookup: &impl Fn(&str) -> Option<&'t CellValue>,
) -> Option<Number> {
    let mut total = Number::ZERO;
    for part in parts {
        for id in &part.ids {
            total = total.checked_add(signed(part.sign, lookup(id)?.value.number()?)?)?;
        }
    }
    Some(total)
}

fn side<'t>(
    identity: &IdentitySpec,
    spec: &TableSpec,
    parts: &[Part],
    lookup: &impl Fn(&str) -> Option<&'t CellValue>,
    lang: Lang,
) -> Option<Vec<Shown<'t>>> {
    let mut shown = Vec::new();
    for part in parts {
        let mut cells = Vec::with_capacity(part.ids.len());
        for id in &part.ids {
            let cell = lookup(id)?;
            cell.value.number()?;
            cells.push((cell, id));
        }
        let name_of = |id: &str| display_name(identity.each, spec, id);
        if part.sum.is_none() || part.ids.len() <= MAX_SHOWN_PARTS {
            for (cell, id) in cells {
                let name = name_of(id);
                let value = cell.value.number().unwrap_or(Number::ZERO);
                shown.push(Shown {
                    sign: part.sign,
                    cells: vec![(cell, format!("{name} = {value}"))],
                    name,
                    value,
                });
            }
        } else {
            let prefix = part.sum.as_deref().unwrap_or_default();
            let group = prefix.trim_end_matches('.');
            let group_name = if group.is_empty() {
                String::new()
            } else {
                display_name(identity.each, spec, group)
            };
            let name = tr!(lang, "{}各项之和", "sum of {} parts", group_name);
            let value = cells.iter().try_fold(Number::ZERO, |sum, (c, _)| {
                sum.checked_add(c.value.number().unwrap_or(Number::ZERO))
            })?;
            let labelled = cells
                .into_iter()
                .filter(|(c, _)| c.value.number().is_some_and(|v| !v.is_zero()))
                .take(MAX_SUM_LABELS)
                .map(|(c, id)| {
                    let value = c.value.number().unwrap_or(Number::ZERO);
                    (c, format!("{} = {value}", name_of(id)))
                })
                .collect();
            shown.push(Shown {
                sign: part.sign,
                name,
                value,
                cells: labelled,
            });
        }
    }
    Some(shown)
}

/// The short name of a row (for column identities) or column (for row identities).
fn display_name(each: Each, spec: &TableSpec, id: &str) -> String {
    match each {
        Each::Column => spec
            .rows
            .iter()
            .find(|r| r.id == id)
            .map(|r| r.short_name()),
        Each::Row => spec
            .columns
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.short_name()),
    }
    .unwrap_or_else(|| id.to_owned())
}

/// `a(1) + b(2) = 3`, or `a(1)` for one term.
fn side_text(shown: &[Shown<'_>], total: Number) -> String {
    let terms = join(shown, |s| format!("{}({})", s.name, s.value));
    if shown.len() == 1 && shown[0].sign > 0 {
        terms
    } else {
        format!("{terms} = {total}")
    }
}

fn names(shown: &[Shown<'_>]) -> String {
    join(shown, |s| s.name.clone())
}

fn join(shown: &[Shown<'_>], each: impl Fn(&Shown<'_>) -> String) -> String {
    let mut out = String::new();
    for (i, s) in shown.iter().enumerate() {
        match (i, s.sign < 0) {
            (0, false) => {}
            (0, true) => out.push('-'),
            (_, false) => out.push_str(" + "),
            (_, true) => out.push_str(" - "),
        }
        out.push_str(&each(s));
    }
    out
}
