//! `--format junit`: JUnit XML. One `<testsuite>` per file, one failing
//! `<testcase>` per diagnostic, one passing `<testcase>` for a clean file;
//! a file that could not be read is an `<error>`. The places in other files
//! that explain a finding (last year's report, another agency's) are lines of
//! its failure's text, `↪ path:line:column：message`.

use std::io::{self, Write};

use super::human::related_text;
use super::{escape_xml as xml, Record, RenderOptions, Renderer, Totals};
use crate::run::FileResult;
use crate::Lang;

/// The XML document, written suite by suite.
#[derive(Debug)]
pub struct Junit {
    lang: Lang,
}

impl Junit {
    /// A renderer in the options' language (for the places in other files).
    pub fn new(options: RenderOptions) -> Self {
        Self { lang: options.lang }
    }
}

impl Renderer for Junit {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        writeln!(out, "<testsuites name=\"disclint\">")
    }

    fn file(&mut self, out: &mut dyn Write, result: &FileResult) -> io::Result<()> {
        let path = xml(&result.path);
        let count = result.diagnostics.len();
        // A file that could not be read is an error (the check could not
        // run), not a failure; skipped when its input rule is off.
        let (element, failures, errors) = if result.source.is_some() {
            ("failure", count, 0)
        } else {
            ("error", 0, count)
        };
        let skipped = usize::from(result.unchecked());
        writeln!(
            out,
            "  <testsuite name=\"{path}\" tests=\"{}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"{skipped}\">",
            count.max(1)
        )?;
        if skipped > 0 {
            writeln!(
                out,
                "    <testcase name=\"disclint\" classname=\"{path}\" file=\"{path}\"><skipped message=\"not checked: the file could not be read and its input rule is off\"/></testcase>"
            )?;
        } else if count == 0 {
            writeln!(
                out,
                "    <testcase name=\"disclint\" classname=\"{path}\" file=\"{path}\"/>"
            )?;
        }
        for diagnostic in &result.diagnostics {
            let place = Record::new(&result.path, diagnostic, result.source.as_ref()).start;
            let mut body = format!(
                "{}:{}:{}: {}[{}] {}",
                result.path,
                place.line,
                place.column,
                diagnostic.severity.as_str(),
                diagnostic.code,
                diagnostic.message
            );
            for related in &diagnostic.related {
                body.push_str("\n↪ ");
                body.push_str(&related_text(related, &related.path, self.lang));
            }
            if let Some(help) = &diagnostic.help {
                body.push('\n');
                body.push_str(help);
            }
            writeln!(
                out,
                "    <testcase name=\"{} {} line {} column {}\" classname=\"{path}\" file=\"{path}\" line=\"{}\">",
                diagnostic.code, diagnostic.name, place.line, place.column, place.line
            )?;
            writeln!(
                out,
                "      <{element} message=\"{}\" type=\"{}\">{}</{element}>",
                xml(&diagnostic.message),
                diagnostic.severity.as_str(),
                xml(&body)
            )?;
            writeln!(out, "    </testcase>")?;
        }
        writeln!(out, "  </testsuite>")
    }

    fn finish(&mut self, out: &mut dyn Write, _totals: &Totals<'_>) -> io::Result<()> {
        writeln!(out, "</testsuites>")
    }
}

#[cfg(test)]
mod tests {
    use super::xml;

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(xml("a<b>&\"'\u{1}"), "a&lt;b&gt;&amp;&quot;&apos;\u{FFFD}");
    }
}
