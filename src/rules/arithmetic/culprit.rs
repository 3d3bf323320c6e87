//! Which cell, if any, explains a broken identity.
//!
//! When `一 + 二 = 三 + 四` fails, any of its cells may be the wrong one: the
//! total the message is anchored on is not more likely than a term. One cell
//! is named only when it alone explains what is broken: it stands in at least
//! two broken identities, one correction of it makes every broken identity it
//! stands in hold, and it stands in no identity that holds (which the
//! correction would break).

use crate::model::{CellValue, Number};
use crate::span::Span;

/// One evaluated identity: its cells, each with the sign it has in
/// `left - right`, and that difference (zero when the identity holds).
pub(super) struct Instance<'t> {
    /// The cells and their signs.
    pub terms: Vec<(&'t CellValue, i8)>,
    /// `left - right`.
    pub difference: Number,
}

impl Instance<'_> {
    fn holds(&self) -> bool {
        self.difference.is_zero()
    }

    /// The sign of the cell at `span` in this identity, if it stands in it
    /// once (a cell counted twice is not corrected by one change).
    fn sign_of(&self, span: Span) -> Option<i8> {
        let mut signs = self.terms.iter().filter(|(c, _)| c.span == span);
        let (_, sign) = signs.next()?;
        signs.next().is_none().then_some(*sign)
    }

    /// The change of the cell at `span` that makes this identity hold.
    fn correction(&self, span: Span) -> Option<Number> {
        match self.sign_of(span)? {
            sign if sign > 0 => self.difference.checked_neg(),
            _ => Some(self.difference),
        }
    }
}

/// The one cell of `broken` that explains it (see the module), with the
/// value it would need; `None` when no cell, or more than one, does.
pub(super) fn culprit<'t>(
    broken: &Instance<'t>,
    all: &[Instance<'t>],
) -> Option<(&'t CellValue, Number)> {
    let mut found = None;
    for &(cell, _) in &broken.terms {
        let Some(change) = broken.correction(cell.span) else {
            continue;
        };
        let containing = all.iter().filter(|i| i.sign_of(cell.span).is_some());
        let mut broken_count = 0;
        let explains = containing.clone().all(|instance| {
            broken_count += usize::from(!instance.holds());
            !instance.holds()
                && instance
                    .correction(cell.span)
                    .and_then(|c| c.checked_sub(change))
                    .is_some_and(Number::is_zero)
        });
        if !explains || broken_count < 2 {
            continue;
        }
        let value = cell.value.number()?;
        let corrected = value.checked_add(change)?.trimmed_to(value.scale());
        if found.is_some_and(|(c, _): (&CellValue, Number)| c.span != cell.span) {
            return None;
        }
        found = Some((cell, corrected));
    }
    found
}
