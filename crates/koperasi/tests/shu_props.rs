//! Properties of SHU distribution (issue 5): amounts + undistributed = pool exactly;
//! permuting members permutes the amounts; a larger base never gets less; totals reconcile.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use koperasi::Rupiah;
use koperasi::shu::{
    AllocationPlan, Component, Member, PlanLine, Rounding, apportion, book_year_end, shu_distribute,
};
use proptest::prelude::*;

fn base() -> impl Strategy<Value = i64> {
    prop_oneof![0i64..4, 0i64..1_000_000, 0i64..(i64::MAX / 64)]
}

fn total() -> impl Strategy<Value = i64> {
    prop_oneof![0i64..1_000, 0i64..10_000_000_000, 0i64..i64::MAX]
}

fn rounding() -> impl Strategy<Value = Rounding> {
    prop_oneof![
        Just(Rounding::Floor),
        Just(Rounding::HalfUp),
        Just(Rounding::HalfEven)
    ]
}

fn granularity() -> impl Strategy<Value = i64> {
    prop_oneof![Just(1i64), Just(100i64), 1i64..1_000]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn amounts_plus_undistributed_is_the_pool(
        t in total(), bases in prop::collection::vec(base(), 0..40),
        r in rounding(), reconcile in any::<bool>(), g in granularity(),
    ) {
        let a = apportion(Rupiah::from_sen(t), &bases, r, reconcile, g).unwrap();
        let paid: i128 = a.amounts.iter().map(|x| i128::from(x.sen())).sum();
        prop_assert_eq!(paid + i128::from(a.undistributed.sen()), i128::from(t));
        prop_assert_eq!(a.amounts.len(), bases.len());
        for (x, b) in a.amounts.iter().zip(&bases) {
            prop_assert!(x.sen() >= 0);
            prop_assert_eq!(x.sen() % g, 0);
            if *b == 0 { prop_assert_eq!(x.sen(), 0); }
        }
        if reconcile && bases.iter().any(|b| *b > 0) {
            prop_assert_eq!(a.undistributed.sen(), t % g);
        }
        if r == Rounding::Floor || bases.iter().all(|b| *b == 0) {
            prop_assert!(a.undistributed.sen() >= 0);
        }
    }

    #[test]
    fn larger_base_never_gets_less(
        t in total(), bases in prop::collection::vec(base(), 1..40),
        r in rounding(), reconcile in any::<bool>(), g in granularity(),
    ) {
        let a = apportion(Rupiah::from_sen(t), &bases, r, reconcile, g).unwrap();
        for (i, bi) in bases.iter().enumerate() {
            for (j, bj) in bases.iter().enumerate() {
                if bi > bj {
                    prop_assert!(a.amounts[i] >= a.amounts[j],
                        "base {} got {} < base {} got {}", bi, a.amounts[i].sen(), bj, a.amounts[j].sen());
                }
            }
        }
    }

    #[test]
    fn permuting_members_permutes_amounts(
        t in total(), bases in prop::collection::vec(base(), 1..30),
        r in rounding(), reconcile in any::<bool>(), g in granularity(),
        seed in any::<u64>(),
    ) {
        // A permutation from the seed (Fisher-Yates with a small LCG).
        let n = bases.len();
        let mut perm: Vec<usize> = (0..n).collect();
        let mut s = seed;
        for i in (1..n).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let j = (s >> 33) as usize % (i + 1);
            perm.swap(i, j);
        }
        let permuted: Vec<i64> = perm.iter().map(|&i| bases[i]).collect();
        let a = apportion(Rupiah::from_sen(t), &bases, r, reconcile, g).unwrap();
        let b = apportion(Rupiah::from_sen(t), &permuted, r, reconcile, g).unwrap();
        prop_assert_eq!(a.undistributed, b.undistributed);
        // Members with equal bases are interchangeable (ties among them go by position), so the
        // amounts follow the members as a multiset of (base, amount) pairs ...
        let mut pa: Vec<(i64, i64)> = bases.iter().zip(&a.amounts).map(|(x, y)| (*x, y.sen())).collect();
        let mut pb: Vec<(i64, i64)> = permuted.iter().zip(&b.amounts).map(|(x, y)| (*x, y.sen())).collect();
        pa.sort_unstable();
        pb.sort_unstable();
        prop_assert_eq!(pa, pb);
        // ... and exactly, member by member, when no two bases are equal.
        let mut distinct = bases.clone();
        distinct.sort_unstable();
        distinct.dedup();
        if distinct.len() == n {
            for (k, &i) in perm.iter().enumerate() {
                prop_assert_eq!(b.amounts[k], a.amounts[i]);
            }
        }
    }

    #[test]
    fn a_distribution_reconciles(
        shu in 0i64..1_000_000_000_000,
        non_member in prop::option::of(0i64..1_000),
        members in prop::collection::vec((0i64..10_000_000, 0i64..10_000_000, 0i64..1_000_000, 0u8..4), 0..25),
        jm in 0u32..=10_000, r in rounding(), reconcile in any::<bool>(),
    ) {
        let jua = (10_000 - jm) / 2;
        let plan = AllocationPlan {
            rounding: r,
            reconcile,
            ..AllocationPlan::new(vec![
                PlanLine { component: Component::JasaModal, basis_points: jm, base: Some("capital".into()) },
                PlanLine { component: Component::JasaUsaha, basis_points: jua, base: Some("purchases".into()) },
                PlanLine { component: Component::Cadangan, basis_points: 10_000 - jm - jua, base: None },
            ]).unwrap()
        };
        let end = book_year_end(2024).unwrap();
        let ms: Vec<Member> = members.iter().enumerate().map(|(i, (p, w, buy, when))| {
            let mut m = Member::new(format!("M{i}"));
            m.savings.insert("pokok".into(), Rupiah::from_sen(*p));
            m.savings.insert("wajib".into(), Rupiah::from_sen(*w));
            m.transactions.insert("purchases".into(), Rupiah::from_sen(*buy));
            m.leave_date = match when { 0 => end.pred_opt(), 1 => Some(end), _ => None };
            m
        }).collect();
        let d = shu_distribute(&plan, &ms, Rupiah::from_sen(shu), non_member.map(Rupiah::from_sen), end).unwrap();
        let a = &d.allocation;
        prop_assert_eq!(
            d.retained.sen() + d.distributed.sen() + d.undistributed.sen() + a.unallocated.sen(),
            shu
        );
        for (k, p) in d.pools.iter().enumerate() {
            prop_assert_eq!(p.distributed.sen() + p.undistributed.sen(), p.amount.sen());
            let col: i64 = d.members.iter().map(|m| m.amounts[k].sen()).sum();
            prop_assert_eq!(col, p.distributed.sen());
        }
        let totals: i64 = d.members.iter().map(|m| m.total.sen()).sum();
        prop_assert_eq!(totals, d.distributed.sen());
        for (m, (_, _, _, when)) in d.members.iter().zip(&members) {
            prop_assert_eq!(m.excluded.is_some(), *when == 0);
            if m.excluded.is_some() { prop_assert_eq!(m.total.sen(), 0); }
        }
    }
}
