//! Business demography: status over time, births, deaths, survival.
//! DOMAIN.md sections 5.3-5.4. (Being built: issue 6.)
