//! The report's look, in one place: sizes, fonts and colours, and the
//! chart frame every layer of a figure shares.

use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;

use super::error::ReportError;
use super::figure::{Area, draw_err};

pub const WIDTH: u32 = 1000;
/// Room above the plot for the title, the summary line and the legend.
pub const HEADER: u32 = 104;
/// Where the legend's row sits.
pub const LEGEND_Y: i32 = 76;
pub const FONT: &str = "sans-serif";

pub const INK: RGBColor = RGBColor(30, 41, 59);
pub const MUTED: RGBColor = RGBColor(100, 116, 139);
pub const GRID: RGBColor = RGBColor(226, 232, 240);
pub const CADENCE: RGBColor = RGBColor(29, 78, 216);
pub const BAND: RGBColor = RGBColor(250, 204, 21);
pub const ALERT: RGBColor = RGBColor(220, 38, 38);
pub const CALM: RGBColor = RGBColor(5, 150, 105);
pub const WARN: RGBColor = RGBColor(234, 88, 12);
pub const RUN_SHADE: RGBColor = RGBColor(219, 234, 254);
pub const WALK_SHADE: RGBColor = RGBColor(220, 252, 231);
pub const EASY_SHADE: RGBColor = RGBColor(241, 245, 249);

/// A chart on f64 axes, as every layer of a figure builds it.
pub type Chart<'a, 'b> =
    ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// The plot frame: the same margins and label areas in every layer, so
/// that every layer maps data to the same pixels.
pub fn frame<'a, 'b>(
    area: &'a Area<'b>,
    x: std::ops::Range<f64>,
    y: std::ops::Range<f64>,
) -> Result<Chart<'a, 'b>, ReportError> {
    ChartBuilder::on(area)
        .margin_top(HEADER)
        .margin_left(16)
        .margin_right(28)
        .margin_bottom(12)
        .x_label_area_size(50)
        .y_label_area_size(70)
        .build_cartesian_2d(x, y)
        .map_err(draw_err)
}

/// The title and the summary line above a plot.
pub fn header(area: &Area<'_>, title: &str, line: &str) -> Result<(), ReportError> {
    let bold = TextStyle::from((FONT, 26).into_font().style(FontStyle::Bold)).color(&INK);
    area.draw(&Text::new(title.to_owned(), (20, 14), bold))
        .map_err(draw_err)?;
    let plain = TextStyle::from((FONT, 17).into_font()).color(&MUTED);
    area.draw(&Text::new(line.to_owned(), (20, 48), plain))
        .map_err(draw_err)
}

/// One legend entry: a swatch and its words, at pixel `(x, y)`.
pub fn legend_entry(
    area: &Area<'_>,
    (x, y): (i32, i32),
    color: RGBAColor,
    words: &str,
) -> Result<(), ReportError> {
    area.draw(&Rectangle::new([(x, y), (x + 14, y + 14)], color.filled()))
        .map_err(draw_err)?;
    let style = TextStyle::from((FONT, 15).into_font()).color(&INK);
    area.draw(&Text::new(words.to_owned(), (x + 20, y), style))
        .map_err(draw_err)
}
