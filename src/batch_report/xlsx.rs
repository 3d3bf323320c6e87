//! `disclint report -o report.xlsx`: a workbook with three sheets — the
//! summary (totals, then per rule), the agencies, and the findings — written
//! with `rust_xlsxwriter`. Text is written as text, never as a formula.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::batch::Batch;
use super::tables::{agencies, findings, rules, totals, Cell, Table};

/// The workbook of `batch`, as the bytes of an `.xlsx` file.
pub fn write_xlsx(batch: &Batch) -> Result<Vec<u8>, XlsxError> {
    let lang = batch.lang;
    let header = Format::new().set_bold().set_background_color("#E8EEF4");
    let mut workbook = Workbook::new();

    let summary = workbook.add_worksheet();
    summary.set_name(lang.pick("汇总", "summary"))?;
    let totals = totals(batch);
    write_table(summary, 0, &totals, &header)?;
    // The rules below the totals, after a blank row.
    let rules_at = totals.rows.len() as u32 + 2;
    write_table(summary, rules_at, &rules(batch), &header)?;
    summary.set_column_width(0, 16)?;
    summary.set_column_width(1, 28)?;
    summary.set_column_width(6, 60)?;

    let sheet = workbook.add_worksheet();
    sheet.set_name(lang.pick("机关", "agencies"))?;
    let table = agencies(batch);
    write_table(sheet, 0, &table, &header)?;
    finish_list(sheet, &table, &[36, 14, 8, 8, 8, 8, 28])?;

    let sheet = workbook.add_worksheet();
    sheet.set_name(lang.pick("问题", "findings"))?;
    let table = findings(batch);
    write_table(sheet, 0, &table, &header)?;
    finish_list(sheet, &table, &[40, 30, 8, 8, 24, 8, 8, 24, 80])?;

    workbook.save_to_buffer()
}

/// Writes `table` with its header row at `first_row`.
fn write_table(
    sheet: &mut Worksheet,
    first_row: u32,
    table: &Table,
    header: &Format,
) -> Result<(), XlsxError> {
    let one_decimal = Format::new().set_num_format("0.0");
    for (column, name) in table.headers.iter().enumerate() {
        sheet.write_string_with_format(first_row, column as u16, name, header)?;
    }
    for (at, row) in table.rows.iter().enumerate() {
        let row_number = first_row + 1 + at as u32;
        for (column, cell) in row.iter().enumerate() {
            let column = column as u16;
            match cell {
                Cell::Text(text) => sheet.write_string(row_number, column, text)?,
                Cell::Count(n) => sheet.write_number(row_number, column, *n as f64)?,
                Cell::Percent(p) => {
                    sheet.write_number_with_format(row_number, column, *p, &one_decimal)?
                }
                Cell::Empty => sheet,
            };
        }
    }
    Ok(())
}

/// A sheet that is one list: column widths, the header kept in view, and a
/// filter on every column.
fn finish_list(sheet: &mut Worksheet, table: &Table, widths: &[u16]) -> Result<(), XlsxError> {
    for (column, width) in widths.iter().enumerate() {
        sheet.set_column_width(column as u16, *width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let last_column = table.headers.len().saturating_sub(1) as u16;
    sheet.autofilter(0, 0, table.rows.len() as u32, last_column)?;
    Ok(())
}
