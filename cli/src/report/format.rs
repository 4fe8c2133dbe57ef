//! Which kind of file a report is, from the name given to `--out`.

use std::path::Path;

use super::error::ReportError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportFormat {
    /// The charts alone, one SVG document.
    Svg,
    /// A page holding the charts and a summary table; no outside resources.
    Html,
}

impl ReportFormat {
    /// The format `path` asks for by its extension (`.svg`, `.html`, `.htm`,
    /// any case).
    pub fn of(path: &Path) -> Result<Self, ReportError> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("svg") => Ok(Self::Svg),
            Some("html" | "htm") => Ok(Self::Html),
            _ => Err(ReportError::UnknownFormat {
                path: path.display().to_string(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_picks_the_format() {
        assert_eq!(
            ReportFormat::of(Path::new("a/run.SVG")).ok(),
            Some(ReportFormat::Svg)
        );
        assert_eq!(
            ReportFormat::of(Path::new("run.htm")).ok(),
            Some(ReportFormat::Html)
        );
        assert!(matches!(
            ReportFormat::of(Path::new("run.png")),
            Err(ReportError::UnknownFormat { .. })
        ));
        assert!(ReportFormat::of(Path::new("run")).is_err());
    }
}
