//! The HTML report: one self-contained page with the charts inline as SVG
//! and the summary figures as a table. No script, no link to anything
//! outside the file, so it opens the same with the network off.

use super::figure::escape;
use super::summary::Row;

const STYLE: &str = "
body { font-family: sans-serif; color: #1e293b; background: #f8fafc; margin: 0; }
main { max-width: 1040px; margin: 0 auto; padding: 24px 20px 40px; }
h1 { font-size: 26px; margin: 0 0 4px; }
p.note { color: #64748b; margin: 0 0 18px; }
table { border-collapse: collapse; margin: 0 0 22px; background: #fff; }
th, td { text-align: left; padding: 4px 14px; border-bottom: 1px solid #e2e8f0; }
th { color: #64748b; font-weight: normal; }
figure { margin: 0 0 18px; background: #fff; border: 1px solid #e2e8f0; }
figure svg { display: block; width: 100%; height: auto; }
";

/// The page: `title`, a line under it, the summary table and each SVG.
pub fn page(title: &str, note: &str, rows: &[Row], svgs: &[String]) -> String {
    let mut out =
        String::from("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str(&format!("<title>{}</title>\n", escape(title)));
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!(
        "<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
    ));
    out.push_str(&format!("<h1>{}</h1>\n", escape(title)));
    out.push_str(&format!("<p class=\"note\">{}</p>\n", escape(note)));
    out.push_str("<table class=\"summary\">\n");
    for (label, value) in rows {
        out.push_str(&format!(
            "<tr><th scope=\"row\">{}</th><td>{}</td></tr>\n",
            escape(label),
            escape(value)
        ));
    }
    out.push_str("</table>\n");
    for svg in svgs {
        out.push_str("<figure>\n");
        out.push_str(svg);
        out.push_str("</figure>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}
