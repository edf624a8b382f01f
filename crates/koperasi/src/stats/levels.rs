//! Region levels of a panel: the level of every row's region (nasional, provinsi,
//! kabupaten/kota, kecamatan, desa/kelurahan, a `JUMLAH`/`TOTAL` row, or not a region), and,
//! per period, which rows are totals of other rows of that period.
//!
//! A row's **parent in the file** is the row of the same period of its nearest region above
//! it that the file lists: a kabupaten's province row when listed, else the national row, else
//! a `JUMLAH`/`TOTAL` row (with several such rows in one period, each totals the rows since
//! the previous one). Regions are compared as they were at the end of the period, so before
//! the 2022 splits `Papua` contains the kabupaten now in Papua Tengah
//! ([`crate::wilayah::contains_on`]). A row that is the parent of other rows is a **total**:
//! it stands for its parts and is never summed with them. The figure of a period is the sum
//! of its top rows (rows without a parent in the file), a total counting for its parts.
//!
//! A row marked [`super::PanelRow::is_parent`] (a parent path of a hierarchical SIPD table,
//! e.g. `Jumlah Koperasi Aktif` above its kecamatan) is already known to total its breakdown
//! children, which the file lists: it takes no part in the levels (never summed, never a
//! parent here); [`crate::io::shapes::Shape::parent_gaps`] checks it against its children.

use super::panel::{Panel, PanelIndex, RegionRows};
use super::period::Period;
use crate::wilayah::{KodeWilayah, RegionLevel, Resolution, contains_on, resolve_names};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

/// What one region of a panel is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Node {
    /// A region of the hierarchy: its level, and its code below the nation.
    Region(RegionLevel, Option<KodeWilayah>),
    /// A `JUMLAH` / `TOTAL` row.
    TotalLabel,
    /// A name several regions have, with the deepest region containing all of them (`Malang`,
    /// kabupaten or kota: Jawa Timur), if any.
    Ambiguous(Option<KodeWilayah>),
    /// No Indonesian region of that name.
    Unknown,
}

impl Node {
    pub(crate) fn code(&self) -> Option<KodeWilayah> {
        match self {
            Node::Region(_, c) => *c,
            _ => None,
        }
    }

    pub(crate) fn level(&self) -> Option<RegionLevel> {
        match self {
            Node::Region(l, _) => Some(*l),
            _ => None,
        }
    }
}

/// The rows of one period as a forest: parent and children by region index.
#[derive(Debug, Default)]
pub(crate) struct PeriodTree {
    /// Regions with a row in this period, in source order of that row.
    pub(crate) members: Vec<usize>,
    /// Region -> its parent in the file.
    pub(crate) parent: BTreeMap<usize, usize>,
    /// Region -> its parts in the file, in source order.
    pub(crate) children: BTreeMap<usize, Vec<usize>>,
}

impl PeriodTree {
    /// Regions without a parent in the file: what the period's figure sums.
    pub(crate) fn top(&self) -> Vec<usize> {
        self.members
            .iter()
            .copied()
            .filter(|m| !self.parent.contains_key(m))
            .collect()
    }

    /// True when `region` is a total of other rows of this period.
    pub(crate) fn is_total(&self, region: usize) -> bool {
        self.children.get(&region).is_some_and(|c| !c.is_empty())
    }
}

/// The levels of a panel's regions and the tree of each period.
#[derive(Debug)]
pub(crate) struct Levels<'a> {
    pub(crate) index: PanelIndex<'a>,
    /// Parallel to `index.regions`.
    pub(crate) nodes: Vec<Node>,
    pub(crate) periods: BTreeMap<Period, PeriodTree>,
}

/// The date regions are taken as of for `period`: its last day (far in the future when the
/// period is invalid, i.e. today's regions).
pub(crate) fn period_date(period: Period) -> NaiveDate {
    period.end_date().unwrap_or(NaiveDate::MAX)
}

impl<'a> Levels<'a> {
    /// Levels of `panel`, leaving out the region named `exclude` (found as in
    /// [`Panel::rows_of`]); names without a code are resolved within `within`.
    pub(crate) fn new(
        panel: &'a Panel,
        exclude: Option<&str>,
        within: Option<&KodeWilayah>,
    ) -> Levels<'a> {
        let index = PanelIndex::new(panel);
        let skip = exclude.and_then(|p| index.position(p));
        let nodes = nodes_of(&index.regions, within);
        let mut periods: BTreeMap<Period, Vec<(u64, usize)>> = BTreeMap::new();
        for (i, r) in index.regions.iter().enumerate() {
            if Some(i) == skip {
                continue;
            }
            // A row that totals other rows of a hierarchical table (`is_parent`) stands for
            // its breakdown children, which are listed: it is no member of the period.
            for (p, rows) in &r.by_period {
                if let Some(first) = rows.iter().find(|x| !x.is_parent) {
                    periods.entry(*p).or_default().push((first.line, i));
                }
            }
        }
        // Rows of different breakdowns of a table are different cells: one is never the part
        // of another (a kab/kota figure of one breakdown does not total the kecamatan of
        // another).
        let breakdowns: Vec<&[String]> = index
            .regions
            .iter()
            .map(|r| r.rows.first().map_or(&[][..], |x| x.breakdown.as_slice()))
            .collect();
        let periods = periods
            .into_iter()
            .map(|(p, mut m)| {
                m.sort_unstable();
                let measures = measures_of(&index, &m, p);
                let rows = Rows {
                    nodes: &nodes,
                    breakdowns: &breakdowns,
                    measures: &measures,
                };
                (p, tree(&rows, &m, period_date(p)))
            })
            .collect();
        Levels {
            index,
            nodes,
            periods,
        }
    }

    /// The value of `measure` for `region` in `period`: its own (first row having it), else,
    /// for a total lacking it, the sum of its parts' values (`None` when none has one).
    pub(crate) fn value(&self, region: usize, period: Period, measure: &str) -> Option<i64> {
        let own = self
            .index
            .regions
            .get(region)
            .and_then(|r| r.get_summable(period, measure));
        if let Some((v, _)) = own {
            return Some(v);
        }
        let parts = self.periods.get(&period)?.children.get(&region)?;
        sum(parts.iter().map(|c| self.value(*c, period, measure)))
    }

    /// The figure of `period` for `measure`: the sum over its top rows (restricted to `only`
    /// when given); `None` when none has a value.
    pub(crate) fn period_sum(
        &self,
        period: Period,
        measure: &str,
        only: Option<&BTreeSet<usize>>,
    ) -> Option<i64> {
        let tree = self.periods.get(&period)?;
        sum(tree
            .top()
            .into_iter()
            .filter(|m| only.is_none_or(|o| o.contains(m)))
            .map(|m| self.value(m, period, measure)))
    }

    /// Regions whose row is a total of others in at least one period.
    pub(crate) fn total_regions(&self) -> BTreeSet<usize> {
        self.periods
            .values()
            .flat_map(|t| t.members.iter().copied().filter(|m| t.is_total(*m)))
            .collect()
    }

    /// The region's rows (a name for messages).
    pub(crate) fn region(&self, i: usize) -> Option<&RegionRows<'a>> {
        self.index.regions.get(i)
    }

    /// The source line of the region's first row in `period` (0 when none).
    pub(crate) fn line(&self, i: usize, period: Period) -> u64 {
        self.region(i)
            .and_then(|r| r.by_period.get(&period))
            .and_then(|rows| rows.first())
            .map_or(0, |r| r.line)
    }
}

/// Sum of the values present; `None` when none is.
fn sum(values: impl Iterator<Item = Option<i64>>) -> Option<i64> {
    values.flatten().fold(None, |acc: Option<i64>, v| {
        Some(acc.unwrap_or(0).saturating_add(v))
    })
}

/// What each region is: by its code, else by its name (resolved together, within `within`).
fn nodes_of(regions: &[RegionRows<'_>], within: Option<&KodeWilayah>) -> Vec<Node> {
    let names = regions
        .iter()
        .filter(|r| r.code.is_none() && !crate::io::is_total_label(r.name))
        .map(|r| r.name);
    let resolved = resolve_names(names, within);
    regions
        .iter()
        .map(|r| match r.code {
            Some(c) => Node::Region(RegionLevel::of(&c), Some(c)),
            None if crate::io::is_total_label(r.name) => Node::TotalLabel,
            None => match resolved.get(r.name) {
                Some(Resolution::Nasional) => Node::Region(RegionLevel::Nasional, None),
                Some(Resolution::Found(c)) => Node::Region(RegionLevel::of(c), Some(*c)),
                Some(Resolution::Ambiguous(c)) => Node::Ambiguous(common_ancestor(c)),
                _ => Node::Unknown,
            },
        })
        .collect()
}

/// The deepest region containing every one of `codes` (`None` when they lie in different
/// provinces, or when there are none).
fn common_ancestor(codes: &[KodeWilayah]) -> Option<KodeWilayah> {
    let first = codes.first()?;
    let mut a = Some(*first);
    while let Some(x) = a {
        if codes.iter().all(|c| x.contains(c)) {
            return Some(x);
        }
        a = x.parent();
    }
    None
}

/// The measures (counts and rates) of each member's rows in `period`, totals of a hierarchical
/// table left out.
fn measures_of<'a>(
    index: &PanelIndex<'a>,
    members: &[(u64, usize)],
    period: Period,
) -> BTreeMap<usize, BTreeSet<&'a str>> {
    members
        .iter()
        .map(|(_, i)| {
            let rows = index
                .regions
                .get(*i)
                .and_then(|r| r.by_period.get(&period))
                .into_iter()
                .flatten()
                .filter(|r| !r.is_parent);
            let names = rows
                .flat_map(|r| r.values.keys().chain(r.rates.keys()))
                .map(String::as_str)
                .collect();
            (*i, names)
        })
        .collect()
}

/// What the tree of a period is built from, by region index: what each region is, its
/// breakdown, and the measures of its rows in the period.
struct Rows<'r, 'a> {
    nodes: &'r [Node],
    breakdowns: &'r [&'a [String]],
    measures: &'r BTreeMap<usize, BTreeSet<&'a str>>,
}

impl Rows<'_, '_> {
    fn node(&self, i: usize) -> Node {
        self.nodes.get(i).copied().unwrap_or(Node::Unknown)
    }

    fn breakdown(&self, i: usize) -> &[String] {
        self.breakdowns.get(i).copied().unwrap_or_default()
    }

    /// True when the rows of `a` and `b` share a measure: only then can one total the other
    /// (a kab/kota row giving `aktif` is no total of kecamatan rows giving `tidak_aktif`).
    fn share_measure(&self, a: usize, b: usize) -> bool {
        match (self.measures.get(&a), self.measures.get(&b)) {
            (Some(x), Some(y)) => !x.is_disjoint(y),
            _ => false,
        }
    }
}

/// The regions of one breakdown in one period: by code, and the national row.
type Group = (BTreeMap<KodeWilayah, usize>, Option<usize>);

/// The tree of one period: `members` are (line, region) sorted by line.
fn tree(rows: &Rows<'_, '_>, members: &[(u64, usize)], date: NaiveDate) -> PeriodTree {
    let node = |i: usize| rows.node(i);
    let breakdown = |i: usize| rows.breakdown(i);
    let mut t = PeriodTree {
        members: members.iter().map(|(_, i)| *i).collect(),
        ..PeriodTree::default()
    };
    // Per breakdown: its regions by code, and its national row.
    let mut groups: BTreeMap<&[String], Group> = BTreeMap::new();
    for (_, j) in members {
        let g = groups.entry(breakdown(*j)).or_default();
        if let Some(c) = node(*j).code() {
            g.0.insert(c, *j);
        }
        if g.1.is_none() && node(*j).level() == Some(RegionLevel::Nasional) {
            g.1 = Some(*j);
        }
    }
    let empty = (BTreeMap::new(), None);
    for (_, i) in members {
        let (by_code, nasional) = groups.get(breakdown(*i)).unwrap_or(&empty);
        let nasional = *nasional;
        let parent = match node(*i) {
            Node::TotalLabel | Node::Region(RegionLevel::Nasional, _) => None,
            Node::Region(_, Some(c)) => nearest_listed(by_code, &c, date).or(nasional),
            Node::Ambiguous(Some(a)) => by_code
                .get(&a)
                .copied()
                .or_else(|| nearest_listed(by_code, &a, date))
                .or(nasional),
            _ => nasional,
        };
        if let Some(p) = parent.filter(|p| p != i && rows.share_measure(*p, *i)) {
            t.parent.insert(*i, p);
        }
    }
    attach_total_labels(&mut t, rows, members);
    for m in &t.members {
        if let Some(p) = t.parent.get(m) {
            t.children.entry(*p).or_default().push(*m);
        }
    }
    t
}

/// The deepest region listed in `by_code` that contains `code` (as regions were on `date`),
/// other than `code` itself.
fn nearest_listed(
    by_code: &BTreeMap<KodeWilayah, usize>,
    code: &KodeWilayah,
    date: NaiveDate,
) -> Option<usize> {
    let mut up = code.parent();
    while let Some(u) = up {
        if let Some(i) = by_code.get(&u) {
            return Some(*i);
        }
        up = u.parent();
    }
    // A province split later: its former province (Papua for Papua Tengah before 2022).
    let former = crate::wilayah::province_on(code, date);
    (former != code.provinsi() && contains_on(&former, code, date))
        .then(|| by_code.get(&former).copied())
        .flatten()
}

/// `JUMLAH`/`TOTAL` rows: with one in the period, it totals every row without a parent; with
/// several, each totals the rows without a parent between the previous one and itself, or,
/// when there are none, the earlier total rows (a grand total under subtotals).
fn attach_total_labels(t: &mut PeriodTree, rows: &Rows<'_, '_>, members: &[(u64, usize)]) {
    let is_label = |i: usize| rows.node(i) == Node::TotalLabel;
    let labels: Vec<(u64, usize)> = members
        .iter()
        .copied()
        .filter(|(_, i)| is_label(*i))
        .collect();
    let free: Vec<(u64, usize)> = members
        .iter()
        .copied()
        .filter(|(_, i)| !is_label(*i) && !t.parent.contains_key(i))
        .collect();
    if let [(_, only)] = labels.as_slice() {
        for (_, i) in free.iter().filter(|(_, i)| rows.share_measure(*only, *i)) {
            t.parent.insert(*i, *only);
        }
        return;
    }
    let mut from = 0u64;
    let mut earlier: Vec<usize> = Vec::new();
    for (line, label) in &labels {
        let parts: Vec<usize> = free
            .iter()
            .filter(|(l, _)| *l > from && l < line)
            .map(|(_, i)| *i)
            .collect();
        let parts = if parts.is_empty() {
            std::mem::take(&mut earlier)
        } else {
            parts
        };
        for p in parts.into_iter().filter(|p| rows.share_measure(*label, *p)) {
            t.parent.insert(p, *label);
        }
        earlier.push(*label);
        from = *line;
    }
}

/// Set the Kemendagri code of every row that has none from its name, at every level
/// ([`crate::wilayah::resolve_names`]: provinsi, kab/kota, and kecamatan/desa within `within`
/// or within the kab/kota the other rows lie in). The nation, `JUMLAH`/`TOTAL` rows, ambiguous
/// names and names that are no region keep `None`.
pub fn resolve_codes(rows: &mut [super::PanelRow], within: Option<&KodeWilayah>) {
    let names: Vec<String> = rows
        .iter()
        .filter(|r| r.region_code.is_none() && !crate::io::is_total_label(&r.region))
        .map(|r| r.region.clone())
        .collect();
    let resolved = resolve_names(names.iter().map(String::as_str), within);
    for r in rows.iter_mut().filter(|r| r.region_code.is_none()) {
        if let Some(Resolution::Found(c)) = resolved.get(&r.region) {
            r.region_code = Some(*c);
        }
    }
}
