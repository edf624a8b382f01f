/// An SHU allocation plan, member register or distribution cannot be computed.
///
/// Messages name members by their membership id only, never by name or NIK (DESIGN.md
/// "Personal data stays private").
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ShuError {
    /// The plan's components do not sum to exactly 10,000 basis points (100 %).
    #[error("allocation plan sums to {sum} basis points ({percent} %), not 10000 (100 %); {hint}")]
    PlanSum {
        /// The sum found, in basis points.
        sum: i64,
        /// The sum as a percentage text, e.g. `105.00`.
        percent: String,
        /// Which list of components (`components` or `non_member_components`) and what to do.
        hint: String,
    },
    /// The plan has no component.
    #[error("allocation plan has no component; list at least one, e.g. cadangan = 10000 bp")]
    PlanEmpty,
    /// A component appears twice in one list.
    #[error("allocation plan lists the component `{component}` twice")]
    PlanDuplicate {
        /// The component's name.
        component: String,
    },
    /// A plan line is inconsistent (e.g. a non-member line with a member base, an empty name).
    #[error("allocation plan: {why}")]
    PlanInvalid {
        /// What is wrong.
        why: String,
    },
    /// The plan file is not valid TOML or JSON of a plan.
    #[error("allocation plan cannot be read: {why}")]
    PlanParse {
        /// The parser's message.
        why: String,
    },
    /// The SHU is negative (a loss): a loss is not distributed to members (UU 25/1992 art. 45
    /// distributes a surplus; a loss is covered by the reserve as the RAT decides).
    #[error(
        "SHU is negative ({shu}): a loss is not distributed; it is covered as the RAT decides (e.g. from the reserve)"
    )]
    NegativeShu {
        /// The SHU given, formatted as rupiah.
        shu: String,
    },
    /// The SHU from non-member business is negative or larger than the whole SHU.
    #[error("non-member SHU {non_member} must be between 0 and the whole SHU {shu}")]
    NonMemberShu {
        /// The non-member SHU, formatted as rupiah.
        non_member: String,
        /// The whole SHU, formatted as rupiah.
        shu: String,
    },
    /// A member's base (savings or transactions) is negative.
    #[error("member `{member_id}`: base `{base}` is negative ({value} sen); bases must be >= 0")]
    NegativeBase {
        /// The member's id (membership number).
        member_id: String,
        /// The base's name (`capital`, `purchases`, ...).
        base: String,
        /// The value found, in sen.
        value: i64,
    },
    /// Two members share one id.
    #[error("member id `{member_id}` appears twice; member ids must be unique")]
    DuplicateMember {
        /// The repeated id.
        member_id: String,
    },
    /// A member has an empty id.
    #[error("a member has an empty id (member number {position}, counted from 1)")]
    EmptyMemberId {
        /// 1-based position in the list.
        position: usize,
    },
    /// Rounding granularity is not a positive number of sen.
    #[error(
        "granularity must be a positive number of sen (1 = sen, 100 = whole rupiah), not {value}"
    )]
    Granularity {
        /// The value given.
        value: i64,
    },
    /// An amount does not fit in `i64` sen.
    #[error("amount overflow while computing {what}")]
    Overflow {
        /// What was being computed.
        what: String,
    },
    /// Two members got the same pseudonym (a 64-bit hash collision): use another key.
    #[error("two member ids give the same pseudonym `{pseudonym}`; choose another key")]
    PseudonymCollision {
        /// The pseudonym.
        pseudonym: String,
    },
    /// A pool's base, or a savings kind of `capital_savings`, is not provided by any member
    /// (no column of the member file gives it): a misspelt name would otherwise leave the pool
    /// undistributed or silently drop a kind of savings. A base that exists but is 0 for every
    /// member is not this error: that pool is undistributed with reason `zero_total_base`.
    #[error(
        "allocation plan: {what} `{name}` is not in the member data (no member column provides it); the members have {available}{suggestion}"
    )]
    UnknownBase {
        /// What was not found, e.g. "base of pool `jasa_pinjaman`" or "savings kind in capital_savings".
        what: String,
        /// The name as written in the plan.
        name: String,
        /// The bases / savings kinds the members do have, comma-separated (`none` when empty).
        available: String,
        /// `; did you mean `x`?` when a close name exists, else empty.
        suggestion: String,
    },
    /// The anonymisation key is empty.
    #[error("the anonymisation key is empty; give a secret passphrase")]
    EmptyKey,
}

impl ShuError {
    /// The stable snake_case code of this error: `shu_plan_sum`, `shu_plan_empty`,
    /// `shu_plan_duplicate`, `shu_plan_invalid`, `shu_plan_parse`, `shu_negative`,
    /// `shu_non_member`, `shu_negative_base`, `shu_duplicate_member`, `shu_empty_member_id`,
    /// `shu_granularity`, `shu_overflow`, `shu_pseudonym_collision`, `shu_empty_key`,
    /// `shu_unknown_base`.
    pub fn code(&self) -> &'static str {
        match self {
            ShuError::PlanSum { .. } => "shu_plan_sum",
            ShuError::PlanEmpty => "shu_plan_empty",
            ShuError::PlanDuplicate { .. } => "shu_plan_duplicate",
            ShuError::PlanInvalid { .. } => "shu_plan_invalid",
            ShuError::PlanParse { .. } => "shu_plan_parse",
            ShuError::NegativeShu { .. } => "shu_negative",
            ShuError::NonMemberShu { .. } => "shu_non_member",
            ShuError::NegativeBase { .. } => "shu_negative_base",
            ShuError::DuplicateMember { .. } => "shu_duplicate_member",
            ShuError::EmptyMemberId { .. } => "shu_empty_member_id",
            ShuError::Granularity { .. } => "shu_granularity",
            ShuError::Overflow { .. } => "shu_overflow",
            ShuError::PseudonymCollision { .. } => "shu_pseudonym_collision",
            ShuError::EmptyKey => "shu_empty_key",
            ShuError::UnknownBase { .. } => "shu_unknown_base",
        }
    }
}
