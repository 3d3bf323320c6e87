//! A string of a pack together with where the pack writes it, so that an
//! error about it points at that very place (a duplicate at the duplicate,
//! not at the first occurrence of the same text).

use std::fmt;
use std::ops::{Deref, Range};

use serde::Deserialize;

/// A string value of a pack and its byte range in the pack text (quotes
/// included), as `toml` reports it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(transparent)]
pub struct PackStr(toml::Spanned<String>);

impl PackStr {
    /// The string.
    pub fn as_str(&self) -> &str {
        self.0.get_ref()
    }

    /// Where the value stands in the pack text, quotes included.
    pub fn span(&self) -> Range<usize> {
        self.0.span()
    }

    /// Where the string's characters stand in `text` (the pack text): the
    /// value without its quotes when it is written on one line without
    /// escapes, else the whole value.
    pub fn inner_span(&self, text: &str) -> Range<usize> {
        let span = self.span();
        let raw = text.get(span.clone()).unwrap_or_default();
        let quoted = ['"', '\'']
            .into_iter()
            .any(|quote| raw.len() >= 2 && raw.starts_with(quote) && raw.ends_with(quote));
        if quoted && raw[1..raw.len() - 1] == *self.as_str() {
            span.start + 1..span.end - 1
        } else {
            span
        }
    }
}

impl Deref for PackStr {
    type Target = String;

    fn deref(&self) -> &String {
        self.0.get_ref()
    }
}

impl fmt::Display for PackStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<str> for PackStr {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for PackStr {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for PackStr {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<PackStr> for String {
    fn eq(&self, other: &PackStr) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<PackStr> for str {
    fn eq(&self, other: &PackStr) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<PackStr> for &str {
    fn eq(&self, other: &PackStr) -> bool {
        *self == other.as_str()
    }
}
