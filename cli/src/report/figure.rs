//! One SVG drawn by plotters in named layers.
//!
//! Plotters' SVG backend writes plain elements with no way to name them,
//! yet a report is checked as data (the band, each alert, each check-in
//! must be found in the file) and a reader's browser shows a mark's title
//! on hover. So each layer is drawn by plotters on its own backend of the
//! same size, with the same chart layout, and the layers are stacked in one
//! document, each in a `<g>` carrying an id or class, data attributes and
//! an optional `<title>`. The chart layout depends only on the sizes and
//! ranges given, so every layer maps data to the same pixels.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::error::ReportError;

/// The drawing area each layer draws on.
pub type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

/// A drawing failure from plotters, as text (its error type borrows the backend).
pub fn draw_err<E: std::fmt::Display>(err: E) -> ReportError {
    ReportError::Draw(err.to_string())
}

/// Attributes of a layer's group: `("id", "target-band")`, `("data-low", ..)`.
pub type Attrs = Vec<(&'static str, String)>;

/// A figure being built, layer by layer, bottom first.
pub struct Figure {
    width: u32,
    height: u32,
    body: String,
    /// Groups opened and not yet closed.
    open: usize,
}

impl Figure {
    pub fn new(width: u32, height: u32) -> Self {
        Self {
            width,
            height,
            body: String::new(),
            open: 0,
        }
    }

    /// Draws one layer with `draw` and keeps it in a group with `attrs`
    /// and, when given, a `<title>` (shown on hover).
    pub fn layer(
        &mut self,
        attrs: Attrs,
        title: Option<&str>,
        draw: impl FnOnce(&Area<'_>) -> Result<(), ReportError>,
    ) -> Result<(), ReportError> {
        let mut svg = String::new();
        {
            let root =
                SVGBackend::with_string(&mut svg, (self.width, self.height)).into_drawing_area();
            draw(&root)?;
            root.present().map_err(draw_err)?;
        }
        self.body.push_str("<g");
        push_attrs(&mut self.body, &attrs);
        self.body.push_str(">\n");
        if let Some(title) = title {
            self.body.push_str("<title>");
            self.body.push_str(&escape(title));
            self.body.push_str("</title>\n");
        }
        self.body.push_str(inner(&svg));
        self.body.push_str("</g>\n");
        Ok(())
    }

    /// Opens a group around the layers drawn until [`Figure::close_group`].
    pub fn open_group(&mut self, attrs: Attrs) {
        self.body.push_str("<g");
        push_attrs(&mut self.body, &attrs);
        self.body.push_str(">\n");
        self.open += 1;
    }

    pub fn close_group(&mut self) {
        if self.open > 0 {
            self.body.push_str("</g>\n");
            self.open -= 1;
        }
    }

    /// The whole document, its root `<svg>` carrying `attrs`.
    pub fn finish(mut self, attrs: Attrs) -> String {
        while self.open > 0 {
            self.close_group();
        }
        let mut out = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" \
             viewBox=\"0 0 {w} {h}\"",
            w = self.width,
            h = self.height
        );
        push_attrs(&mut out, &attrs);
        out.push_str(">\n");
        out.push_str(&self.body);
        out.push_str("</svg>\n");
        out
    }
}

/// Stacks finished figures one above the other in one document.
pub fn stack(figures: &[(u32, u32, String)], attrs: Attrs) -> String {
    let width = figures.iter().map(|f| f.0).max().unwrap_or(0);
    let height: u32 = figures.iter().map(|f| f.1).sum();
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\""
    );
    push_attrs(&mut out, &attrs);
    out.push_str(">\n");
    let mut y = 0;
    for (_, h, svg) in figures {
        // A nested <svg> is placed with x/y; the figure's own root is kept.
        out.push_str(&svg.replacen("<svg ", &format!("<svg x=\"0\" y=\"{y}\" "), 1));
        y += h;
    }
    out.push_str("</svg>\n");
    out
}

/// What plotters wrote between its `<svg ...>` line and `</svg>`.
fn inner(svg: &str) -> &str {
    let start = svg.find(">\n").map_or(0, |i| i + 2);
    let end = svg.rfind("</svg>").unwrap_or(svg.len()).max(start);
    &svg[start..end]
}

fn push_attrs(out: &mut String, attrs: &Attrs) {
    for (name, value) in attrs {
        out.push(' ');
        out.push_str(name);
        out.push_str("=\"");
        out.push_str(&escape(value));
        out.push('"');
    }
}

/// Text made safe for XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_layer_keeps_its_attributes_and_drawing() -> Result<(), ReportError> {
        let mut fig = Figure::new(100, 50);
        fig.layer(vec![("id", "box".into())], Some("a <box>"), |area| {
            area.draw(&Rectangle::new([(10, 10), (20, 20)], RED.filled()))
                .map_err(draw_err)
        })?;
        let svg = fig.finish(vec![("class", "test".into())]);
        assert!(svg.starts_with("<svg xmlns="), "{svg}");
        assert!(
            svg.contains("<g id=\"box\">\n<title>a &lt;box&gt;</title>"),
            "{svg}"
        );
        assert!(svg.contains("<rect"), "{svg}");
        assert_eq!(svg.matches("<svg").count(), 1, "{svg}");
        Ok(())
    }
}
