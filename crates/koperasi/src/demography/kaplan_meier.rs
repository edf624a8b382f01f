//! Kaplan-Meier product-limit estimator with right-censoring, left truncation (late entry) and
//! Greenwood confidence intervals on the log(-log) scale (DOMAIN.md 5.4).
//!
//! The estimator reproduces lifelines' `KaplanMeierFitter.fit(durations, event_observed,
//! entry=entry, alpha=alpha)` (lifelines 0.30) value for value; the conformance vectors
//! `tests/vectors/demography/km_*.json` are produced by lifelines itself
//! (`tests/vectors/demography/gen/`):
//!
//! * the **timeline** is the sorted distinct durations and entry times (entry times are all 0
//!   when no `entry` is given, so 0 is on the timeline);
//! * at a time `t_j` (not the first of the timeline) the number at risk is
//!   `n_j = #{entry_i < t_j} − #{duration_i < t_j}`: a unit that enters at `t_j` is not at risk
//!   of an event at `t_j`; at the first time of the timeline, units entering there are at risk.
//!   A unit censored at `t_j` is at risk for the events at `t_j` (censoring just after);
//! * `S(t) = Π_{t_j ≤ t} (n_j − d_j) / n_j`, computed as `exp Σ (ln(n_j − d_j) − ln n_j)`;
//!   times with `n_j = 0` contribute nothing;
//! * Greenwood: `c(t) = Σ_{t_j ≤ t} d_j / (n_j (n_j − d_j))` (terms with `n_j = d_j` count 0, as
//!   in lifelines);
//! * confidence interval ("exponential Greenwood", the log(-log) transform, lifelines' only
//!   method): with `v = ln S(t)` and `z = Φ⁻¹(1 − α/2)`,
//!   `lower = exp(−exp(ln(−v) − z √c / v))`, `upper = exp(−exp(ln(−v) + z √c / v))`; where this
//!   is undefined (`S = 1`) both bounds are 1, as lifelines fills them;
//! * median: the first timeline time with `S(t) ≤ 0.5`; `None` when S never falls to 0.5
//!   (lifelines reports `inf`).

use crate::error::DemographyError;
use serde::{Deserialize, Serialize};

/// A fitted Kaplan-Meier survival curve, one entry per timeline time (parallel columns).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct KaplanMeier {
    /// Distinct times (durations and entry times), ascending; in the unit of the durations
    /// (years for cooperatives).
    pub timeline: Vec<f64>,
    /// Units at risk of an event at each time (`n_j`, see the module documentation).
    pub at_risk: Vec<u64>,
    /// Events (deaths) observed at each time (`d_j`).
    pub events: Vec<u64>,
    /// Units censored at each time.
    pub censored: Vec<u64>,
    /// Units entering at each time (left truncation).
    pub entered: Vec<u64>,
    /// `S(t)` at each time, in \[0, 1\].
    pub survival: Vec<f64>,
    /// Lower bound of the pointwise confidence interval.
    pub ci_lower: Vec<f64>,
    /// Upper bound of the pointwise confidence interval.
    pub ci_upper: Vec<f64>,
    /// Greenwood's sum `c(t)`; `Var S(t) = S(t)² c(t)`.
    pub greenwood: Vec<f64>,
    /// Median survival time: the first time with `S(t) ≤ 0.5`; `None` when never reached.
    pub median: Option<f64>,
    /// The α of the confidence interval (0.05 gives a 95% interval).
    pub alpha: f64,
}

impl KaplanMeier {
    /// `S(t)` at any time `t`: the value at the latest timeline time `≤ t`; 1 before the first.
    pub fn survival_at(&self, t: f64) -> f64 {
        let i = self.timeline.partition_point(|&x| x <= t);
        i.checked_sub(1)
            .and_then(|i| self.survival.get(i))
            .copied()
            .unwrap_or(1.0)
    }
}

/// Fit the Kaplan-Meier estimator (module documentation; DOMAIN.md 5.4).
///
/// * `durations`: time of the event or of censoring of each unit (finite, ≥ 0); for
///   cooperatives, years from the tanggal badan hukum;
/// * `observed`: `true` when the unit's event (death) was observed at its duration, `false`
///   when it was censored (still alive at the as-of date, or last seen then);
/// * `entry`: optional time each unit came under observation (left truncation, e.g. a coop
///   founded before the observation window enters at its age when the window opens);
///   `entry_i ≤ durations_i`;
/// * `alpha`: in (0, 1); 0.05 for a 95% interval (lifelines' default).
///
/// Errors: [`DemographyError::Empty`] (no durations), [`DemographyError::LengthMismatch`]
/// (`observed` or `entry` not one per duration), [`DemographyError::InvalidValue`] (a negative
/// or non-finite duration or entry, `alpha` outside (0, 1)),
/// [`DemographyError::EntryAfterDuration`].
///
/// ```
/// use koperasi::demography::kaplan_meier;
/// // Four coops: deaths at 1 and 3 years, one censored at 2, one at 4.
/// let km = kaplan_meier(&[1.0, 2.0, 3.0, 4.0], &[true, false, true, false], None, 0.05)?;
/// assert_eq!(km.timeline, vec![0.0, 1.0, 2.0, 3.0, 4.0]);
/// assert!((km.survival_at(3.5) - 0.75 * 0.5).abs() < 1e-12);
/// assert_eq!(km.median, Some(3.0));
/// # Ok::<(), koperasi::error::DemographyError>(())
/// ```
pub fn kaplan_meier(
    durations: &[f64],
    observed: &[bool],
    entry: Option<&[f64]>,
    alpha: f64,
) -> Result<KaplanMeier, DemographyError> {
    let n = durations.len();
    if n == 0 {
        return Err(DemographyError::Empty {
            what: "durations".into(),
        });
    }
    if observed.len() != n {
        return Err(DemographyError::LengthMismatch {
            what: "event_observed".into(),
            expected: n,
            got: observed.len(),
        });
    }
    if !(alpha > 0.0 && alpha < 1.0) {
        return Err(invalid("alpha", alpha, "must be strictly between 0 and 1"));
    }
    for (i, &d) in durations.iter().enumerate() {
        if !d.is_finite() || d < 0.0 {
            return Err(invalid(
                &format!("durations[{i}]"),
                d,
                "a duration is a finite time >= 0",
            ));
        }
    }
    let zeros;
    let entry = match entry {
        Some(e) => {
            if e.len() != n {
                return Err(DemographyError::LengthMismatch {
                    what: "entry".into(),
                    expected: n,
                    got: e.len(),
                });
            }
            for (i, (&en, &d)) in e.iter().zip(durations).enumerate() {
                if !en.is_finite() || en < 0.0 {
                    return Err(invalid(
                        &format!("entry[{i}]"),
                        en,
                        "an entry time is a finite time >= 0",
                    ));
                }
                if en > d {
                    return Err(DemographyError::EntryAfterDuration {
                        index: i,
                        entry: en,
                        duration: d,
                    });
                }
            }
            e
        }
        None => {
            zeros = vec![0.0; n];
            &zeros[..]
        }
    };
    // Event table: (time, removed, observed, entered), sorted by time.
    let mut marks: Vec<(f64, u8, bool)> = Vec::with_capacity(2 * n);
    for (i, &d) in durations.iter().enumerate() {
        marks.push((d, 0, observed.get(i).copied().unwrap_or(false)));
    }
    for &e in entry {
        marks.push((e, 1, false));
    }
    marks.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut timeline: Vec<f64> = Vec::new();
    let mut removed: Vec<u64> = Vec::new();
    let mut events: Vec<u64> = Vec::new();
    let mut entered: Vec<u64> = Vec::new();
    for (t, kind, obs) in marks {
        if timeline.last() != Some(&t) {
            timeline.push(t);
            removed.push(0);
            events.push(0);
            entered.push(0);
        }
        let (Some(r), Some(d), Some(e)) =
            (removed.last_mut(), events.last_mut(), entered.last_mut())
        else {
            continue;
        };
        if kind == 1 {
            *e += 1;
        } else {
            *r += 1;
            if obs {
                *d += 1;
            }
        }
    }
    let z = inv_normal_cdf(1.0 - alpha / 2.0);
    let m = timeline.len();
    let mut at_risk = Vec::with_capacity(m);
    let mut censored = Vec::with_capacity(m);
    let mut survival = Vec::with_capacity(m);
    let mut ci_lower = Vec::with_capacity(m);
    let mut ci_upper = Vec::with_capacity(m);
    let mut greenwood = Vec::with_capacity(m);
    let (mut cum_entered, mut cum_removed_before) = (0u64, 0u64);
    let (mut log_s, mut c) = (0.0f64, 0.0f64);
    for j in 0..m {
        let (r, d, e) = (
            removed.get(j).copied().unwrap_or(0),
            events.get(j).copied().unwrap_or(0),
            entered.get(j).copied().unwrap_or(0),
        );
        cum_entered += e;
        // lifelines: at_risk = cumsum(entrance) - cumsum(removed).shift(1); population for the
        // events = at_risk - entrance, except at the first time.
        let table_at_risk = cum_entered.saturating_sub(cum_removed_before);
        let pop = if j == 0 {
            table_at_risk
        } else {
            table_at_risk.saturating_sub(e)
        };
        cum_removed_before += r;
        if pop > 0 {
            let (pf, df) = (pop as f64, d as f64);
            log_s += (pf - df).ln() - pf.ln();
            if pop > d {
                c += df / (pf * (pf - df));
            }
        }
        let s = log_s.exp();
        let v = s.ln();
        let half = z * c.sqrt() / v;
        let lo = (-((-v).ln() - half).exp()).exp();
        let hi = (-((-v).ln() + half).exp()).exp();
        at_risk.push(pop);
        censored.push(r - d.min(r));
        survival.push(s);
        ci_lower.push(if lo.is_nan() { 1.0 } else { lo });
        ci_upper.push(if hi.is_nan() { 1.0 } else { hi });
        greenwood.push(c);
    }
    let median = timeline
        .iter()
        .zip(&survival)
        .find(|(_, s)| **s <= 0.5)
        .map(|(t, _)| *t);
    Ok(KaplanMeier {
        timeline,
        at_risk,
        events,
        censored,
        entered,
        survival,
        ci_lower,
        ci_upper,
        greenwood,
        median,
        alpha,
    })
}

fn invalid(what: &str, v: f64, why: &str) -> DemographyError {
    DemographyError::InvalidValue {
        what: what.to_string(),
        value: v.to_string(),
        why: why.to_string(),
    }
}

/// The standard normal distribution function Φ(x), accurate to about 1e-16 absolute.
fn normal_cdf(x: f64) -> f64 {
    // Φ(x) = 1/2 + φ(x) Σ x^(2k+1) / (1·3·…·(2k+1)) (all terms positive) for moderate |x|;
    // the continued fraction of the Mills ratio in the tails.
    let phi = (-0.5 * x * x).exp() / (2.0 * std::f64::consts::PI).sqrt();
    if x.abs() < 6.0 {
        let (mut term, mut sum, mut k) = (x, x, 1.0f64);
        while term.abs() > 1e-18 * sum.abs().max(1e-300) && k < 500.0 {
            term *= x * x / (2.0 * k + 1.0);
            sum += term;
            k += 1.0;
        }
        0.5 + phi * sum
    } else {
        // Upper tail Q(|x|) = φ(x) / (|x| + 1/(|x| + 2/(|x| + 3/(…)))).
        let a = x.abs();
        let mut f = a;
        for k in (1..60).rev() {
            f = a + f64::from(k) / f;
        }
        let q = phi / f;
        if x > 0.0 { 1.0 - q } else { q }
    }
}

/// Φ⁻¹(p) for p in (0, 1): Acklam's rational approximation refined by Newton steps on
/// [`normal_cdf`] (agrees with scipy's `norm.ppf` to about 1e-15 for the usual p).
pub(crate) fn inv_normal_cdf(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    let plow = 0.02425;
    let mut x = if p < plow {
        let q = (-2.0 * p.ln()).sqrt();
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    } else if p <= 1.0 - plow {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    } else {
        let q = (-2.0 * (1.0 - p).ln()).sqrt();
        -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    for _ in 0..3 {
        let phi = (-0.5 * x * x).exp() / (2.0 * std::f64::consts::PI).sqrt();
        if phi > 0.0 {
            x -= (normal_cdf(x) - p) / phi;
        }
    }
    x
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn z_matches_scipy() {
        // scipy.stats.norm.ppf values.
        assert!((inv_normal_cdf(0.975) - 1.959_963_984_540_054).abs() < 1e-14);
        assert!((inv_normal_cdf(0.95) - 1.644_853_626_951_472_2).abs() < 1e-14);
        assert!((inv_normal_cdf(0.995) - 2.575_829_303_548_900_4).abs() < 1e-13);
    }
}
