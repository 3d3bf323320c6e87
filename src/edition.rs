//! The editions of the annual report's format. What each edition requires
//! (sections, tables, the document that issued it) is in its pack
//! (`rules/format-<edition>.toml`); this type only names them.

use std::fmt;
use std::str::FromStr;

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

/// A format edition: written `2019` or `2021` on the command line, in
/// `disclint.toml`, in packs and in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, clap::ValueEnum)]
pub enum Edition {
    /// The 2019 trial format, for report years 2019 and 2020.
    #[value(name = "2019")]
    E2019,
    /// The 2021 format, for report years 2021 and later.
    #[value(name = "2021")]
    E2021,
}

impl Edition {
    /// Every edition, oldest first.
    pub const ALL: [Edition; 2] = [Edition::E2019, Edition::E2021];

    /// The edition's year, as it is written.
    pub fn year(self) -> u16 {
        match self {
            Edition::E2019 => 2019,
            Edition::E2021 => 2021,
        }
    }

    /// The edition a report year calls for: the latest edition issued in
    /// or before it (2021 from 2021 on, else 2019; 2021 without a year).
    pub fn for_year(year: Option<i32>) -> Edition {
        let Some(year) = year else {
            return Edition::E2021;
        };
        Edition::ALL
            .into_iter()
            .rev()
            .find(|e| i32::from(e.year()) <= year)
            .unwrap_or(Edition::E2019)
    }

    /// The edition's position in [`Edition::ALL`], for tables indexed by edition.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The editions other than this one.
    pub fn others(self) -> impl Iterator<Item = Edition> {
        Edition::ALL.into_iter().filter(move |e| *e != self)
    }

    fn from_year(year: i64) -> Option<Edition> {
        Edition::ALL
            .into_iter()
            .find(|e| i64::from(e.year()) == year)
    }

    fn unknown(written: impl fmt::Display) -> String {
        format!("edition {written}: use 2019 or 2021")
    }
}

impl fmt::Display for Edition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.year())
    }
}

impl FromStr for Edition {
    type Err = String;

    fn from_str(text: &str) -> Result<Edition, String> {
        text.trim()
            .parse::<i64>()
            .ok()
            .and_then(Edition::from_year)
            .ok_or_else(|| Edition::unknown(text))
    }
}

impl Serialize for Edition {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u16(self.year())
    }
}

impl<'de> Deserialize<'de> for Edition {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Edition, D::Error> {
        struct Visitor;

        impl de::Visitor<'_> for Visitor {
            type Value = Edition;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an edition, 2019 or 2021")
            }

            fn visit_i64<E: de::Error>(self, year: i64) -> Result<Edition, E> {
                Edition::from_year(year).ok_or_else(|| E::custom(Edition::unknown(year)))
            }

            fn visit_u64<E: de::Error>(self, year: u64) -> Result<Edition, E> {
                let year = i64::try_from(year).map_err(|_| E::custom(Edition::unknown(year)))?;
                self.visit_i64(year)
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Edition, E> {
                text.parse().map_err(E::custom)
            }
        }

        deserializer.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_call_for_editions() {
        assert_eq!(Edition::for_year(Some(2019)), Edition::E2019);
        assert_eq!(Edition::for_year(Some(2020)), Edition::E2019);
        assert_eq!(Edition::for_year(Some(2021)), Edition::E2021);
        assert_eq!(Edition::for_year(Some(2035)), Edition::E2021);
        assert_eq!(Edition::for_year(Some(2008)), Edition::E2019);
        assert_eq!(Edition::for_year(None), Edition::E2021);
    }

    #[test]
    fn written_as_the_year() {
        assert_eq!("2019".parse::<Edition>(), Ok(Edition::E2019));
        assert_eq!(Edition::E2021.to_string(), "2021");
        assert!("2020"
            .parse::<Edition>()
            .unwrap_err()
            .contains("2019 or 2021"));
        #[derive(Deserialize)]
        struct File {
            edition: Edition,
        }
        let file: File = toml::from_str("edition = 2021").unwrap();
        assert_eq!(file.edition, Edition::E2021);
        let err = toml::from_str::<File>("edition = 2020").err().unwrap();
        assert!(err.message().contains("2019 or 2021"), "{err}");
        assert_eq!(serde_json::to_string(&Edition::E2019).unwrap(), "2019");
    }
}
