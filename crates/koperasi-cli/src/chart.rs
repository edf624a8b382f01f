//! `koperasi report --chart out.svg`: the report's charts as one SVG, drawn by plotters' SVG
//! backend (text as SVG `<text>` elements; no font files, no system libraries), labelled in
//! the chosen language:
//! - a panel: totals per period (a line), and aktif / tidak aktif per period (stacked bars);
//! - a register: counts by the breakdown (bars; stacked by status when the breakdown is one
//!   field and `status`, e.g. `--by kecamatan,status`), and counts by status.
//!
//! Every label from a file goes through [`koperasi::io::safe::terminal_text`] (no control
//! character reaches the XML); plotters escapes `<`, `>` and `&`.

use crate::Failure;
use crate::labels::Labels;
use crate::render;
use koperasi::register::Field;
use koperasi::report::{PanelReport, RegisterReport, Report};
use koperasi::status::Status;
use plotters::coord::Shift;
use plotters::prelude::*;

/// Width of the drawing, pixels.
const WIDTH: u32 = 960;
/// Bars shown at most in a bar chart (the largest; the title says how many there are).
const MAX_BARS: usize = 40;

type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

fn err(e: impl std::fmt::Display) -> Failure {
    Failure(format!("chart: {e}"))
}

/// The colour of a status (also for aktif / tidak aktif of a panel).
fn status_colour(s: Status) -> RGBColor {
    match s {
        Status::Active => RGBColor(46, 125, 50),
        Status::Inactive => RGBColor(198, 40, 40),
        Status::NotFound => RGBColor(239, 108, 0),
        Status::Dissolved => RGBColor(97, 97, 97),
        Status::NotYetDue => RGBColor(21, 101, 192),
        Status::NotAssessable => RGBColor(176, 190, 197),
    }
}

/// A label from a file, safe for the XML.
fn safe(text: &str) -> String {
    koperasi::io::safe::terminal_text(text).into_owned()
}

/// The report's charts as SVG text.
pub fn report_svg(report: &Report, l: &Labels) -> Result<String, Failure> {
    let mut svg = String::new();
    match report {
        Report::Panel(p) => {
            // A chart of figures the file does not give (no total, or no aktif / tidak aktif)
            // is left out.
            let totals = p.periods.iter().any(|r| r.total.is_some());
            let aktif = p
                .periods
                .iter()
                .any(|r| r.aktif.is_some() || r.tidak_aktif.is_some());
            let charts = u32::from(totals) + u32::from(aktif);
            let root =
                SVGBackend::with_string(&mut svg, (WIDTH, 400 * charts.max(1))).into_drawing_area();
            root.fill(&WHITE).map_err(err)?;
            let areas = root.split_evenly((charts.max(1) as usize, 1));
            let mut areas = areas.iter();
            if totals {
                if let Some(area) = areas.next() {
                    totals_chart(area, p, l)?;
                }
            }
            if aktif {
                if let Some(area) = areas.next() {
                    aktif_chart(area, p, l)?;
                }
            }
            root.present().map_err(err)?;
        }
        Report::Register(r) => {
            let bars = breakdown_bars(r, l);
            let h1 = 120 + 24 * bars.rows.len().max(1) as u32;
            let h2 = 120 + 24 * Status::ALL.len() as u32;
            let root = SVGBackend::with_string(&mut svg, (WIDTH, h1 + h2)).into_drawing_area();
            root.fill(&WHITE).map_err(err)?;
            let (top, bottom) = root.split_vertically(h1);
            bar_chart(&top, &bars, l)?;
            bar_chart(&bottom, &status_bars(r, l), l)?;
            root.present().map_err(err)?;
        }
    }
    Ok(svg)
}

/// The periods' labels and the x range over them.
fn period_labels(p: &PanelReport, l: &Labels) -> Vec<String> {
    p.periods.iter().map(|r| l.period_label(r.period)).collect()
}

fn totals_chart(area: &Area, p: &PanelReport, l: &Labels) -> Result<(), Failure> {
    let labels = period_labels(p, l);
    let n = labels.len().max(1);
    let top = p
        .periods
        .iter()
        .filter_map(|r| r.total)
        .max()
        .unwrap_or(0)
        .max(1);
    let mut c = ChartBuilder::on(area)
        .caption(l.totals_per_period(), ("sans-serif", 20))
        .margin(15)
        .x_label_area_size(40)
        .y_label_area_size(70)
        .build_cartesian_2d(slots(n).into_segmented(), 0i64..(top + top / 8 + 1))
        .map_err(err)?;
    c.configure_mesh()
        .disable_x_mesh()
        .x_labels(n.min(24))
        .x_label_formatter(&|v| every_label(v, &labels))
        .light_line_style(WHITE)
        .y_desc(l.total())
        .y_label_formatter(&|v| l.int(*v))
        .draw()
        .map_err(err)?;
    let blue = RGBColor(21, 101, 192);
    let points: Vec<(SegmentValue<usize>, i64)> = p
        .periods
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.total.map(|t| (SegmentValue::CenterOf(i), t)))
        .collect();
    c.draw_series(LineSeries::new(points.clone(), blue.stroke_width(2)))
        .map_err(err)?;
    c.draw_series(
        points
            .iter()
            .map(|pt| Circle::new(pt.clone(), 3, blue.filled())),
    )
    .map_err(err)?;
    Ok(())
}

/// The discrete range of `n` categories (`0..n-1` holds `n` values); one category gets a
/// range of two, since a range of one value cannot be drawn.
fn slots(n: usize) -> std::ops::Range<usize> {
    0..n.saturating_sub(1).max(1)
}

fn segment_label(v: &SegmentValue<usize>, labels: &[String]) -> String {
    match v {
        SegmentValue::CenterOf(i) | SegmentValue::Exact(i) => {
            labels.get(*i).cloned().unwrap_or_default()
        }
        SegmentValue::Last => String::new(),
    }
}

/// The label of period `v` when it is one of every `step` (the first and last included), else
/// none:
/// at most about ten period labels fit under a chart.
fn every_label(v: &SegmentValue<usize>, labels: &[String]) -> String {
    let step = labels.len().div_ceil(10).max(1);
    match v {
        SegmentValue::CenterOf(i) | SegmentValue::Exact(i)
            if i % step == 0 || *i + 1 == labels.len() =>
        {
            segment_label(v, labels)
        }
        _ => String::new(),
    }
}

fn aktif_chart(area: &Area, p: &PanelReport, l: &Labels) -> Result<(), Failure> {
    let labels = period_labels(p, l);
    let n = labels.len().max(1);
    let height = |r: &koperasi::report::PeriodTotals| {
        r.aktif.unwrap_or(0).max(0) + r.tidak_aktif.unwrap_or(0).max(0)
    };
    let top = p.periods.iter().map(height).max().unwrap_or(0).max(1);
    let mut c = ChartBuilder::on(area)
        .caption(
            format!("{} / {}", l.aktif(), l.tidak_aktif()),
            ("sans-serif", 20),
        )
        .margin(15)
        .x_label_area_size(40)
        .y_label_area_size(70)
        .build_cartesian_2d(slots(n).into_segmented(), 0i64..(top + top / 3 + 1))
        .map_err(err)?;
    c.configure_mesh()
        .disable_x_mesh()
        .x_labels(n.min(24))
        .x_label_formatter(&|v| every_label(v, &labels))
        .light_line_style(WHITE)
        .y_label_formatter(&|v| l.int(*v))
        .draw()
        .map_err(err)?;
    let (green, red) = (
        status_colour(Status::Active),
        status_colour(Status::Inactive),
    );
    let bar = |i: usize, from: i64, to: i64, colour: RGBColor| {
        let mut r = Rectangle::new(
            [
                (SegmentValue::Exact(i), from),
                (SegmentValue::Exact(i + 1), to),
            ],
            colour.filled(),
        );
        r.set_margin(0, 0, 2, 2);
        r
    };
    c.draw_series(
        p.periods
            .iter()
            .enumerate()
            .map(|(i, r)| bar(i, 0, r.aktif.unwrap_or(0).max(0), green)),
    )
    .map_err(err)?
    .label(l.aktif())
    .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 10, y + 5)], green.filled()));
    c.draw_series(p.periods.iter().enumerate().map(|(i, r)| {
        let a = r.aktif.unwrap_or(0).max(0);
        bar(i, a, a + r.tidak_aktif.unwrap_or(0).max(0), red)
    }))
    .map_err(err)?
    .label(l.tidak_aktif())
    .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 10, y + 5)], red.filled()));
    c.configure_series_labels()
        .border_style(BLACK)
        .background_style(WHITE.mix(0.8))
        .position(SeriesLabelPosition::UpperLeft)
        .draw()
        .map_err(err)?;
    Ok(())
}

/// A horizontal bar chart: one row per key, each bar made of coloured parts.
struct Bars {
    title: String,
    rows: Vec<(String, Vec<(u64, RGBColor)>)>,
    /// The legend: (label, colour), empty for one-colour bars.
    legend: Vec<(String, RGBColor)>,
}

/// Counts by the breakdown: by status within each key when the breakdown is one field and
/// `status`, else one bar per row of the count table. The largest [`MAX_BARS`] rows.
fn breakdown_bars(r: &RegisterReport, l: &Labels) -> Bars {
    let fields = &r.counts.fields;
    let names: Vec<&str> = fields.iter().map(|f| render::field_label(l, *f)).collect();
    let mut title = format!("{} {}", l.counts_by(), names.join(" x "));
    let status_at = fields.iter().position(|f| *f == Field::Status);
    let mut rows: Vec<(String, Vec<(u64, RGBColor)>)> = Vec::new();
    let mut legend = Vec::new();
    match (fields.len(), status_at) {
        (2, Some(si)) => {
            let ki = 1 - si;
            let other = fields.get(ki).copied().unwrap_or(Field::Status);
            for (keys, n) in &r.counts.rows {
                let key = render::key_label(l, other, &keys.get(ki).cloned().flatten());
                let status = keys
                    .get(si)
                    .and_then(|k| k.as_deref())
                    .and_then(|c| Status::ALL.into_iter().find(|s| s.code() == c))
                    .unwrap_or(Status::NotAssessable);
                let part = (*n, status_colour(status));
                match rows.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, parts)) => parts.push(part),
                    None => rows.push((key, vec![part])),
                }
            }
            legend = Status::ALL
                .iter()
                .map(|s| (render::status_label(l, *s).to_string(), status_colour(*s)))
                .collect();
        }
        _ => {
            let blue = RGBColor(21, 101, 192);
            for (keys, n) in &r.counts.rows {
                let key: Vec<String> = fields
                    .iter()
                    .zip(keys)
                    .map(|(f, k)| render::key_label(l, *f, k))
                    .collect();
                rows.push((key.join(" / "), vec![(*n, blue)]));
            }
        }
    }
    if rows.len() > MAX_BARS {
        let total = rows.len();
        rows.sort_by_key(|(_, parts)| std::cmp::Reverse(parts.iter().map(|p| p.0).sum::<u64>()));
        rows.truncate(MAX_BARS);
        title.push_str(&format!(" ({MAX_BARS} {} {total})", l.of()));
    }
    Bars {
        title,
        rows: rows.into_iter().map(|(k, p)| (safe(&k), p)).collect(),
        legend,
    }
}

/// Counts by status, every status shown.
fn status_bars(r: &RegisterReport, l: &Labels) -> Bars {
    Bars {
        title: l.status().to_string(),
        rows: Status::ALL
            .iter()
            .map(|s| {
                let n = r.status_counts.get(s).copied().unwrap_or(0);
                (
                    render::status_label(l, *s).to_string(),
                    vec![(n, status_colour(*s))],
                )
            })
            .collect(),
        legend: Vec::new(),
    }
}

fn bar_chart(area: &Area, bars: &Bars, l: &Labels) -> Result<(), Failure> {
    let n = bars.rows.len().max(1);
    let top = bars
        .rows
        .iter()
        .map(|(_, parts)| parts.iter().map(|p| p.0).sum::<u64>())
        .max()
        .unwrap_or(0)
        .max(1);
    let longest = bars
        .rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    // The first row on top: row `i` is drawn at position `n - 1 - i`.
    let labels: Vec<String> = bars.rows.iter().rev().map(|(k, _)| k.clone()).collect();
    // Room on the right for the value labels, and for the legend when there is one.
    let right = if bars.legend.is_empty() {
        top / 5
    } else {
        top * 3 / 4
    };
    let mut c = ChartBuilder::on(area)
        .caption(&bars.title, ("sans-serif", 20))
        .margin(15)
        .x_label_area_size(30)
        .y_label_area_size((longest as u32 * 7 + 10).clamp(60, 320))
        .build_cartesian_2d(0u64..(top + right + 1), slots(n).into_segmented())
        .map_err(err)?;
    c.configure_mesh()
        .disable_y_mesh()
        .light_line_style(WHITE)
        .y_labels(n)
        .y_label_formatter(&|v| segment_label(v, &labels))
        .draw()
        .map_err(err)?;
    for (row, (_, parts)) in bars.rows.iter().enumerate() {
        let i = n - 1 - row;
        let mut from = 0u64;
        for (v, colour) in parts {
            let mut bar = Rectangle::new(
                [
                    (from, SegmentValue::Exact(i)),
                    (from + v, SegmentValue::Exact(i + 1)),
                ],
                colour.filled(),
            );
            bar.set_margin(2, 2, 0, 0);
            c.draw_series(std::iter::once(bar)).map_err(err)?;
            from += v;
        }
        c.draw_series(std::iter::once(Text::new(
            format!(" {}", l.int(i64::try_from(from).unwrap_or(i64::MAX))),
            (from, SegmentValue::CenterOf(i)),
            ("sans-serif", 13),
        )))
        .map_err(err)?;
    }
    for (label, colour) in &bars.legend {
        let colour = *colour;
        c.draw_series(std::iter::empty::<Rectangle<(u64, SegmentValue<usize>)>>())
            .map_err(err)?
            .label(label.as_str())
            .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 10, y + 5)], colour.filled()));
    }
    if !bars.legend.is_empty() {
        c.configure_series_labels()
            .border_style(BLACK)
            .background_style(WHITE.mix(0.8))
            .position(SeriesLabelPosition::UpperRight)
            .draw()
            .map_err(err)?;
    }
    Ok(())
}
