//! A check run with the cross-file stage: the inputs through the pipeline
//! in parallel, then — when a `Y` rule can fire — the stage over all of
//! them before any result is handed on.
//!
//! Results stream in input order as soon as each is done unless a `Y` rule
//! is enabled and there are two inputs or more, or last year's reports
//! (`--previous`): then every result is held until the last file is read,
//! since a finding about the first file may need the last one. Holding them
//! costs memory (the texts, for the renderers), not time; a second pass
//! over the files would cost a second read of every file instead, and could
//! read a file that changed in between (see `docs/cross-year.md`, where both
//! were measured).

use std::path::{Path, PathBuf};

use super::{cross_check, CrossOptions, Facts, Member};
use crate::diagnostic::{sort_in_text_order, Diagnostic};
use crate::input::Input;
use crate::lint::Linter;
use crate::rules::years::cross_rules;
use crate::run::{for_each_ordered, FileResult, Pipeline};
use crate::source::SourceFile;

/// Last year's reports (`--previous`): read for their facts, never checked.
#[derive(Debug, Clone, Copy)]
pub struct Previous<'a> {
    /// The reports, as found.
    pub inputs: &'a [Input],
    /// The settings of the cross-file rules.
    pub options: &'a CrossOptions,
}

/// A report of last year that could not be read: its path and the reader's
/// diagnostic (the run goes on without it).
pub type Unread = (String, Diagnostic);

/// Whether a `Y` rule can fire on `count` inputs with `previous`: one is
/// enabled for some input, and there is more than one report.
fn can_fire<'p>(
    pipeline_of: &impl Fn(usize) -> Pipeline<'p>,
    count: usize,
    previous: &Previous<'_>,
) -> bool {
    let enabled = |linter: &Linter| {
        let selection = &linter.options().selection;
        cross_rules().iter().any(|r| selection.is_enabled(r.meta()))
    };
    (count > 1 || (count == 1 && !previous.inputs.is_empty()))
        && (0..count).any(|i| enabled(pipeline_of(i).linter))
}

/// Runs every input through its pipeline (`pipeline_of(index)`: each file
/// is checked with the settings of its own scope) and hands the results to
/// `consume` with their index, in input order, with the cross-file findings
/// when a `Y` rule can fire (see the module documentation). Gives last
/// year's reports that could not be read.
pub fn check_inputs<'p>(
    pipeline_of: &(impl Fn(usize) -> Pipeline<'p> + Sync),
    inputs: &[Input],
    previous: &Previous<'_>,
    mut consume: impl FnMut(usize, FileResult),
) -> Vec<Unread> {
    if !can_fire(pipeline_of, inputs.len(), previous) {
        for_each_ordered(
            inputs.len(),
            None,
            |i| (i, pipeline_of(i).process(&inputs[i])),
            |(i, result)| consume(i, result),
        );
        return Vec::new();
    }
    let mut processed = Vec::with_capacity(inputs.len());
    for_each_ordered(
        inputs.len(),
        None,
        |i| pipeline_of(i).process_with_facts(&inputs[i]),
        |done| processed.push(done),
    );
    let checked: Vec<PathBuf> = inputs
        .iter()
        .filter_map(|input| match input {
            Input::File { path, .. } => Some(identity(path)),
            Input::Failed { .. } => None,
        })
        .collect();
    finish(pipeline_of, processed, previous, &checked, &mut consume)
}

/// [`check_inputs`] for one report given as bytes (standard input).
pub fn check_bytes(
    pipeline: &Pipeline<'_>,
    name: &str,
    bytes: Vec<u8>,
    previous: &Previous<'_>,
    mut consume: impl FnMut(FileResult),
) -> Vec<Unread> {
    let pipeline_of = |_| *pipeline;
    let facts = can_fire(&pipeline_of, 1, previous);
    let processed = pipeline.process_bytes_with_facts(name, bytes, facts);
    if !facts {
        consume(processed.0);
        return Vec::new();
    }
    finish(
        &pipeline_of,
        vec![processed],
        previous,
        &[],
        &mut |_, result| consume(result),
    )
}

/// A path as the same file is known by, however it was named.
fn identity(path: &Path) -> PathBuf {
    path.canonicalize().unwrap_or_else(|_| path.to_path_buf())
}

/// Reads last year's reports (but those among the inputs), runs the
/// cross-file stage, adds its findings to the results and hands them on.
///
/// Last year's reports are read, and the `Y` rules run, with the settings
/// of the first input's scope; each file's own ignores then apply to the
/// findings about it.
fn finish<'p>(
    pipeline_of: &impl Fn(usize) -> Pipeline<'p>,
    processed: Vec<(FileResult, Option<Facts>)>,
    previous: &Previous<'_>,
    checked: &[PathBuf],
    consume: &mut impl FnMut(usize, FileResult),
) -> Vec<Unread> {
    let pipeline = pipeline_of(0);
    let others: Vec<&Input> = previous
        .inputs
        .iter()
        .filter(|input| match input {
            Input::File { path, .. } => !checked.contains(&identity(path)),
            Input::Failed { .. } => true,
        })
        .collect();
    let mut members = Vec::new();
    let mut unread = Vec::new();
    for_each_ordered(
        others.len(),
        None,
        |i| pipeline.facts_of(others[i]),
        |read| match read {
            Ok((path, facts)) => members.push(Member {
                path,
                facts,
                checked: false,
            }),
            Err(failed) => unread.push(*failed),
        },
    );
    let mut results = Vec::with_capacity(processed.len());
    let mut owners = Vec::new();
    let mut own = Vec::new();
    for (result, facts) in processed {
        if let Some(facts) = facts {
            owners.push(results.len());
            own.push(Member {
                path: result.path.clone(),
                facts,
                checked: true,
            });
        }
        results.push(result);
    }
    own.append(&mut members);
    let mut found = cross_check(pipeline.linter, &own, previous.options);
    drop(own);
    for (member, &result) in owners.iter().enumerate() {
        pipeline_of(result).add_findings(&mut results[result], std::mem::take(&mut found[member]));
    }
    for (index, result) in results.into_iter().enumerate() {
        consume(index, result);
    }
    unread
}

/// Checks reports held in memory together (tests, embedders): for each
/// `(source, checked)`, its own findings and the cross-file ones, in text
/// order (none for a source that is not `checked`, which is only compared
/// with, as `--previous` reports are).
pub fn check_sources(
    linter: &Linter,
    sources: &[(SourceFile, bool)],
    options: &CrossOptions,
) -> Vec<Vec<Diagnostic>> {
    let mut members = Vec::with_capacity(sources.len());
    let mut own = Vec::with_capacity(sources.len());
    for (source, checked) in sources {
        let analysis = linter.analyze(source);
        let format = linter.formats().get(analysis.report.edition);
        own.push(if *checked {
            linter.check(source, &analysis)
        } else {
            Vec::new()
        });
        members.push(Member {
            path: source.path.clone(),
            facts: Facts::of(source, &analysis.doc, &analysis.report, format),
            checked: *checked,
        });
    }
    let found = cross_check(linter, &members, options);
    own.into_iter()
        .zip(found)
        .map(|(mut diagnostics, found)| {
            diagnostics.extend(found);
            sort_in_text_order(&mut diagnostics);
            diagnostics
        })
        .collect()
}
