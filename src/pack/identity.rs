//! Table identities: `new + carried_over == results.total + carried_forward`,
//! parsed with `grammar/identity.pest` and resolved against a table schema.

use pest::Parser;
use pest_derive::Parser;
use serde::Deserialize;

use super::spec::TableSpec;
use super::{Pack, PackStr, Problem};
use crate::bilingual;
use crate::diagnostic::Severity;
use crate::lang::Bilingual;
use crate::Edition;

#[derive(Parser)]
#[grammar = "../grammar/identity.pest"]
struct IdentityGrammar;

/// Whether an identity is checked down each column or along each row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Each {
    /// Names are row ids; checked in every column.
    Column,
    /// Names are column ids; checked in every row.
    Row,
}

/// An identity as written in a pack (`[[tables.identities]]`, or a
/// pack-level `[[identities]]` naming its `table`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdentitySpec {
    /// The rule code it reports under: the code of an identity rule
    /// (`[[identity_rules]]`, such as the built-in `A001`–`A004`), or a user
    /// code from `A100` on that the identity's own fields document.
    pub code: PackStr,
    /// The rule's kebab-case name (`carry-over-steady`): needed for a code
    /// no identity rule declares, else that rule's name or nothing.
    #[serde(default)]
    pub name: Option<PackStr>,
    /// The table kind, for a pack-level identity.
    #[serde(default)]
    pub table: Option<PackStr>,
    /// Checked in each column or each row.
    pub each: Each,
    /// The expression: `left == right`.
    pub check: PackStr,
    /// The id whose cell the diagnostic points at (the first name on the left if absent).
    #[serde(default)]
    pub primary: Option<PackStr>,
    /// What messages call the checked row or column (its label if absent): `行政复议`.
    #[serde(default)]
    pub title: Option<String>,
    /// Severity of a code no identity rule declares (a declared one keeps its own).
    #[serde(default)]
    pub severity: Option<Severity>,
    /// One line about a user-defined code, for `disclint rules`, in Chinese
    /// (also accepted as `summary_zh`).
    #[serde(default, alias = "summary_zh")]
    pub summary: Option<String>,
    /// The same line in English.
    #[serde(default)]
    pub summary_en: Option<String>,
    /// What a user-defined code checks and why, in Chinese, for `disclint explain`.
    #[serde(default)]
    pub explanation_zh: Option<String>,
    /// The same in English.
    #[serde(default)]
    pub explanation_en: Option<String>,
    /// The parsed expression (filled when the pack loads).
    #[serde(skip)]
    pub expr: Expr,
}

/// A parsed identity: `left == right`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expr {
    /// Terms of the left side.
    pub left: Vec<Term>,
    /// Terms of the right side.
    pub right: Vec<Term>,
}

/// One signed term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// `+1` or `-1`.
    pub sign: i8,
    /// What the term adds.
    pub kind: TermKind,
}

/// A name or a wildcard sum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TermKind {
    /// A row or column id.
    Name(String),
    /// `sum(prefix.*)`: the prefix with its dot (`results.`), empty for `sum(*)`.
    Sum(String),
}

/// A syntax error: byte offset into the expression and message.
pub type SyntaxError = (usize, Bilingual);

/// Parses an identity expression.
pub fn parse_expr(text: &str) -> Result<Expr, SyntaxError> {
    let mut pairs = IdentityGrammar::parse(Rule::identity, text).map_err(|err| {
        let at = match err.location {
            pest::error::InputLocation::Pos(p) => p,
            pest::error::InputLocation::Span((s, _)) => s,
        };
        (
            at,
            bilingual!(
                "应为名称、`sum(前缀.*)`、`+`、`-` 或 `==`",
                "expected `name`, `sum(prefix.*)`, `+`, `-` or `==`"
            ),
        )
    })?;
    let identity = pairs.next().expect("the identity rule yields one pair");
    let mut sides = identity
        .into_inner()
        .filter(|p| p.as_rule() == Rule::side)
        .map(|side| {
            let mut sign = 1;
            let mut terms = Vec::new();
            for part in side.into_inner() {
                match part.as_rule() {
                    Rule::op => sign = if part.as_str() == "-" { -1 } else { 1 },
                    Rule::name => terms.push(Term {
                        sign,
                        kind: TermKind::Name(part.as_str().to_owned()),
                    }),
                    Rule::sum => {
                        let pattern = part.into_inner().next().map_or("*", |p| p.as_str());
                        terms.push(Term {
                            sign,
                            kind: TermKind::Sum(pattern.trim_end_matches('*').to_owned()),
                        });
                    }
                    _ => {}
                }
            }
            terms
        });
    let left = sides.next().unwrap_or_default();
    let right = sides.next().unwrap_or_default();
    Ok(Expr { left, right })
}

/// One term resolved against a schema: the ids it adds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// `+1` or `-1`.
    pub sign: i8,
    /// The row (or column) ids added, in schema order.
    pub ids: Vec<String>,
    /// The wildcard's prefix, for a sum.
    pub sum: Option<String>,
}

/// Why an identity does not resolve: the value to point at (the
/// expression, or `primary`) and the message.
pub type ResolveError<'a> = (&'a PackStr, Bilingual);

/// An identity resolved against one table schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// Parts of the left side.
    pub left: Vec<Part>,
    /// Parts of the right side.
    pub right: Vec<Part>,
    /// The id the diagnostic points at.
    pub primary: String,
}

impl IdentitySpec {
    /// Resolves the (parsed) expression against `table`.
    pub fn resolve(&self, table: &TableSpec) -> Result<Resolved, ResolveError<'_>> {
        let ids: Vec<&str> = match self.each {
            Each::Column => table
                .rows
                .iter()
                .filter(|r| !r.group)
                .map(|r| r.id.as_str())
                .collect(),
            Each::Row => table.columns.iter().map(|c| c.id.as_str()).collect(),
        };
        let what = match self.each {
            Each::Column => ("行", "row"),
            Each::Row => ("列", "column"),
        };
        let named: Vec<&str> = self
            .expr
            .left
            .iter()
            .chain(&self.expr.right)
            .filter_map(|t| match &t.kind {
                TermKind::Name(n) => Some(n.as_str()),
                TermKind::Sum(_) => None,
            })
            .collect();
        let resolve_side = |terms: &[Term]| -> Result<Vec<Part>, ResolveError<'_>> {
            terms
                .iter()
                .map(|term| match &term.kind {
                    TermKind::Name(name) => {
                        if ids.contains(&name.as_str()) {
                            Ok(Part {
                                sign: term.sign,
                                ids: vec![name.clone()],
                                sum: None,
                            })
                        } else {
                            Err((
                                &self.check,
                                Bilingual {
                                    zh: format!(
                                        "等式“{}”中的“{name}”不是表“{}”的{}",
                                        self.check, table.kind, what.0
                                    ),
                                    en: format!(
                                        "identity `{}` names unknown {} `{name}` of table `{}`",
                                        self.check, what.1, table.kind
                                    ),
                                },
                            ))
                        }
                    }
                    TermKind::Sum(prefix) => {
                        let matched: Vec<String> = ids
                            .iter()
                            .filter(|id| id.starts_with(prefix.as_str()) && !named.contains(id))
                            .map(|id| (*id).to_owned())
                            .collect();
                        if matched.is_empty() {
                            Err((
                                &self.check,
                                Bilingual {
                                    zh: format!(
                                        "等式“{}”中的“sum({prefix}*)”不匹配表“{}”的任何{}",
                                        self.check, table.kind, what.0
                                    ),
                                    en: format!(
                                        "`sum({prefix}*)` in identity `{}` matches no {} of table `{}`",
                                        self.check, what.1, table.kind
                                    ),
                                },
                            ))
                        } else {
                            Ok(Part {
                                sign: term.sign,
                                ids: matched,
                                sum: Some(prefix.clone()),
                            })
                        }
                    }
                })
                .collect()
        };
        let left = resolve_side(&self.expr.left)?;
        let right = resolve_side(&self.expr.right)?;
        let primary = match &self.primary {
            Some(p) if named.contains(&p.as_str()) => p.to_string(),
            Some(p) => {
                return Err((
                    p,
                    bilingual!(
                        "primary“{}”不在等式“{}”中",
                        "primary `{}` is not named in identity `{}`",
                        p,
                        self.check
                    ),
                ))
            }
            None => left
                .iter()
                .find(|p| p.sum.is_none())
                .or(left.first())
                .map(|p| p.ids[0].clone())
                .unwrap_or_default(),
        };
        Ok(Resolved {
            left,
            right,
            primary,
        })
    }
}

impl Pack {
    /// Parses every identity's expression; one that does not parse is left
    /// empty, for [`Pack::validate_expressions`] to report.
    pub(super) fn parse_identities(&mut self) {
        let identities = self
            .tables
            .iter_mut()
            .flat_map(|t| t.identities.iter_mut())
            .chain(self.identities.iter_mut());
        for identity in identities {
            identity.expr = parse_expr(&identity.check).unwrap_or_default();
        }
    }

    /// Reports every identity expression that does not parse.
    pub(super) fn validate_expressions(&self, problems: &mut Vec<Problem>) {
        let identities = self
            .tables
            .iter()
            .flat_map(|t| &t.identities)
            .chain(&self.identities);
        for identity in identities {
            if let Err((at, message)) = parse_expr(&identity.check) {
                let check = &identity.check;
                let character = check[..at.min(check.len())].chars().count() + 1;
                problems.push(Problem::at(
                    check.inner_span(&self.source.text),
                    Bilingual {
                        zh: format!("等式“{check}”：第 {character} 个字符处{}", message.zh),
                        en: format!(
                            "identity `{check}`: {} at character {character}",
                            message.en
                        ),
                    },
                ));
            }
        }
    }

    /// Checks every identity against the table it belongs to: a table of this
    /// pack, else the table of that kind in effect after the `earlier` packs,
    /// in each edition this pack applies to. An identity whose expression
    /// did not parse is not checked again.
    pub(super) fn validate_identities(&self, earlier: &[Pack], problems: &mut Vec<Problem>) {
        let text = &self.source.text;
        let resolve = |identity: &IdentitySpec, table: &TableSpec, problems: &mut Vec<Problem>| {
            if let Err((value, message)) = identity.resolve(table) {
                // The expression is pointed at inside its quotes; an id as a whole.
                let span = if std::ptr::eq(value, &identity.check) {
                    value.inner_span(text)
                } else {
                    value.span()
                };
                problems.push(Problem::at(span, message));
            }
        };
        let parsed = |identity: &&IdentitySpec| identity.expr != Expr::default();
        for table in &self.tables {
            for identity in table.identities.iter().filter(parsed) {
                self.validate_identity_code(earlier, identity, problems);
                match &identity.table {
                    Some(other) if *other != table.kind => problems.push(Problem::at(
                        other.span(),
                        bilingual!(
                            "表“{1}”中的等式“{0}”指向了另一张表",
                            "identity `{0}` inside table `{1}` names another table",
                            identity.check,
                            table.kind
                        ),
                    )),
                    _ => resolve(identity, table, problems),
                }
            }
        }
        for identity in self.identities.iter().filter(parsed) {
            self.validate_identity_code(earlier, identity, problems);
            let Some(kind) = identity.table.as_ref() else {
                problems.push(Problem::at(
                    identity.code.span(),
                    bilingual!(
                        "等式“{}”须用 `table` 写明所属的表",
                        "identity `{}` must name its `table`",
                        identity.check
                    ),
                ));
                continue;
            };
            let own = self.tables.iter().find(|t| t.kind == *kind);
            let targets: Vec<&TableSpec> = match own {
                Some(table) => vec![table],
                None => Edition::ALL
                    .into_iter()
                    .filter(|e| self.applies_to(*e))
                    .filter_map(|e| super::table_in(earlier, e, kind))
                    .collect(),
            };
            if targets.is_empty() {
                problems.push(Problem::at(
                    kind.span(),
                    bilingual!(
                        "等式“{}”所指的表“{}”不存在",
                        "identity `{}` names unknown table `{}`",
                        identity.check,
                        kind
                    ),
                ));
            }
            for table in targets {
                resolve(identity, table, problems);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_sums_and_signs() {
        let expr = parse_expr("new + carried_over == results.total - x + sum(results.*)").unwrap();
        assert_eq!(expr.left.len(), 2);
        assert_eq!(
            expr.right,
            vec![
                Term {
                    sign: 1,
                    kind: TermKind::Name("results.total".into())
                },
                Term {
                    sign: -1,
                    kind: TermKind::Name("x".into())
                },
                Term {
                    sign: 1,
                    kind: TermKind::Sum("results.".into())
                },
            ]
        );
        assert_eq!(
            parse_expr("total == sum(*)").unwrap().right[0].kind,
            TermKind::Sum(String::new())
        );
    }

    #[test]
    fn results_total_sums_the_result_rows_of_each_edition() {
        for (edition, rows) in [(Edition::E2021, 21), (Edition::E2019, 19)] {
            let packs = crate::pack::PackSet::builtin().packs();
            let table = crate::pack::table_in(packs, edition, "applications").unwrap();
            let identity = table.identities.iter().find(|i| i.code == "A002").unwrap();
            let resolved = identity.resolve(table).unwrap();
            assert_eq!(resolved.primary, "results.total");
            assert_eq!(resolved.right[0].ids.len(), rows, "{edition}");
            assert!(!resolved.right[0].ids.contains(&"results.total".to_owned()));
        }
    }

    #[test]
    fn rejects_malformed_expressions() {
        for bad in [
            "a ==",
            "a = b",
            "a == b == c",
            "sum(a) == b",
            "a + == b",
            "",
        ] {
            assert!(parse_expr(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_expr("a == b +").unwrap_err().0, 8);
    }
}
