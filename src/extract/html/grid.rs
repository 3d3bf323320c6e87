//! A data table's rows and cells on the grid its `colspan` and `rowspan`
//! expand to, as a browser lays it out: each cell starts at the first
//! column of its row not covered by a cell from a row above.
//!
//! Only where cells start is kept (a merged cell is written once, where it
//! starts): no grid is built, so `colspan="100000"` costs nothing. Columns
//! covered by a `rowspan` are tracked up to [`MAX_COLUMNS`]; cells beyond
//! are still read, placed after the cell before them.

use super::body::Weights;
use super::tags::Tag;
use super::tree::Tree;

/// Columns of a table tracked for cells spanning rows.
const MAX_COLUMNS: usize = 256;

/// A cell where it starts on the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct GridCell {
    /// The `<td>` or `<th>` node.
    pub node: usize,
    /// Byte offset of its start tag in the source.
    pub start: usize,
    /// 1-based column on the expanded grid.
    pub column: usize,
}

/// A row of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct GridRow {
    /// Byte offset of its `<tr>` (or first cell) in the source.
    pub start: usize,
    /// 1-based row number on the grid.
    pub number: usize,
    /// Its cells, left to right.
    pub cells: Vec<GridCell>,
}

/// A data table laid out.
#[derive(Debug, Clone, Default)]
pub(super) struct Grid {
    /// `<caption>` nodes.
    pub captions: Vec<usize>,
    /// Text standing in the table outside any cell (a browser shows it
    /// before the table).
    pub strays: Vec<usize>,
    /// The rows, top to bottom.
    pub rows: Vec<GridRow>,
}

impl Grid {
    /// Lays out the table `table` (a data table: no tables inside).
    pub(super) fn new(tree: &Tree, weights: &Weights, table: usize) -> Grid {
        let mut grid = Grid::default();
        // Rows are `<tr>`s, in row groups or not; cells met outside a row
        // (a page that left out the `<tr>`) make a row of their own.
        let mut rows: Vec<(usize, Vec<usize>)> = Vec::new();
        let mut loose: Vec<usize> = Vec::new();
        let visible = |id: &usize| !weights.hidden[*id];
        let shown = |id: usize| weights.chars[id] > 0;
        let mut place =
            |id: usize, grid: &mut Grid, loose: &mut Vec<usize>| match tree.nodes[id].tag() {
                Some(Tag::Row) => {
                    if !loose.is_empty() {
                        rows.push((loose[0], std::mem::take(loose)));
                    }
                    let mut cells = Vec::new();
                    for child in tree.children(id).filter(visible) {
                        if tree.nodes[child].tag() == Some(Tag::Cell) {
                            cells.push(child);
                        } else if shown(child) {
                            grid.strays.push(child);
                        }
                    }
                    rows.push((id, cells));
                }
                Some(Tag::Cell) => loose.push(id),
                _ if shown(id) => grid.strays.push(id),
                _ => {}
            };
        for child in tree.children(table).filter(visible) {
            match tree.nodes[child].tag() {
                Some(Tag::Caption) => grid.captions.push(child),
                Some(Tag::RowGroup) => {
                    for row in tree.children(child).filter(visible) {
                        place(row, &mut grid, &mut loose);
                    }
                }
                _ => place(child, &mut grid, &mut loose),
            }
        }
        if !loose.is_empty() {
            rows.push((loose[0], loose));
        }
        // Per tracked column, the row (0-based) from which it is free.
        let mut free_from: Vec<usize> = Vec::new();
        for (r, (row, cells)) in rows.into_iter().enumerate() {
            let mut column = 0usize;
            let mut placed = Vec::with_capacity(cells.len());
            for cell in cells {
                while free_from.get(column).is_some_and(|free| *free > r) {
                    column += 1;
                }
                let Some(element) = tree.nodes[cell].element() else {
                    continue;
                };
                let colspan = element.colspan as usize;
                let rowspan = element.rowspan as usize;
                if rowspan > 1 && column < MAX_COLUMNS {
                    let end = column.saturating_add(colspan).min(MAX_COLUMNS);
                    if free_from.len() < end {
                        free_from.resize(end, 0);
                    }
                    for free in &mut free_from[column..end] {
                        *free = (*free).max(r.saturating_add(rowspan));
                    }
                }
                placed.push(GridCell {
                    node: cell,
                    start: element.start,
                    column: column + 1,
                });
                column = column.saturating_add(colspan);
            }
            let start = tree.nodes[row].element().map_or(0, |e| e.start);
            grid.rows.push(GridRow {
                start,
                number: r + 1,
                cells: placed,
            });
        }
        grid
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::html::tree::parse;

    /// The columns where each row's cells start.
    fn columns(source: &str) -> Vec<Vec<usize>> {
        let tree = parse(source).unwrap();
        let weights = Weights::new(&tree, source);
        let table = (0..tree.nodes.len())
            .find(|id| tree.nodes[*id].tag() == Some(Tag::Table))
            .unwrap();
        Grid::new(&tree, &weights, table)
            .rows
            .iter()
            .map(|row| row.cells.iter().map(|cell| cell.column).collect())
            .collect()
    }

    #[test]
    fn spans_expand_as_a_browser_lays_them_out() {
        // The applications table's head and its first group.
        let source = "<table>\
            <tr><td colspan=3 rowspan=3>h</td><td colspan=7>申请人情况</td></tr>\
            <tr><td rowspan=2>自然人</td><td colspan=5>法人</td><td rowspan=2>总计</td></tr>\
            <tr><td>a</td><td>b</td><td>c</td><td>d</td><td>e</td></tr>\
            <tr><td rowspan=2>三、本年度办理结果</td><td colspan=2>(一)</td><td>1</td></tr>\
            <tr><td colspan=2>(二)</td><td>2</td></tr>\
            </table>";
        assert_eq!(
            columns(source),
            vec![
                vec![1, 4],
                vec![4, 5, 10],
                vec![5, 6, 7, 8, 9],
                vec![1, 2, 4],
                vec![2, 4],
            ]
        );
    }

    #[test]
    fn row_groups_and_loose_cells() {
        let source =
            "<table><thead><tr><th>a<th>b</thead><tbody><tr><td>1<td>2</tbody><td>x</table>";
        assert_eq!(columns(source), vec![vec![1, 2], vec![1, 2], vec![1]]);
    }

    #[test]
    fn text_outside_cells_is_kept_aside() {
        let source = "<table>注<tr>意<td>1</td></tr></table>";
        let tree = parse(source).unwrap();
        let weights = Weights::new(&tree, source);
        let grid = Grid::new(&tree, &weights, 1);
        assert_eq!(grid.strays.len(), 2);
        assert_eq!(grid.rows.len(), 1);
    }

    #[test]
    fn huge_spans_cost_nothing() {
        let source = "<table><tr><td colspan=100000 rowspan=100000>a</td><td>b</td></tr><tr><td>c</td></tr></table>";
        assert_eq!(columns(source), vec![vec![1, 1001], vec![257]]);
    }
}
