//! Code actions: each finding's own fix (from the diagnostic's `data`) as a
//! `quickfix`, safe ones preferred and unsafe ones marked in their title,
//! and "fix all safe" (`source.fixAll.disclint`), as `check --fix` would
//! fix the buffer.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, OptionalVersionedTextDocumentIdentifier,
    TextDocumentEdit, TextEdit, Url, WorkspaceEdit,
};

use super::diagnostics::Data;
use super::encoding::Lines;
use crate::Lang;

/// The kind of "fix all safe".
pub(super) fn fix_all_kind() -> CodeActionKind {
    CodeActionKind::new("source.fixAll.disclint")
}

/// Whether a client that asked for `only` these kinds (none: any) wants
/// actions of `kind`: one of them is `kind` or a prefix of it
/// (`source` covers `source.fixAll.disclint`).
pub(super) fn wanted(only: Option<&[CodeActionKind]>, kind: &CodeActionKind) -> bool {
    let Some(only) = only else {
        return true;
    };
    let kind = kind.as_str();
    only.iter().any(|asked| {
        let asked = asked.as_str();
        kind == asked
            || kind
                .strip_prefix(asked)
                .is_some_and(|rest| rest.starts_with('.'))
    })
}

/// How a workspace edit of one document is written.
pub(super) struct Target<'a> {
    /// The document.
    pub uri: &'a Url,
    /// Its version, which the edits are of.
    pub version: i32,
    /// Whether the client takes versioned `documentChanges` (it then
    /// refuses edits of another version), else plain `changes`.
    pub versioned: bool,
}

impl Target<'_> {
    /// A workspace edit of these edits.
    fn edit(&self, edits: Vec<TextEdit>) -> WorkspaceEdit {
        if self.versioned {
            WorkspaceEdit {
                document_changes: Some(lsp_types::DocumentChanges::Edits(vec![TextDocumentEdit {
                    text_document: OptionalVersionedTextDocumentIdentifier {
                        uri: self.uri.clone(),
                        version: Some(self.version),
                    },
                    edits: edits.into_iter().map(lsp_types::OneOf::Left).collect(),
                }])),
                ..WorkspaceEdit::default()
            }
        } else {
            WorkspaceEdit {
                changes: Some(HashMap::from([(self.uri.clone(), edits)])),
                ..WorkspaceEdit::default()
            }
        }
    }

    /// The quick fix of each of `diagnostics` that carries one for this
    /// version of the document.
    pub(super) fn quick_fixes(
        &self,
        diagnostics: &[lsp_types::Diagnostic],
    ) -> Vec<CodeActionOrCommand> {
        diagnostics
            .iter()
            .filter_map(|diagnostic| {
                let data: Data = serde_json::from_value(diagnostic.data.clone()?).ok()?;
                let fix = data.fix.filter(|_| data.version == self.version)?;
                Some(CodeActionOrCommand::CodeAction(CodeAction {
                    title: fix.title,
                    kind: Some(CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic.clone()]),
                    edit: Some(self.edit(fix.edits)),
                    is_preferred: Some(fix.safe),
                    ..CodeAction::default()
                }))
            })
            .collect()
    }

    /// "Fix all safe": the one edit that turns `before` into `after` (the
    /// text after every safe fix), the unchanged start and end left alone so
    /// the cursor stays where it is; `None` when nothing changes.
    pub(super) fn fix_all(
        &self,
        before: Lines<'_>,
        after: &str,
        lang: Lang,
    ) -> Option<CodeActionOrCommand> {
        let old = before.text;
        if old == after {
            return None;
        }
        let prefix = common_prefix(old, after);
        let suffix = common_suffix(&old[prefix..], &after[prefix..]);
        let edit = TextEdit {
            range: before.range(prefix, old.len() - suffix),
            new_text: after[prefix..after.len() - suffix].to_owned(),
        };
        Some(CodeActionOrCommand::CodeAction(CodeAction {
            title: lang
                .pick(
                    "disclint：应用全部安全修复",
                    "disclint: apply every safe fix",
                )
                .to_owned(),
            kind: Some(fix_all_kind()),
            edit: Some(self.edit(vec![edit])),
            ..CodeAction::default()
        }))
    }
}

/// The length in bytes of the longest common start of `a` and `b`, on a
/// character boundary.
fn common_prefix(a: &str, b: &str) -> usize {
    a.char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((at, _), _)| at)
}

/// The length in bytes of the longest common end of `a` and `b`, on a
/// character boundary.
fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_asked_for_cover_their_sub_kinds_only() {
        let kind = fix_all_kind();
        assert!(wanted(None, &kind));
        assert!(wanted(Some(&[CodeActionKind::SOURCE]), &kind));
        assert!(wanted(Some(&[CodeActionKind::SOURCE_FIX_ALL]), &kind));
        assert!(!wanted(Some(&[CodeActionKind::QUICKFIX]), &kind));
        assert!(!wanted(Some(&[CodeActionKind::new("sour")]), &kind));
    }

    #[test]
    fn the_common_start_and_end_are_whole_characters() {
        assert_eq!(common_prefix("年度（一）", "年度(一)"), "年度".len());
        assert_eq!(common_suffix("（一）报告", "(一)报告"), "报告".len());
        assert_eq!(common_prefix("ab", "abc"), 2);
        assert_eq!(common_suffix("", "x"), 0);
    }
}
