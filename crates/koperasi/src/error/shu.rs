/// An SHU allocation plan or distribution cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ShuError {
    /// The plan's components do not sum to 10,000 basis points.
    #[error("allocation plan sums to {sum} basis points, not 10000")]
    PlanSum {
        /// The sum found.
        sum: i64,
    },
}

impl ShuError {
    /// The stable snake_case code of this error.
    pub fn code(&self) -> &'static str {
        match self {
            ShuError::PlanSum { .. } => "shu_plan_sum",
        }
    }
}
