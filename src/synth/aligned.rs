//! The space-aligned rendering of the three tables, as `pdftotext -layout`
//! gives a PDF's tables: cells set in columns of characters, merged header
//! cells centred over their columns, long labels wrapped inside their cell,
//! a row's values on the middle line of its label, labels merged over
//! several rows centred beside them. The layout (column widths, blank lines
//! between rows, where the values stand) varies with the report's
//! `layout` seed.

use super::{table_spec, Rng, SynthReport};
use crate::pack::{ids, TableSpec};

/// Column widths and spacing of one layout.
#[derive(Debug, Clone, Copy)]
struct Style {
    /// Left margin of every table.
    indent: usize,
    /// Width of a value column.
    value: usize,
    /// Blank columns between value columns.
    value_gap: usize,
    /// Blank columns between a label and the first value column.
    label_gap: usize,
    /// Width of the active-disclosure table's label column.
    active_label: usize,
    /// Widths of the applications table's three label columns (group,
    /// subgroup, row).
    groups: [usize; 3],
    /// Blank lines between two rows.
    row_gap: usize,
    /// Whether values stand on the lower of two middle lines.
    low_values: bool,
}

impl Style {
    fn new(seed: u64) -> Style {
        let mut rng = Rng::new(seed);
        let mut pick = |low: usize, high: usize| low + rng.below((high - low + 1) as u64) as usize;
        Style {
            indent: pick(0, 3),
            value: pick(3, 5),
            value_gap: pick(2, 4),
            label_gap: pick(1, 4),
            active_label: pick(7, 10),
            groups: [pick(5, 7), pick(4, 6), pick(12, 20)],
            row_gap: pick(0, 2),
            low_values: pick(0, 1) == 1,
        }
    }
}

/// A cell of a grid: its text, the grid rows and columns it spans, how it
/// stands in them.
struct Placed {
    row: usize,
    rows: usize,
    column: usize,
    columns: usize,
    text: String,
    /// Centred across its columns (merged headers), else from their left.
    centred: bool,
    /// A value: one line, on the middle line of its row.
    value: bool,
}

/// Cells in grid columns of given widths, written as lines of text.
struct Grid {
    style: Style,
    /// Width of each grid column and the blank before it.
    columns: Vec<(usize, usize)>,
    cells: Vec<Placed>,
    rows: usize,
}

impl Grid {
    fn new(style: Style, columns: Vec<(usize, usize)>) -> Grid {
        Grid {
            style,
            columns,
            cells: Vec::new(),
            rows: 0,
        }
    }

    /// A text cell at `row`, `column`, spanning `rows` and `columns`.
    fn text(&mut self, row: usize, rows: usize, column: usize, columns: usize, text: &str) {
        self.add(row, rows, column, columns, text, false, false);
    }

    /// A header merged over `columns`, centred.
    fn header(&mut self, row: usize, rows: usize, column: usize, columns: usize, text: &str) {
        self.add(row, rows, column, columns, text, true, false);
    }

    /// A value cell.
    fn value(&mut self, row: usize, column: usize, columns: usize, text: &str) {
        self.add(row, 1, column, columns, text, false, true);
    }

    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        row: usize,
        rows: usize,
        column: usize,
        columns: usize,
        text: &str,
        centred: bool,
        value: bool,
    ) {
        self.rows = self.rows.max(row + rows);
        self.cells.push(Placed {
            row,
            rows,
            column,
            columns,
            text: text.to_owned(),
            centred,
            value,
        });
    }

    /// The first character column of grid column `column`.
    fn x(&self, column: usize) -> usize {
        self.style.indent
            + self.columns[..column]
                .iter()
                .map(|(width, gap)| width + gap)
                .sum::<usize>()
            + self.columns[column].1
    }

    /// The characters a cell spanning `columns` from `column` has.
    fn room(&self, column: usize, columns: usize) -> usize {
        let end = column + columns - 1;
        self.x(end) + self.columns[end].0 - self.x(column)
    }

    fn lines_of(&self, cell: &Placed) -> Vec<String> {
        if cell.value {
            return vec![cell.text.clone()];
        }
        let room = self.room(cell.column, cell.columns).max(1);
        let chars: Vec<char> = cell.text.chars().collect();
        chars.chunks(room).map(|c| c.iter().collect()).collect()
    }

    fn write(&self, out: &mut String) {
        let mut heights = vec![1; self.rows];
        for cell in self.cells.iter().filter(|c| c.rows == 1) {
            heights[cell.row] = heights[cell.row].max(self.lines_of(cell).len());
        }
        for cell in self.cells.iter().filter(|c| c.rows > 1) {
            let span = cell.row..cell.row + cell.rows;
            let have: usize =
                heights[span.clone()].iter().sum::<usize>() + self.style.row_gap * (cell.rows - 1);
            let need = self.lines_of(cell).len();
            if need > have {
                heights[span.end - 1] += need - have;
            }
        }
        let mut tops = Vec::with_capacity(self.rows);
        let mut y = 0;
        for height in &heights {
            tops.push(y);
            y += height + self.style.row_gap;
        }
        let total = y.saturating_sub(self.style.row_gap);
        let mut page: Vec<Vec<char>> = vec![Vec::new(); total];
        for cell in &self.cells {
            let lines = self.lines_of(cell);
            let top = tops[cell.row];
            let bottom = tops[cell.row + cell.rows - 1] + heights[cell.row + cell.rows - 1];
            let first = if cell.value {
                let height = bottom - top;
                let middle = if self.style.low_values {
                    height / 2
                } else {
                    (height - 1) / 2
                };
                top + middle
            } else if cell.rows > 1 {
                top + (bottom - top - lines.len()) / 2
            } else {
                top
            };
            let room = self.room(cell.column, cell.columns);
            for (i, line) in lines.iter().enumerate() {
                let width = line.chars().count();
                let x = self.x(cell.column)
                    + if cell.centred {
                        room.saturating_sub(width) / 2
                    } else {
                        0
                    };
                let row = &mut page[first + i];
                if row.len() < x + width {
                    row.resize(x + width, ' ');
                }
                for (j, c) in line.chars().enumerate() {
                    row[x + j] = c;
                }
            }
        }
        for line in page {
            let line: String = line.into_iter().collect();
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
}

impl SynthReport {
    fn style(&self) -> Style {
        Style::new(self.layout)
    }

    /// The table of section 二, space-aligned.
    pub(super) fn aligned_active(&self, out: &mut String) {
        let style = self.style();
        let spec = table_spec(ids::ACTIVE_DISCLOSURE);
        let value_columns = vec![(style.value + 3, style.value_gap); 3];
        let mut columns = vec![(style.active_label, 0)];
        columns.extend(value_columns);
        columns[1].1 = style.label_gap;
        let mut grid = Grid::new(style, columns);
        let mut row = 0;
        let mut caption: Option<&str> = None;
        for (spec_row, values) in spec.rows.iter().zip(&self.active) {
            let headers: Vec<String> = spec
                .row_columns(spec_row)
                .iter()
                .map(|c| c.label.clone())
                .collect();
            if spec_row.caption.as_deref() != caption {
                caption = spec_row.caption.as_deref();
                grid.header(row, 1, 0, 4, caption.unwrap_or_default());
                row += 1;
                grid.text(row, 1, 0, 1, "信息内容");
                spread(&mut grid, &headers, |grid, column, columns, text| {
                    grid.header(row, 1, column, columns, text)
                });
                row += 1;
            }
            grid.text(row, 1, 0, 1, &spec_row.label);
            spread(&mut grid, values, |grid, column, columns, text| {
                grid.value(row, column, columns, text)
            });
            row += 1;
        }
        grid.write(out);
    }

    /// The table of section 三, space-aligned: its label merged over the
    /// result rows, the subgroup labels merged over theirs.
    pub(super) fn aligned_applications(&self, out: &mut String) {
        let style = self.style();
        let spec = table_spec(ids::APPLICATIONS);
        let [group, subgroup, label] = style.groups;
        let mut columns = vec![(group, 0), (subgroup, 1), (label, 1)];
        columns.extend(vec![(style.value, style.value_gap); 7]);
        columns[3].1 = style.label_gap;
        let mut grid = Grid::new(style, columns);
        let header = spec.headers.first().cloned().unwrap_or_default();
        let labels: Vec<&str> = spec.columns.iter().map(|c| c.label.as_str()).collect();
        grid.text(0, 3, 0, 3, &header);
        grid.header(0, 1, 3, 7, "申请人情况");
        grid.header(1, 2, 3, 1, labels[0]);
        grid.header(1, 1, 4, 5, "法人或其他组织");
        grid.header(1, 2, 9, 1, labels[6]);
        for (i, text) in labels[1..6].iter().enumerate() {
            grid.header(2, 1, 4 + i, 1, text);
        }
        let mut row = 3;
        let mut values = self.applications.iter();
        for (index, spec_row) in spec.rows.iter().enumerate() {
            let depth = spec_row.id.matches('.').count();
            if spec_row.group {
                let rows = descendants(spec, index);
                grid.text(row, rows, depth, 1, &spec_row.label);
                continue;
            }
            grid.text(row, 1, depth, 3 - depth, &spec_row.label);
            for (column, value) in values.next().into_iter().flatten().enumerate() {
                grid.value(row, 3 + column, 1, &value.to_string());
            }
            row += 1;
        }
        grid.write(out);
    }

    /// The table of section 四, space-aligned.
    pub(super) fn aligned_review(&self, out: &mut String) {
        let style = self.style();
        let columns = vec![(style.value, style.value_gap); 15];
        let mut grid = Grid::new(style, columns);
        grid.header(0, 2, 0, 5, "行政复议");
        grid.header(0, 1, 5, 10, "行政诉讼");
        grid.header(1, 1, 5, 5, "未经复议直接起诉");
        grid.header(1, 1, 10, 5, "复议后起诉");
        let group = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
        for (column, text) in group.iter().cycle().take(15).enumerate() {
            grid.header(2, 1, column, 1, text);
        }
        for (column, value) in self.review.iter().enumerate() {
            grid.value(3, column, 1, &value.to_string());
        }
        grid.write(out);
    }
}

/// Puts `texts` in the value columns 1–3 of the active-disclosure table: one
/// each, or one merged over all three.
fn spread<T: AsRef<str>>(
    grid: &mut Grid,
    texts: &[T],
    mut put: impl FnMut(&mut Grid, usize, usize, &str),
) {
    if texts.len() == 1 {
        put(grid, 1, 3, texts[0].as_ref());
    } else {
        for (i, text) in texts.iter().enumerate() {
            put(grid, 1 + i, 1, text.as_ref());
        }
    }
}

/// How many value rows follow the group row at `index` inside it (rows whose
/// id starts with the group's).
fn descendants(spec: &TableSpec, index: usize) -> usize {
    let prefix = format!("{}.", spec.rows[index].id);
    spec.rows[index + 1..]
        .iter()
        .take_while(|row| row.id.starts_with(&prefix))
        .filter(|row| !row.group)
        .count()
}
