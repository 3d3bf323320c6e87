//! Where a rendering puts the title, headings and paragraphs: each on its
//! own line, as pandoc writes them (bold, blank lines between blocks), run
//! into the text after them, or flattened onto a few lines.

use super::Piece;

/// The prose layout of a rendering.
#[derive(Debug, Clone, Copy)]
pub(super) enum ProseLayout {
    /// Every title, heading and paragraph on a line of its own.
    Lines,
    /// As pandoc writes a Word document: headings in `**…**`, a blank line
    /// between blocks.
    Bold,
    /// A heading followed on its line by the heading or paragraph after it.
    RunIn,
    /// Everything between two tables on one line, separated by spaces.
    Flat,
}

impl ProseLayout {
    /// A heading as the layout writes it.
    pub(super) fn heading(self, text: &str) -> String {
        match self {
            ProseLayout::Bold => format!("**{text}**"),
            _ => text.to_owned(),
        }
    }

    /// What stands between `previous` and `next`. Tables end with their
    /// last row's line break.
    pub(super) fn separator(self, previous: &Piece, next: &Piece) -> &'static str {
        let heading = matches!(previous, Piece::Heading(_) | Piece::Subheading(_));
        match (self, previous, next) {
            (ProseLayout::Bold, Piece::Table(_), _) => "\n",
            (_, Piece::Table(_), _) => "",
            (ProseLayout::Bold, _, _) => "\n\n",
            (_, _, Piece::Table(_)) => "\n",
            (ProseLayout::RunIn, _, _) if heading => " ",
            (ProseLayout::Flat, _, _) => " ",
            _ => "\n",
        }
    }
}
