//! The service's errors: every refusal is answered with a JSON body in the
//! request's language, `{"error": {"status", "code", "message", "rule"?}}`,
//! where `code` is stable for programs and `message` says what was wrong
//! and what to do.

use std::time::Duration;

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::{tr, Lang};

/// Marks a response as one of the service's errors, by its code (the
/// counters count refusals by it; the error filter leaves it as it is).
#[derive(Debug, Clone, Copy)]
pub(super) struct Refusal(pub(super) &'static str);

/// An error answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: String,
    /// The input rule (I001…) when the report could not be read.
    rule: Option<String>,
    /// Seconds to wait before trying again (503 when busy).
    retry_after: Option<u64>,
}

#[derive(Serialize)]
struct Body<'a> {
    error: Fields<'a>,
}

#[derive(Serialize)]
struct Fields<'a> {
    status: u16,
    code: &'a str,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule: Option<&'a str>,
}

impl ApiError {
    fn new(status: StatusCode, code: &'static str, message: String) -> Self {
        ApiError {
            status,
            code,
            message,
            rule: None,
            retry_after: None,
        }
    }

    /// The stable code (`body-too-large`, `unknown-kind`, …).
    #[cfg(test)]
    pub(super) fn code(&self) -> &'static str {
        self.code
    }

    /// No report in the body.
    pub(super) fn missing_body(lang: Lang) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "missing-body",
            tr!(
                lang,
                "请求中没有报告：把报告作为请求体发送，或用 multipart/form-data 上传名为 file 的文件",
                "the request has no report: send the report as the body, or upload it as the file part of multipart/form-data"
            ),
        )
    }

    /// A multipart body that cannot be read, or has no file in it.
    pub(super) fn malformed_multipart(lang: Lang, why: &str) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "malformed-multipart",
            tr!(
                lang,
                "无法读取 multipart/form-data 请求体（{}）；请上传一个名为 file 的文件部分",
                "the multipart/form-data body cannot be read ({}); upload one file part named file",
                why
            ),
        )
    }

    /// A body that could not be received.
    pub(super) fn unreadable_body(lang: Lang) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "unreadable-body",
            tr!(
                lang,
                "请求体未能完整接收；请重新发送",
                "the request body could not be received whole; send it again"
            ),
        )
    }

    /// A file name whose extension names no kind disclint reads.
    pub(super) fn unknown_kind(lang: Lang, extension: &str) -> Self {
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "unknown-kind",
            tr!(
                lang,
                "无法识别“.{}”文件：disclint 读取 .txt、.md、.html、.htm、.shtml、.docx 和 .pdf；请上传这些格式之一，或在 filename 中写明正确的扩展名",
                "“.{}” files are not a kind disclint reads: upload .txt, .md, .html, .htm, .shtml, .docx or .pdf, or give the right extension in filename",
                extension
            ),
        )
    }

    /// A report that could not be read: its input diagnostic says why (in
    /// the request's language already). A missing `pdftotext` is the
    /// service's fault (503), anything else the input's (422).
    pub(super) fn unreadable(diagnostic: &Diagnostic) -> Self {
        let (status, code) = if diagnostic.code == "I008" {
            (StatusCode::SERVICE_UNAVAILABLE, "pdf-reader-missing")
        } else {
            (StatusCode::UNPROCESSABLE_ENTITY, "unreadable-input")
        };
        let message = match &diagnostic.help {
            Some(help) => format!("{}; {help}", diagnostic.message),
            None => diagnostic.message.clone(),
        };
        ApiError {
            rule: Some(diagnostic.code.to_string()),
            ..Self::new(status, code, message)
        }
    }

    /// `annotate` was given something that is not a Word document.
    pub(super) fn not_a_word_document(lang: Lang) -> Self {
        Self::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "not-a-word-document",
            tr!(
                lang,
                "只有 Word 文档（.docx）能生成批注副本；其他格式请用 /api/v1/check",
                "only Word documents (.docx) can be annotated; check other kinds with /api/v1/check"
            ),
        )
    }

    /// The annotated copy could not be made.
    pub(super) fn annotate_failed(message: String) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, "annotate-failed", message)
    }

    /// A query parameter the endpoint does not know.
    pub(super) fn unknown_parameter(lang: Lang, name: &str, known: &[&str]) -> Self {
        let known = known.join(", ");
        Self::new(
            StatusCode::BAD_REQUEST,
            "unknown-parameter",
            tr!(
                lang,
                "未知的查询参数“{}”（可用：{}）",
                "unknown query parameter “{}” (known: {})",
                name,
                known
            ),
        )
    }

    /// A query parameter with a value it cannot have.
    pub(super) fn bad_parameter(lang: Lang, name: &str, value: &str, expected: &str) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "bad-parameter",
            tr!(
                lang,
                "查询参数 {}=“{}”无效（应为 {}）",
                "query parameter {}=“{}” is not valid (expected {})",
                name,
                value,
                expected
            ),
        )
    }

    /// A query string that cannot be decoded.
    pub(super) fn bad_query(lang: Lang) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "bad-parameter",
            tr!(
                lang,
                "查询字符串无法解码（应为 URL 编码的 UTF-8）",
                "the query string cannot be decoded (it must be URL-encoded UTF-8)"
            ),
        )
    }

    /// A rule selector that names no rule.
    pub(super) fn unknown_selector(lang: Lang, selector: &str) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            "unknown-selector",
            tr!(
                lang,
                "未知的规则选择器“{}”（GET /api/v1/rules 列出全部规则）",
                "unknown rule selector “{}” (GET /api/v1/rules lists every rule)",
                selector
            ),
        )
    }

    /// No rule by this code or name.
    pub(super) fn no_rule(lang: Lang, rule: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            "no-rule",
            tr!(
                lang,
                "没有规则“{}”（GET /api/v1/rules 列出全部规则）",
                "no rule “{}” (GET /api/v1/rules lists every rule)",
                rule
            ),
        )
    }

    /// Every check slot stayed taken for the whole wait.
    pub(super) fn busy(lang: Lang, waited: Duration) -> Self {
        ApiError {
            retry_after: Some(1),
            ..Self::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "busy",
                tr!(
                    lang,
                    "服务正忙：等待 {} 秒后仍没有空闲的检查位置；请稍后重试",
                    "the service is busy: no check could start within {} s; try again shortly",
                    waited.as_secs_f64()
                ),
            )
        }
    }

    /// An answer for a bare error status of the layers (the body limit,
    /// the time limit, a caught panic, a route or method that is not
    /// there), in `lang`.
    pub(super) fn for_status(status: StatusCode, lang: Lang, limits: &super::Limits) -> Self {
        match status {
            StatusCode::PAYLOAD_TOO_LARGE => Self::new(
                status,
                "body-too-large",
                tr!(
                    lang,
                    "请求体超过上限 {} 字节；请上传较小的文件，或请管理员调高 --max-body-size",
                    "the body is over the limit of {} bytes: upload a smaller file, or ask for a higher --max-body-size",
                    limits.max_body
                ),
            ),
            StatusCode::SERVICE_UNAVAILABLE => Self::new(
                status,
                "timed-out",
                tr!(
                    lang,
                    "请求未能在 {} 秒内完成，已停止；请稍后重试，或上传较小的文件",
                    "the request did not finish within {} s and was stopped: try again later, or upload a smaller file",
                    limits.time_limit.as_secs_f64()
                ),
            ),
            StatusCode::NOT_FOUND => Self::new(
                status,
                "not-found",
                tr!(
                    lang,
                    "没有这个地址（接口说明见 GET /api/v1/openapi.json）",
                    "no such path (GET /api/v1/openapi.json describes the API)"
                ),
            ),
            StatusCode::METHOD_NOT_ALLOWED => Self::new(
                status,
                "method-not-allowed",
                tr!(
                    lang,
                    "该地址不接受这种请求方法（接口说明见 GET /api/v1/openapi.json）",
                    "this path does not take that method (GET /api/v1/openapi.json describes the API)"
                ),
            ),
            StatusCode::UNSUPPORTED_MEDIA_TYPE => Self::new(
                status,
                "unsupported-media-type",
                tr!(
                    lang,
                    "不支持该 Content-Type",
                    "this Content-Type is not supported"
                ),
            ),
            _ if status.is_client_error() => Self::new(
                status,
                "bad-request",
                tr!(lang, "请求无效", "the request is not valid"),
            ),
            _ => Self::internal(lang),
        }
    }

    /// Something went wrong inside the service (a bug): a caught panic.
    pub(super) fn internal(lang: Lang) -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal-error",
            tr!(
                lang,
                "服务内部错误，本次请求未完成；服务仍在运行，请重试或报告此问题",
                "an internal error stopped this request; the service goes on: try again, or report the problem"
            ),
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = Body {
            error: Fields {
                status: self.status.as_u16(),
                code: self.code,
                message: &self.message,
                rule: self.rule.as_deref(),
            },
        };
        let mut text = serde_json::to_string_pretty(&body).expect("JSON of plain data");
        text.push('\n');
        let mut response = (
            self.status,
            [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
            text,
        )
            .into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response.extensions_mut().insert(Refusal(self.code));
        response
    }
}
