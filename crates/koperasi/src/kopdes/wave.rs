//! The KDMP/KKMP wave in growth figures.
