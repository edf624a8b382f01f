//! SHU (sisa hasil usaha): allocation by the AD/ART plan and distribution to members.
//! DOMAIN.md section 3. (Being built: issue 5.)
