//! What limits a demography report's figures ([`DemographyNote`]): a stable code, the English
//! text (`Display`, in [`DemographyReport::notes`](super::DemographyReport::notes)) and the
//! Indonesian text (in [`DemographyReport::notes_id`](super::DemographyReport::notes_id)).

/// One note of a demography report, with the facts it states.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DemographyNote {
    /// Records with no founding year, counted only from their first year with evidence.
    UnknownFounding {
        /// How many records.
        count: u64,
        /// The as-of year (the fallback first year).
        as_of_year: i32,
    },
    /// Years where the activity of some cooperatives is unknown.
    IncompleteYears {
        /// The years, comma separated.
        years: String,
    },
    /// The register records no fact from which a death can be seen.
    DeathsNotMeasurable,
}

impl DemographyNote {
    /// Stable snake_case code: `unknown_founding`, `incomplete_years`,
    /// `deaths_not_measurable`.
    pub fn code(&self) -> &'static str {
        match self {
            DemographyNote::UnknownFounding { .. } => "unknown_founding",
            DemographyNote::IncompleteYears { .. } => "incomplete_years",
            DemographyNote::DeathsNotMeasurable => "deaths_not_measurable",
        }
    }

    /// The note in Indonesian (the English one is the `Display`), with the same facts.
    pub fn message_id(&self) -> String {
        match self {
            DemographyNote::UnknownFounding { count, as_of_year } => format!(
                "{count} koperasi tidak memiliki tahun pendirian: masing-masing dihitung hanya \
                 sejak tahun pertama yang ada buktinya (RAT, verifikasi lapangan, kegiatan \
                 usaha, pembubaran, atau tahun acuan {as_of_year}), tidak pernah sebagai \
                 kelahiran"
            ),
            DemographyNote::IncompleteYears { years } => format!(
                "tahun tidak lengkap {years}: kegiatan sebagian koperasi tidak diketahui pada \
                 tahun itu (status tidak dapat dinilai, mis. tahun buku sebelum kolom RAT \
                 pertama di berkas); koperasi yang aktif sebelum dan sesudah tahun itu (atau \
                 sejak didirikan) dihitung aktif (asumsi bertahan), dan tidak ada kematian atau \
                 aktif kembali yang disimpulkan melintasinya"
            ),
            DemographyNote::DeathsNotMeasurable => "register tidak mencatat pembubaran, RAT, \
                                                    verifikasi lapangan atau kegiatan usaha: \
                                                    kematian dan kelangsungan hidup tidak dapat \
                                                    diukur darinya (0 kematian dan 100% bertahan \
                                                    hanya berarti tidak ada yang tercatat)"
                .to_string(),
        }
    }
}

impl std::fmt::Display for DemographyNote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DemographyNote::UnknownFounding { count, as_of_year } => write!(
                f,
                "{count} cooperative(s) have no founding year: each counts only from its first \
                 year with evidence (RAT, field check, business activity, dissolution, else the \
                 as-of year {as_of_year}), never as a birth"
            ),
            DemographyNote::IncompleteYears { years } => write!(
                f,
                "incomplete years {years}: the activity of some cooperatives is unknown there \
                 (status not assessable, e.g. book years before the file's first RAT column); \
                 those active before and after such years (or since founding) are counted \
                 active in them (survivor assumption), and no death or reactivation is inferred \
                 across them"
            ),
            DemographyNote::DeathsNotMeasurable => f.write_str(
                "the register records no dissolution, RAT, field check or business activity: \
                 deaths and survival cannot be measured from it (0 deaths and 100% survival \
                 only mean none is recorded)",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::DemographyNote;

    /// Every note (the match has no wildcard) has an Indonesian text other than the English.
    #[test]
    fn every_note_has_its_indonesian_text() {
        let all = [
            DemographyNote::UnknownFounding {
                count: 190,
                as_of_year: 2022,
            },
            DemographyNote::IncompleteYears {
                years: "2016, 2017".into(),
            },
            DemographyNote::DeathsNotMeasurable,
        ];
        for n in &all {
            let covered = match n {
                DemographyNote::UnknownFounding { .. }
                | DemographyNote::IncompleteYears { .. }
                | DemographyNote::DeathsNotMeasurable => true,
            };
            assert!(covered);
            assert!(!n.message_id().trim().is_empty(), "{}", n.code());
            assert_ne!(n.message_id(), n.to_string(), "{}", n.code());
        }
        assert!(
            all[0]
                .message_id()
                .starts_with("190 koperasi tidak memiliki tahun pendirian")
        );
        assert!(all[1].message_id().contains("2016, 2017"));
    }
}
