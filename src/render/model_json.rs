//! The report model as JSON (`disclint parse`).

use serde_json::{json, Value as Json};

use crate::model::{Format, Report, Value};
use crate::source::SourceFile;

/// The model of one report as JSON, with 1-based lines; each table lists
/// its columns (id and label, from `format`) and each row the column of
/// each of its values.
pub fn model_json(source: &SourceFile, report: &Report, format: &Format) -> Json {
    let columns = |kind: &str| -> Json {
        let spec = format
            .tables
            .iter()
            .map(|t| &t.spec)
            .find(|s| s.kind == kind);
        spec.map_or(json!([]), |spec| {
            spec.columns
                .iter()
                .map(|c| json!({"id": c.id, "label": c.label}))
                .collect()
        })
    };
    let line = |offset: usize| source.position(offset).line;
    json!({
        "path": source.path,
        "encoding": source.encoding.as_str(),
        "title": report.title.as_ref().map(|t| t.text.clone()),
        "agency": report.title.as_ref().and_then(|t| t.agency.as_ref()).map(|a| a.value.clone()),
        "year": report.year_value(),
        "year_source": report.year_source,
        "edition": report.edition,
        "period": report.period.as_ref().map(|p| json!({
            "text": p.text,
            "start": p.start_iso(),
            "end": p.end_iso(),
            "line": line(p.span.offset),
        })),
        "sections": report.sections.iter().map(|s| json!({
            "number": s.number,
            "kind": s.kind,
            "heading": s.heading.value,
            "line": line(s.heading.span.offset),
            "subsections": s.subsections.iter().map(|sub| json!({
                "number": sub.number,
                "heading": sub.heading.value,
                "line": line(sub.heading.span.offset),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "tables": report.tables.iter().map(|t| json!({
            "kind": t.kind,
            "line": line(t.span.offset),
            "columns": columns(&t.kind),
            "rows": t.rows.iter().map(|r| json!({
                "id": r.id,
                "label": r.label,
                "line": line(r.label_span.offset),
                "columns": r.values.iter().map(|v| v.column.clone()).collect::<Vec<_>>(),
                "values": r.values.iter().map(|v| match &v.value {
                    Value::Integer(n) => json!(n),
                    Value::Decimal(d) => json!(d),
                    Value::Text(t) => json!(t),
                    Value::Blank | Value::Invalid(_) => Json::Null,
                }).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "citations": report.citations.iter().map(|c| json!({
            "title": c.title.value,
            "number": c.number.as_ref().map(|n| n.value.clone()),
            "line": line(c.span.offset),
        })).collect::<Vec<_>>(),
    })
}
