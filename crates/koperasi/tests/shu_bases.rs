//! Plan bases and capital savings kinds are checked against the member data (review of issue 5,
//! finding 2): a name no member column provides is an error naming it, what the members have,
//! and a close name; a column that is 0 for everyone is a zero base (pool undistributed).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::Rupiah;
use koperasi::io::ReadOptions;
use koperasi::shu::{
    AllocationPlan, UndistributedReason, book_year_end, read_members, shu_check_bases,
    shu_distribute,
};

const MEMBERS: &str = include_str!("../../../examples/shu/members.csv");
const PLAN: &str = include_str!("../../../examples/shu/plan.toml");

fn members() -> Vec<koperasi::shu::Member> {
    read_members(MEMBERS.as_bytes(), &ReadOptions::default())
        .unwrap()
        .0
}

fn distribute(plan: &str) -> Result<koperasi::shu::Distribution, koperasi::error::ShuError> {
    let plan = AllocationPlan::from_toml(plan).unwrap();
    shu_distribute(
        &plan,
        &members(),
        Rupiah::from_sen(6_000_000_000),
        None,
        book_year_end(2024).unwrap(),
    )
}

#[test]
fn a_misspelt_base_is_an_error_with_a_suggestion() {
    let e = distribute(&PLAN.replace("base = \"interest\"", "base = \"intrest\"")).unwrap_err();
    assert_eq!(e.code(), "shu_unknown_base");
    let msg = e.to_string();
    assert!(msg.contains("`intrest`"), "{msg}");
    assert!(msg.contains("jasa_pinjaman"), "{msg}");
    // The example file's transaction columns: Pembelian, Jasa Pinjaman.
    assert!(
        msg.contains("transaction bases interest, purchases"),
        "{msg}"
    );
    assert!(msg.contains("did you mean `interest`?"), "{msg}");
}

#[test]
fn a_misspelt_capital_kind_is_an_error_not_a_dropped_kind() {
    let e = distribute(&PLAN.replace(
        "capital_savings = [\"pokok\", \"wajib\"]",
        "capital_savings = [\"pokok\", \"wajbi\"]",
    ))
    .unwrap_err();
    assert_eq!(e.code(), "shu_unknown_base");
    let msg = e.to_string();
    assert!(
        msg.contains("savings kind in capital_savings `wajbi`"),
        "{msg}"
    );
    assert!(
        msg.contains("savings kinds pokok, sukarela, wajib"),
        "{msg}"
    );
    assert!(msg.contains("did you mean `wajib`?"), "{msg}");
}

#[test]
fn a_column_of_zeros_is_a_zero_base_not_an_unknown_one() {
    // Blank the Jasa Pinjaman column: the column exists, every member has 0.
    let csv: String = MEMBERS
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                format!("{l}\n")
            } else {
                let mut cells: Vec<&str> = l.split(',').collect();
                // The last cell is Jasa Pinjaman (no quoted commas in the example file).
                if let Some(last) = cells.last_mut() {
                    *last = "";
                }
                format!("{}\n", cells.join(","))
            }
        })
        .collect();
    let (ms, _) = read_members(csv.as_bytes(), &ReadOptions::default()).unwrap();
    assert!(
        ms.iter()
            .all(|m| m.transactions["interest"] == Rupiah::ZERO)
    );
    let plan = AllocationPlan::from_toml(PLAN).unwrap();
    let d = shu_distribute(
        &plan,
        &ms,
        Rupiah::from_sen(6_000_000_000),
        None,
        book_year_end(2024).unwrap(),
    )
    .unwrap();
    let p = d.pools.iter().find(|p| p.base == "interest").unwrap();
    assert_eq!(p.reason, Some(UndistributedReason::ZeroTotalBase));
    // 10 % of Rp 60,000,000 stays undistributed.
    assert_eq!(p.undistributed.sen(), 600_000_000);
    // Without the column at all, the same plan is an error.
    let without: String = csv
        .lines()
        .map(|l| format!("{}\n", l.rsplit_once(',').unwrap().0))
        .collect();
    let (ms, _) = read_members(without.as_bytes(), &ReadOptions::default()).unwrap();
    let e = shu_check_bases(&plan, &ms).unwrap_err();
    assert_eq!(e.code(), "shu_unknown_base");
}

#[test]
fn a_register_without_pokok_is_reported_not_refused() {
    let ms: Vec<_> = members()
        .into_iter()
        .map(|mut m| {
            m.savings.remove("pokok");
            m
        })
        .collect();
    let plan = AllocationPlan::from_toml(PLAN).unwrap();
    assert_eq!(shu_check_bases(&plan, &ms).unwrap(), ["pokok"]);
    assert!(
        shu_check_bases(&plan, &members()).unwrap().is_empty(),
        "the example file has both"
    );
    // No savings kind at all for a capital pool: an error.
    let none: Vec<_> = members()
        .into_iter()
        .map(|mut m| {
            m.savings.clear();
            m
        })
        .collect();
    assert_eq!(
        shu_check_bases(&plan, &none).unwrap_err().code(),
        "shu_unknown_base"
    );
}
