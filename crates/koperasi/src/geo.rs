//! Coordinates of a register (SIMKOPDES location lists give each cooperative's latitude and
//! longitude): reading the cells, and the one check that needs no shipped map: a point outside
//! Indonesia's bounding box.
//!
//! The box ([`INDONESIA_BOUNDS`]) is latitude -11..=6.5 and longitude 94..=141.5 degrees: the
//! extreme points of Indonesia's land (Pulau Weh / Miangas in the north near 6 and 5.6 N,
//! Pulau Pamana near 11 S, Sabang near 95 E, the Papua New Guinea border near 141 E) with a
//! margin. A point inside the box may still be wrong (a Situbondo cooperative placed in
//! Jakarta): kab/kota extents are not shipped, so that is not checked.

use crate::cooperative::{Coordinates, Koperasi};
use crate::stats::checks::{Finding, Severity};

/// `(south, north, west, east)` in degrees: Indonesia's bounding box with a margin.
pub const INDONESIA_BOUNDS: (f64, f64, f64, f64) = (-11.0, 6.5, 94.0, 141.5);

/// Finding code of a point outside [`INDONESIA_BOUNDS`].
pub const OUTSIDE_INDONESIA: &str = "coordinates_outside_indonesia";

/// Read a coordinate in decimal degrees: `-7.68790078`, `113.99`, `-7,6879` (decimal comma),
/// `+6.1`. `None` for anything else (degrees-minutes-seconds, text, two separators, a value
/// that is not finite). The range is checked by [`Coordinates::new`].
pub fn parse_degrees(text: &str) -> Option<f64> {
    let t = text.trim();
    let unsigned = t.strip_prefix(['-', '+']).unwrap_or(t);
    let separators = unsigned
        .bytes()
        .filter(|b| matches!(b, b'.' | b','))
        .count();
    let digits_only = unsigned
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b','));
    if unsigned.is_empty() || separators > 1 || !digits_only {
        return None;
    }
    t.replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
}

/// True when the point lies in [`INDONESIA_BOUNDS`].
pub fn in_indonesia(c: Coordinates) -> bool {
    let (south, north, west, east) = INDONESIA_BOUNDS;
    (south..=north).contains(&c.latitude()) && (west..=east).contains(&c.longitude())
}

/// A `coordinates_outside_indonesia` finding for `k` when its coordinates lie outside
/// [`INDONESIA_BOUNDS`]; the message says when flipping the latitude's sign would put the
/// point inside (the common slip; swapped columns give a latitude beyond 90, which the reader
/// reports as a cell error). `None` when the record has no coordinates or they are inside.
pub fn check_coordinates(k: &Koperasi) -> Option<Finding> {
    let c = k.location.coordinates?;
    if in_indonesia(c) {
        return None;
    }
    let (lat, lon) = (c.latitude(), c.longitude());
    let inside = |la: f64, lo: f64| Coordinates::new(la, lo).is_some_and(in_indonesia);
    let (hint_en, hint_id) = if inside(-lat, lon) {
        (
            "; the latitude's sign looks flipped (south of the equator is negative)",
            "; tanda lintang tampaknya terbalik (selatan khatulistiwa bernilai negatif)",
        )
    } else {
        ("", "")
    };
    Some(Finding {
        code: OUTSIDE_INDONESIA.into(),
        severity: Severity::Warning,
        region: crate::register::region_label(k),
        periods: Vec::new(),
        measure: None,
        lines: k.source_line.into_iter().collect(),
        values: Vec::new(),
        message_en: format!(
            "{}: coordinates ({lat}, {lon}) lie outside Indonesia (latitude -11..6.5, longitude 94..141.5){hint_en}",
            k.name
        ),
        message_id: format!(
            "{}: koordinat ({lat}, {lon}) berada di luar Indonesia (lintang -11..6,5, bujur 94..141,5){hint_id}",
            k.name
        ),
    })
}

/// The latitude and longitude cells of one row, as the register reader meets them.
#[derive(Debug, Default)]
pub(crate) struct CoordinateCells {
    latitude: Option<(f64, usize)>,
    longitude: Option<(f64, usize)>,
}

impl CoordinateCells {
    /// Read the latitude (`latitude = true`) or longitude cell at column `i`. Errors: (code,
    /// reason) for a cell that is not a number of degrees.
    pub(crate) fn read(
        &mut self,
        latitude: bool,
        i: usize,
        v: &str,
    ) -> Result<(), (&'static str, String)> {
        let x = parse_degrees(v).ok_or_else(|| {
            (
                "coordinate_invalid",
                format!("`{v}` is not a coordinate in decimal degrees (e.g. -7.6879 or 113.99)"),
            )
        })?;
        let slot = if latitude {
            &mut self.latitude
        } else {
            &mut self.longitude
        };
        *slot = Some((x, i));
        Ok(())
    }

    /// The point, when both cells were read. Errors: the column of the latitude, with (code,
    /// reason), when the two do not make a point (latitude beyond 90 or longitude beyond 180).
    pub(crate) fn finish(self) -> Result<Option<Coordinates>, (usize, &'static str, String)> {
        let (Some((lat, i)), Some((lon, _))) = (self.latitude, self.longitude) else {
            return Ok(None);
        };
        Coordinates::new(lat, lon).map(Some).ok_or_else(|| {
            let swapped = Coordinates::new(lon, lat).is_some_and(in_indonesia);
            (
                i,
                "coordinate_out_of_range",
                format!(
                    "({lat}, {lon}) is not a point: latitude must be within -90..90 and longitude within -180..180{}",
                    if swapped {
                        "; latitude and longitude look swapped"
                    } else {
                        ""
                    }
                ),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn degrees_are_read_in_both_decimal_marks() {
        assert_eq!(parse_degrees("-7.68790078"), Some(-7.68790078));
        assert_eq!(parse_degrees(" 113,99 "), Some(113.99));
        assert_eq!(parse_degrees("+6.1"), Some(6.1));
        for bad in ["", "-", "7°41'S", "1.234.5", "NaN", "inf", "1e3", "abc"] {
            assert_eq!(parse_degrees(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_box_and_the_hints() {
        let mut k = Koperasi::new("KDMP Sumberkolak");
        k.source_line = Some(2);
        k.location.coordinates = Coordinates::new(-7.6879, 113.9906);
        assert!(check_coordinates(&k).is_none());
        // Swapped columns make no point at all (latitude 113.99).
        assert_eq!(Coordinates::new(113.9906, -7.6879), None);
        let mut cells = CoordinateCells::default();
        cells.read(true, 1, "113.9906").unwrap();
        cells.read(false, 2, "-7.6879").unwrap();
        let (col, code, why) = cells.finish().unwrap_err();
        assert_eq!((col, code), (1, "coordinate_out_of_range"));
        assert!(why.contains("look swapped"), "{why}");
        // Kuala Lumpur: outside, and no swap puts it inside.
        k.location.coordinates = Coordinates::new(3.139, 101.6869);
        assert!(
            check_coordinates(&k).is_none(),
            "inside the box (documented)"
        );
        // A real SIMKOPDES row (Sruwi, Pasuruan): the latitude's sign flipped.
        k.location.coordinates = Coordinates::new(7.754873, 112.952672);
        let f = check_coordinates(&k).unwrap();
        assert_eq!(f.code, OUTSIDE_INDONESIA);
        assert_eq!(f.lines, vec![2]);
        assert!(
            f.message_en.contains("sign looks flipped"),
            "{}",
            f.message_en
        );
        k.location.coordinates = Coordinates::new(52.37, 4.89);
        let f = check_coordinates(&k).unwrap();
        assert!(!f.message_en.contains("flipped"));
        assert!(f.message_id.contains("di luar Indonesia"));
    }
}
