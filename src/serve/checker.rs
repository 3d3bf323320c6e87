//! Where requests meet the library: the linter a request's options ask for
//! (built as `check` builds it from the configuration and its flags), the
//! input options, and the slots checks run in, off the async threads.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use tokio::sync::Semaphore;

use super::error::ApiError;
use super::query::Params;
use super::upload::Upload;
use super::{Limits, ServeOptions, Service};
use crate::config::selectors;
use crate::input::InputOptions;
use crate::lint::{LintOptions, Linter};
use crate::render::{render_to_string, OutputFormat, RenderOptions};
use crate::rules::{Selection, Selector};
use crate::run::{FileResult, Pipeline, Summary};
use crate::{Edition, Lang};

/// The linters and the check slots.
pub(super) struct Checker {
    options: ServeOptions,
    /// The configured linter in Chinese and in English, for the requests
    /// that ask for no rules or edition of their own.
    configured: [Arc<Linter>; 2],
    /// The linters built for requests with rules or an edition of their
    /// own, by what they asked for: a platform asks the same way every
    /// time, and a linter builds its formats on first use.
    asked: Mutex<HashMap<Asked, Arc<Linter>>>,
    /// One permit per check that may run at once.
    slots: Arc<Semaphore>,
}

/// How many linters [`Checker::asked`] keeps (it starts over when full).
const ASKED: usize = 32;

/// What a request's linter was built for: its language (by
/// [`index`]), `select`, `ignore` and `edition`.
type Asked = (usize, Option<Vec<String>>, Vec<String>, Option<Edition>);

/// The index of a language in [`Checker::configured`].
fn index(lang: Lang) -> usize {
    match lang {
        Lang::Zh => 0,
        Lang::En => 1,
    }
}

impl Checker {
    /// The checker for `options`; a selector of the configuration that
    /// names no rule stops it (as it stops `check`).
    pub(super) fn new(mut options: ServeOptions) -> Result<Checker, Selector> {
        // `pdftotext` gets no more time than the request, and the PDF on
        // its standard input: nothing is written to disk.
        let time = options
            .pdftotext
            .time_limit()
            .min(options.limits.time_limit);
        options.pdftotext = options
            .pdftotext
            .clone()
            .timeout(time)
            .through_standard_input();
        let selection = || options.config.selection(None, Vec::new(), Vec::new());
        let configured = [Lang::Zh, Lang::En]
            .map(|lang| Arc::new(Linter::new(lint_options(&options, selection(), lang, None))));
        if let Some(selector) = configured[0].unknown_selector() {
            return Err(selector);
        }
        Ok(Checker {
            asked: Mutex::new(HashMap::new()),
            slots: Arc::new(Semaphore::new(options.limits.checks.max(1))),
            configured,
            options,
        })
    }

    /// The limits in force.
    pub(super) fn limits(&self) -> &Limits {
        &self.options.limits
    }

    /// The language of answers that ask for none.
    pub(super) fn lang(&self) -> Lang {
        self.options.lang
    }

    /// The configured linter in `lang` (rules as the configuration selects
    /// them).
    pub(super) fn configured(&self, lang: Lang) -> &Linter {
        &self.configured[index(lang)]
    }

    /// The linter for a request: the configured one, or one with the
    /// request's `select`, `ignore` and `edition` over the configuration,
    /// as `check --select … --ignore … --edition …` builds it.
    fn linter(&self, params: &Params) -> Result<Arc<Linter>, ApiError> {
        if !params.selects() {
            return Ok(Arc::clone(&self.configured[index(params.lang)]));
        }
        let key: Asked = (
            index(params.lang),
            params.select.clone(),
            params.ignore.clone(),
            params.edition,
        );
        if let Some(linter) = self.asked().get(&key).cloned() {
            return Ok(linter);
        }
        let selection = self.options.config.selection(
            params.select.as_deref().map(selectors),
            Vec::new(),
            selectors(&params.ignore),
        );
        let options = lint_options(&self.options, selection, params.lang, params.edition);
        let linter = Linter::new(options);
        if let Some(selector) = linter.unknown_selector() {
            return Err(ApiError::unknown_selector(params.lang, selector.as_str()));
        }
        let linter = Arc::new(linter);
        let mut asked = self.asked();
        if asked.len() >= ASKED {
            asked.clear();
        }
        asked.insert(key, Arc::clone(&linter));
        Ok(linter)
    }

    /// The linters built for requests, locked.
    fn asked(&self) -> std::sync::MutexGuard<'_, HashMap<Asked, Arc<Linter>>> {
        self.asked.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// How uploads are read: in `lang`, up to the body limit, PDFs through
    /// the service's `pdftotext`.
    fn input_options(&self, lang: Lang) -> InputOptions {
        InputOptions {
            lang,
            max_file_size: self.options.limits.max_body as u64,
            pdftotext: self.options.pdftotext.clone(),
            ..InputOptions::default()
        }
    }
}

/// The options of a linter of the service: the configuration's packs,
/// per-file ignores and edition (unless `edition` overrides it).
fn lint_options(
    options: &ServeOptions,
    selection: Selection,
    lang: Lang,
    edition: Option<Edition>,
) -> LintOptions {
    LintOptions {
        selection,
        lang,
        edition: edition.or(options.config.file.edition),
        packs: options.packs.clone(),
        per_file_ignores: options.config.per_file_ignores(),
    }
}

/// Runs `work` with the pipeline `check -` would run for `params` (no
/// suppressions, no fixes), in a check slot on a blocking thread. The wait
/// for a slot is bounded ([`Limits::queue_wait`], then 503); the slot is
/// held until the work ends, even when the request ran out of time and
/// was answered, so that no more checks than slots ever run.
pub(super) async fn run<T: Send + 'static>(
    service: &Arc<Service>,
    params: &Params,
    upload: Upload,
    work: impl FnOnce(&Pipeline<'_>, Upload) -> T + Send + 'static,
) -> Result<T, ApiError> {
    let checker = &service.checker;
    let linter = checker.linter(params)?;
    let input = checker.input_options(params.lang);
    let waited = checker.limits().queue_wait;
    let slot = tokio::time::timeout(waited, Arc::clone(&checker.slots).acquire_owned()).await;
    let Ok(Ok(slot)) = slot else {
        return Err(ApiError::busy(params.lang, waited));
    };
    let owner = Arc::clone(service);
    let task = tokio::task::spawn_blocking(move || {
        // Dropped in reverse: the slot is free before the count drops.
        let _running = owner.metrics.check();
        let _slot = slot;
        let pipeline = Pipeline {
            linter: &linter,
            input: &input,
            suppressions: None,
            fix: None,
            keep_report: false,
        };
        work(&pipeline, upload)
    });
    task.await.map_err(|_| {
        service
            .log
            .line("panic: a check panicked (message withheld); answered 500");
        ApiError::internal(params.lang)
    })
}

/// The result of a check, or the error when the report could not be read
/// (its input diagnostic, unless the request's rules switch it off: then,
/// as for `check`, the result with nothing found).
pub(super) fn readable(result: FileResult) -> Result<FileResult, ApiError> {
    match (&result.source, result.diagnostics.first()) {
        (None, Some(diagnostic)) => Err(ApiError::unreadable(diagnostic)),
        _ => Ok(result),
    }
}

/// The JSON document `check --format json` writes for this one result.
pub(super) fn check_json(linter: &Linter, result: &FileResult) -> String {
    let mut summary = Summary::default();
    summary.add(result);
    let lang = linter.options().lang;
    let options = RenderOptions::for_linter(linter, lang, false, 0);
    render_to_string(
        OutputFormat::Json,
        options,
        std::slice::from_ref(result),
        &summary,
    )
}
