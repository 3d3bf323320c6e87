//! The session with one client: the `initialize` handshake (position
//! encoding, capabilities), then the loop over its messages, the checks
//! done and the debounce deadlines, until `exit`.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::time::{Duration, Instant};

use crossbeam_channel::{after, never, select};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{
    DidChangeConfiguration, DidChangeTextDocument, DidChangeWatchedFiles, DidCloseTextDocument,
    DidOpenTextDocument, DidSaveTextDocument, Notification as _, PublishDiagnostics, ShowMessage,
};
use lsp_types::request::{
    CodeActionRequest, DocumentDiagnosticRequest, HoverRequest, RegisterCapability, Request as _,
    WorkspaceDiagnosticRefresh,
};
use lsp_types::{
    ClientCapabilities, CodeActionKind, CodeActionOptions, CodeActionParams,
    CodeActionProviderCapability, DiagnosticOptions, DiagnosticServerCapabilities,
    DidChangeWatchedFilesRegistrationOptions, DocumentDiagnosticParams, DocumentDiagnosticReport,
    DocumentDiagnosticReportResult, FileSystemWatcher, FullDocumentDiagnosticReport, GlobPattern,
    HoverParams, HoverProviderCapability, InitializeParams, InitializeResult, MessageType,
    PublishDiagnosticsParams, Registration, RegistrationParams,
    RelatedFullDocumentDiagnosticReport, RelatedUnchangedDocumentDiagnosticReport, SaveOptions,
    ServerCapabilities, ServerInfo, ShowMessageParams, TextDocumentSyncCapability,
    TextDocumentSyncKind, TextDocumentSyncOptions, TextDocumentSyncSaveOptions,
    UnchangedDocumentDiagnosticReport, Url,
};

use super::actions::{fix_all_kind, wanted, Target};
use super::checker::{guard, process, Checker, Done, Form, Job};
use super::diagnostics::Data;
use super::documents::{Content, Document, Documents};
use super::encoding::{self, Lines};
use super::settings::{ClientSettings, Settings};
use super::{hover, ServerError, ServerOptions};
use crate::config::FILE_NAME;
use crate::fix::FixOptions;
use crate::line_index::ColumnUnit;
use crate::run::FixMode;
use crate::suppress::DEFAULT_FILE;
use crate::{tr, Lang};

/// What the client can do, as far as the server cares.
#[derive(Debug, Clone, Copy, Default)]
struct Client {
    /// It pulls diagnostics (`textDocument/diagnostic`): they are not also
    /// pushed, or the editor would show each twice (as Ruff does).
    pull: bool,
    /// It asks for pulls again on `workspace/diagnostic/refresh`.
    refresh: bool,
    /// It shows related information.
    related: bool,
    /// It takes versioned `documentChanges` in workspace edits.
    versioned: bool,
    /// It lets the server register file watchers.
    watch: bool,
}

impl Client {
    fn of(capabilities: &ClientCapabilities) -> Client {
        let text = capabilities.text_document.as_ref();
        let workspace = capabilities.workspace.as_ref();
        Client {
            pull: text.is_some_and(|t| t.diagnostic.is_some()),
            refresh: workspace
                .and_then(|w| w.diagnostic.as_ref()?.refresh_support)
                .unwrap_or(false),
            related: text
                .and_then(|t| t.publish_diagnostics.as_ref()?.related_information)
                .unwrap_or(false),
            versioned: workspace
                .and_then(|w| w.workspace_edit.as_ref()?.document_changes)
                .unwrap_or(false),
            watch: workspace
                .and_then(|w| w.did_change_watched_files.as_ref()?.dynamic_registration)
                .unwrap_or(false),
        }
    }
}

/// The latest diagnostics of a document.
struct Checked {
    /// The version they are of.
    version: i32,
    /// Their `resultId` for pulls: new for every check.
    result_id: String,
    /// The diagnostics.
    diagnostics: Vec<lsp_types::Diagnostic>,
}

/// What the loop does after a message.
enum Flow {
    Continue,
    Exit(Result<(), ServerError>),
}

/// One client's session.
pub(super) struct Session {
    connection: Connection,
    unit: ColumnUnit,
    client: Client,
    lang: Lang,
    debounce: Duration,
    settings: Settings,
    documents: Documents,
    checker: Checker,
    /// When each document is due to be checked.
    pending: HashMap<Url, Instant>,
    /// The version of each document a check is under way for.
    in_flight: HashMap<Url, i32>,
    /// The latest check of each document.
    checked: HashMap<Url, Checked>,
    /// Pulls waiting for a check of the latest version.
    pulls: HashMap<Url, Vec<RequestId>>,
    /// Documents whose last check panicked (told once, until one passes).
    failed: HashSet<Url>,
    /// Problems with settings already told.
    told: HashSet<String>,
    /// Checks done, for `resultId`s.
    checks: u64,
    /// Requests sent to the client.
    requests: i32,
    shutdown: bool,
}

/// The `initialize` request's error for any request before it.
const NOT_INITIALIZED: i32 = -32002;

impl Session {
    /// Waits for `initialize`, answers it, and returns the session.
    pub(super) fn start(
        connection: Connection,
        options: ServerOptions,
    ) -> Result<Session, ServerError> {
        let (id, params) = loop {
            match connection.receiver.recv() {
                Ok(Message::Request(request)) if request.method == "initialize" => {
                    let params: InitializeParams = serde_json::from_value(request.params)
                        .map_err(|error| ServerError(format!("initialize: {error}")))?;
                    break (request.id, params);
                }
                Ok(Message::Request(request)) => {
                    let response = Response::new_err(
                        request.id,
                        NOT_INITIALIZED,
                        "the server is not initialized".to_owned(),
                    );
                    let _ = connection.sender.send(response.into());
                }
                Ok(Message::Notification(notification)) if notification.method == "exit" => {
                    return Err(ServerError("exit before initialize".to_owned()));
                }
                Ok(_) => {}
                Err(_) => return Err(ServerError("the client went away".to_owned())),
            }
        };
        let unit = encoding::negotiate(&params.capabilities);
        let client = Client::of(&params.capabilities);
        let (client_settings, settings_problem) = match &params.initialization_options {
            Some(value) => match ClientSettings::from_value(value) {
                Ok(settings) => (settings, None),
                Err(problem) => (ClientSettings::default(), Some(problem)),
            },
            None => (ClientSettings::default(), None),
        };
        let result = InitializeResult {
            capabilities: capabilities(unit),
            server_info: Some(ServerInfo {
                name: "disclint".to_owned(),
                version: Some(env!("CARGO_PKG_VERSION").to_owned()),
            }),
        };
        let answer = serde_json::to_value(result).map_err(|e| ServerError(e.to_string()))?;
        connection
            .sender
            .send(Response::new_ok(id, answer).into())
            .map_err(|_| ServerError("the client went away".to_owned()))?;
        let checker = Checker::start().map_err(|e| ServerError(e.to_string()))?;
        let cwd = std::env::current_dir().unwrap_or_default();
        let lang = client_settings.lang.unwrap_or(options.lang);
        let mut session = Session {
            connection,
            unit,
            client,
            lang,
            debounce: options.debounce,
            settings: Settings::new(options, client_settings, cwd),
            documents: Documents::default(),
            checker,
            pending: HashMap::new(),
            in_flight: HashMap::new(),
            checked: HashMap::new(),
            pulls: HashMap::new(),
            failed: HashSet::new(),
            told: HashSet::new(),
            checks: 0,
            requests: 0,
            shutdown: false,
        };
        if let Some(problem) = settings_problem {
            session.tell_settings_problem(&problem);
        }
        Ok(session)
    }

    /// Serves until `exit`.
    pub(super) fn run(mut self) -> Result<(), ServerError> {
        let messages = self.connection.receiver.clone();
        let done = self.checker.done.clone();
        loop {
            let timer = match self.pending.values().min() {
                Some(due) => after(due.saturating_duration_since(Instant::now())),
                None => never(),
            };
            select! {
                recv(messages) -> message => match message {
                    Ok(message) => {
                        if let Flow::Exit(result) = self.handle(message) {
                            return result;
                        }
                    }
                    Err(_) if self.shutdown => return Ok(()),
                    Err(_) => return Err(ServerError("the client went away without exit".to_owned())),
                },
                recv(done) -> finished => {
                    if let Ok(finished) = finished {
                        self.finish(finished);
                    }
                }
                recv(timer) -> _ => {}
            }
            self.dispatch_due();
        }
    }

    fn handle(&mut self, message: Message) -> Flow {
        match message {
            Message::Request(request) => self.request(request),
            Message::Notification(notification) => return self.notification(notification),
            // Answers to registrations and refreshes: nothing to do.
            Message::Response(_) => {}
        }
        Flow::Continue
    }

    fn request(&mut self, request: Request) {
        let id = request.id.clone();
        if self.shutdown {
            return self.respond_error(id, ErrorCode::InvalidRequest, "shut down");
        }
        let method = request.method.clone();
        let answered = guard(|| match method.as_str() {
            "shutdown" => {
                self.shutdown = true;
                self.respond(id.clone(), serde_json::Value::Null);
            }
            CodeActionRequest::METHOD => match request.extract(CodeActionRequest::METHOD) {
                Ok((id, params)) => {
                    let actions = self.code_actions(params);
                    self.respond(id, actions);
                }
                Err(error) => self.bad_params(id.clone(), &error),
            },
            HoverRequest::METHOD => match request.extract(HoverRequest::METHOD) {
                Ok((id, params)) => {
                    let hover = self.hover(params);
                    self.respond(id, hover);
                }
                Err(error) => self.bad_params(id.clone(), &error),
            },
            DocumentDiagnosticRequest::METHOD => {
                match request.extract(DocumentDiagnosticRequest::METHOD) {
                    Ok((id, params)) => self.pull(id, params),
                    Err(error) => self.bad_params(id.clone(), &error),
                }
            }
            _ => self.respond_error(id.clone(), ErrorCode::MethodNotFound, &method),
        });
        if let Err(panic) = answered {
            let message = tr!(
                self.lang,
                "disclint 处理请求 {} 时出错（这是 disclint 的缺陷，请报告）：{}",
                "disclint failed on a {} request (a bug in disclint, please report it): {}",
                method,
                panic
            );
            self.respond_error(id, ErrorCode::InternalError, &message);
        }
    }

    fn notification(&mut self, notification: Notification) -> Flow {
        if notification.method == "exit" {
            return Flow::Exit(if self.shutdown {
                Ok(())
            } else {
                Err(ServerError("exit without shutdown".to_owned()))
            });
        }
        let result = guard(|| self.notify(notification));
        if let Err(panic) = result {
            self.show(MessageType::ERROR, panic);
        }
        Flow::Continue
    }

    fn notify(&mut self, notification: Notification) {
        let params = notification.params;
        match notification.method.as_str() {
            "initialized" => self.register_watchers(),
            DidOpenTextDocument::METHOD => {
                let Some(params) = read::<lsp_types::DidOpenTextDocumentParams>(params) else {
                    return;
                };
                let item = params.text_document;
                let cwd = std::env::current_dir().unwrap_or_default();
                if let Some(document) =
                    Document::open(&item.uri, &item.language_id, item.version, item.text, &cwd)
                {
                    self.documents.insert(item.uri.clone(), document);
                    self.schedule(item.uri, Duration::ZERO);
                }
            }
            DidChangeTextDocument::METHOD => {
                let Some(params) = read::<lsp_types::DidChangeTextDocumentParams>(params) else {
                    return;
                };
                let uri = params.text_document.uri;
                if let Some(document) = self.documents.get_mut(&uri) {
                    let read_only = document.content != Content::Buffer;
                    document.change(
                        params.text_document.version,
                        params.content_changes,
                        self.unit,
                    );
                    if !read_only {
                        self.schedule(uri, self.debounce);
                    }
                }
            }
            DidSaveTextDocument::METHOD => {
                let Some(params) = read::<lsp_types::DidSaveTextDocumentParams>(params) else {
                    return;
                };
                let uri = params.text_document.uri;
                if is_settings_file(&uri) {
                    self.reload();
                } else if self.documents.get(&uri).is_some() {
                    self.schedule(uri, Duration::ZERO);
                }
            }
            DidCloseTextDocument::METHOD => {
                let Some(params) = read::<lsp_types::DidCloseTextDocumentParams>(params) else {
                    return;
                };
                self.close(&params.text_document.uri);
            }
            DidChangeConfiguration::METHOD => {
                let Some(params) = read::<lsp_types::DidChangeConfigurationParams>(params) else {
                    return;
                };
                match ClientSettings::from_value(&params.settings) {
                    Ok(settings) => {
                        self.lang = settings.lang.unwrap_or(self.lang);
                        self.settings.set_client(settings);
                        self.reload();
                    }
                    Err(problem) => self.tell_settings_problem(&problem),
                }
            }
            DidChangeWatchedFiles::METHOD => {
                let Some(params) = read::<lsp_types::DidChangeWatchedFilesParams>(params) else {
                    return;
                };
                if params
                    .changes
                    .iter()
                    .any(|change| is_settings_file(&change.uri))
                {
                    self.reload();
                }
            }
            "$/cancelRequest" => {
                let Some(params) = read::<lsp_types::CancelParams>(params) else {
                    return;
                };
                let id = match params.id {
                    lsp_types::NumberOrString::Number(n) => RequestId::from(n),
                    lsp_types::NumberOrString::String(s) => RequestId::from(s),
                };
                let mut cancelled = false;
                for waiting in self.pulls.values_mut() {
                    let before = waiting.len();
                    waiting.retain(|w| *w != id);
                    cancelled |= waiting.len() != before;
                }
                if cancelled {
                    self.respond_error(id, ErrorCode::RequestCanceled, "cancelled");
                }
            }
            _ => {}
        }
    }

    /// Checks `uri` after `delay`: a change postpones the check already
    /// due (typing does not queue work); an immediate one never waits for it.
    fn schedule(&mut self, uri: Url, delay: Duration) {
        let due = Instant::now() + delay;
        let entry = self.pending.entry(uri).or_insert(due);
        *entry = if delay.is_zero() {
            (*entry).min(due)
        } else {
            due
        };
    }

    /// Hands the checks that are due to the checker.
    fn dispatch_due(&mut self) {
        let now = Instant::now();
        let due: Vec<Url> = self
            .pending
            .iter()
            .filter(|(_, at)| **at <= now)
            .map(|(uri, _)| uri.clone())
            .collect();
        for uri in due {
            self.pending.remove(&uri);
            let Some(document) = self.documents.get(&uri) else {
                continue;
            };
            let snapshot = document.snapshot();
            let settings = self.settings.for_document(document.path.as_deref());
            if let Some(problem) = &settings.problem {
                self.tell_settings_problem(problem);
            }
            self.in_flight.insert(uri.clone(), snapshot.version);
            self.checker.submit(Job {
                uri,
                snapshot,
                settings,
                form: Form {
                    unit: self.unit,
                    related: self.client.related,
                    rules_url: self.settings.rules_url(),
                },
            });
        }
    }

    /// Takes a check done: shown if it is of the latest version.
    fn finish(&mut self, done: Done) {
        let Some(document) = self.documents.get(&done.uri) else {
            return;
        };
        if self.in_flight.get(&done.uri) == Some(&done.version) {
            self.in_flight.remove(&done.uri);
        }
        if document.version != done.version || self.pending.contains_key(&done.uri) {
            return;
        }
        let name = document.name.clone();
        let diagnostics = match done.outcome {
            Ok(diagnostics) => {
                self.failed.remove(&done.uri);
                diagnostics
            }
            Err(panic) => {
                if self.failed.insert(done.uri.clone()) {
                    let message = tr!(
                        self.lang,
                        "disclint 检查 {} 时出错（这是 disclint 的缺陷，请报告）：{}。其他文档照常检查。",
                        "disclint failed while checking {} (a bug in disclint, please report it): {}. Other documents are checked as usual.",
                        name,
                        panic
                    );
                    self.show(MessageType::ERROR, message);
                }
                Vec::new()
            }
        };
        self.checks += 1;
        let checked = Checked {
            version: done.version,
            result_id: self.checks.to_string(),
            diagnostics,
        };
        if !self.client.pull {
            self.publish(&done.uri, checked.diagnostics.clone(), Some(done.version));
        }
        for id in self.pulls.remove(&done.uri).unwrap_or_default() {
            self.respond(id, report(&checked, None));
        }
        self.checked.insert(done.uri, checked);
    }

    /// `textDocument/diagnostic`: the latest check's findings, or those of
    /// the check of this version once it is done.
    fn pull(&mut self, id: RequestId, params: DocumentDiagnosticParams) {
        let uri = params.text_document.uri;
        let Some(document) = self.documents.get(&uri) else {
            let empty = Checked {
                version: 0,
                result_id: String::new(),
                diagnostics: Vec::new(),
            };
            return self.respond(id, report(&empty, None));
        };
        let version = document.version;
        let current = self
            .checked
            .get(&uri)
            .filter(|checked| checked.version == version && !self.pending.contains_key(&uri));
        if let Some(checked) = current {
            let answer = report(checked, params.previous_result_id.as_deref());
            return self.respond(id, answer);
        }
        self.pulls.entry(uri.clone()).or_default().push(id);
        if self.in_flight.get(&uri) != Some(&version) && !self.pending.contains_key(&uri) {
            self.schedule(uri, Duration::ZERO);
        }
    }

    /// `textDocument/codeAction`: the quick fix of each finding in the
    /// context, and "fix all safe" when a safe fix is there to apply.
    fn code_actions(&mut self, params: CodeActionParams) -> Vec<lsp_types::CodeActionOrCommand> {
        let uri = params.text_document.uri;
        let Some(document) = self.documents.get(&uri) else {
            return Vec::new();
        };
        let target = Target {
            uri: &uri,
            version: document.version,
            versioned: self.client.versioned,
        };
        let only = params.context.only.as_deref();
        let mut actions = Vec::new();
        if wanted(only, &CodeActionKind::QUICKFIX) {
            actions.extend(target.quick_fixes(&params.context.diagnostics));
        }
        let asked_for_all = only.is_some_and(|only| {
            only.iter()
                .any(|kind| kind.as_str().starts_with(CodeActionKind::SOURCE.as_str()))
        });
        let safe_fix_known = self.checked.get(&uri).is_some_and(|checked| {
            checked.version == document.version && checked.diagnostics.iter().any(has_safe_fix)
        });
        if document.content == Content::Buffer
            && wanted(only, &fix_all_kind())
            && (asked_for_all || safe_fix_known)
        {
            let settings = self.settings.for_document(document.path.as_deref());
            let mode = FixMode {
                options: FixOptions::default(),
                write: false,
            };
            let result = process(&document.snapshot(), &settings, Some(mode));
            if let (Some(_), Some(fixed)) = (&result.original, &result.source) {
                let before = Lines {
                    text: &document.text,
                    index: &document.index,
                    unit: self.unit,
                };
                actions.extend(target.fix_all(before, &fixed.text, settings.lang));
            }
        }
        actions
    }

    /// `textDocument/hover`: the explanation of the rules of the findings
    /// under the cursor.
    fn hover(&mut self, params: HoverParams) -> Option<lsp_types::Hover> {
        let position = params.text_document_position_params;
        let uri = position.text_document.uri;
        let document = self.documents.get(&uri)?;
        let checked = self
            .checked
            .get(&uri)
            .filter(|checked| checked.version == document.version)?;
        let settings = self.settings.for_document(document.path.as_deref());
        hover::hover(
            position.position,
            &checked.diagnostics,
            settings.linter.registry(),
            settings.lang,
        )
    }

    /// A closed document: forgotten, its findings cleared from the editor.
    fn close(&mut self, uri: &Url) {
        self.documents.remove(uri);
        self.checker.forget(uri);
        self.pending.remove(uri);
        self.in_flight.remove(uri);
        self.checked.remove(uri);
        self.failed.remove(uri);
        let empty = Checked {
            version: 0,
            result_id: String::new(),
            diagnostics: Vec::new(),
        };
        for id in self.pulls.remove(uri).unwrap_or_default() {
            self.respond(id, report(&empty, None));
        }
        if !self.client.pull {
            self.publish(uri, Vec::new(), None);
        }
    }

    /// The settings changed: every document is checked again with its
    /// settings built anew; a pulling client is asked to pull again.
    fn reload(&mut self) {
        self.settings.reload();
        self.told.clear();
        for uri in self.documents.uris() {
            self.schedule(uri, Duration::ZERO);
        }
        if self.client.pull && self.client.refresh {
            self.send_request(WorkspaceDiagnosticRefresh::METHOD, serde_json::Value::Null);
        }
    }

    /// Asks the client to tell of changes to configuration and
    /// suppressions files, where it lets the server register watchers.
    fn register_watchers(&mut self) {
        if !self.client.watch {
            return;
        }
        let watchers = [FILE_NAME, DEFAULT_FILE]
            .map(|name| FileSystemWatcher {
                glob_pattern: GlobPattern::String(format!("**/{name}")),
                kind: None,
            })
            .to_vec();
        let registration = Registration {
            id: "disclint-settings-files".to_owned(),
            method: DidChangeWatchedFiles::METHOD.to_owned(),
            register_options: serde_json::to_value(DidChangeWatchedFilesRegistrationOptions {
                watchers,
            })
            .ok(),
        };
        let params = RegistrationParams {
            registrations: vec![registration],
        };
        self.send_request(RegisterCapability::METHOD, params);
    }

    /// Tells a problem with the settings, once until they change.
    fn tell_settings_problem(&mut self, problem: &str) {
        if self.told.insert(problem.to_owned()) {
            self.show(MessageType::WARNING, problem.to_owned());
        }
    }

    fn show(&self, typ: MessageType, message: String) {
        self.notify_client(ShowMessage::METHOD, ShowMessageParams { typ, message });
    }

    fn publish(&self, uri: &Url, diagnostics: Vec<lsp_types::Diagnostic>, version: Option<i32>) {
        let params = PublishDiagnosticsParams {
            uri: uri.clone(),
            diagnostics,
            version,
        };
        self.notify_client(PublishDiagnostics::METHOD, params);
    }

    fn notify_client(&self, method: &str, params: impl serde::Serialize) {
        let notification = Notification::new(method.to_owned(), params);
        // A client gone is noticed by the loop.
        let _ = self.connection.sender.send(notification.into());
    }

    fn send_request(&mut self, method: &str, params: impl serde::Serialize) {
        self.requests += 1;
        let id = RequestId::from(format!("disclint-{}", self.requests));
        let request = Request::new(id, method.to_owned(), params);
        let _ = self.connection.sender.send(request.into());
    }

    fn respond(&self, id: RequestId, result: impl serde::Serialize) {
        let _ = self
            .connection
            .sender
            .send(Response::new_ok(id, result).into());
    }

    fn respond_error(&self, id: RequestId, code: ErrorCode, message: &str) {
        let response = Response::new_err(id, code as i32, message.to_owned());
        let _ = self.connection.sender.send(response.into());
    }

    fn bad_params(&self, id: RequestId, error: &dyn std::fmt::Display) {
        self.respond_error(id, ErrorCode::InvalidParams, &error.to_string());
    }
}

/// The server's capabilities: the negotiated encoding, incremental sync
/// (with saves, for Word documents read from disk), pull diagnostics, code
/// actions and hover.
fn capabilities(unit: ColumnUnit) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding::kind(unit)),
        text_document_sync: Some(TextDocumentSyncCapability::Options(
            TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(TextDocumentSyncKind::INCREMENTAL),
                save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                    include_text: Some(false),
                })),
                ..TextDocumentSyncOptions::default()
            },
        )),
        diagnostic_provider: Some(DiagnosticServerCapabilities::Options(DiagnosticOptions {
            identifier: Some("disclint".to_owned()),
            inter_file_dependencies: false,
            workspace_diagnostics: false,
            ..DiagnosticOptions::default()
        })),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, fix_all_kind()]),
            ..CodeActionOptions::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        ..ServerCapabilities::default()
    }
}

/// The answer to a pull: unchanged when the client has this check already.
fn report(checked: &Checked, previous: Option<&str>) -> DocumentDiagnosticReportResult {
    let result_id = Some(checked.result_id.clone()).filter(|id| !id.is_empty());
    let report = if previous.is_some() && previous == result_id.as_deref() {
        DocumentDiagnosticReport::Unchanged(RelatedUnchangedDocumentDiagnosticReport {
            related_documents: None,
            unchanged_document_diagnostic_report: UnchangedDocumentDiagnosticReport {
                result_id: checked.result_id.clone(),
            },
        })
    } else {
        DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
            related_documents: None,
            full_document_diagnostic_report: FullDocumentDiagnosticReport {
                result_id,
                items: checked.diagnostics.clone(),
            },
        })
    };
    DocumentDiagnosticReportResult::Report(report)
}

/// A notification's parameters; `None` when they do not read (the
/// notification is ignored: a notification has no answer to refuse it with).
fn read<T: serde::de::DeserializeOwned>(params: serde_json::Value) -> Option<T> {
    serde_json::from_value(params).ok()
}

/// Whether a diagnostic carries a safe fix.
fn has_safe_fix(diagnostic: &lsp_types::Diagnostic) -> bool {
    diagnostic
        .data
        .clone()
        .and_then(|data| serde_json::from_value::<Data>(data).ok())
        .and_then(|data| data.fix)
        .is_some_and(|fix| fix.safe)
}

/// Whether `uri` is a configuration or suppressions file.
fn is_settings_file(uri: &Url) -> bool {
    let name = Path::new(uri.path()).file_name();
    name.is_some_and(|name| name == FILE_NAME || name == DEFAULT_FILE)
}
